// Plans an import before anything is written: which records of a file are new, identical to stored ones,
// or in conflict with them (same id, other content), and which stored firm each firm of the file lands on.
// Pure: the caller passes in what is stored. docs/data-safety.md explains the rules.
import type { Answer, Assessment, Firm } from './types';
import type { PlanItemState, TargetProfile } from './result-types';
import type { ExportFile, FileAssessment } from './file-format';

export type ConflictChoice = 'keepBoth' | 'replace' | 'skip';
export const CONFLICT_CHOICES: readonly ConflictChoice[] = ['keepBoth', 'replace', 'skip'];

/**
 * What is stored. `answers` and `planStates` must hold those of every stored assessment whose id is also in
 * the file; `targets` the target profile of every stored firm that has one (by firm id).
 */
export interface StoredData {
  firms: readonly Firm[];
  assessments: readonly Assessment[];
  answers: ReadonlyMap<string, readonly Answer[]>;
  planStates: ReadonlyMap<string, readonly PlanItemState[]>;
  targets: ReadonlyMap<string, TargetProfile>;
}

/** A field whose stored and incoming values differ, both as text (null → ''). */
export interface ValueDifference {
  field: string;
  stored: string;
  incoming: string;
}

/** Ids whose entries differ, are only in the file, or only stored. */
export interface IdLists {
  changed: string[];
  onlyIncoming: string[];
  onlyStored: string[];
}

/** Indicator ids whose answers differ. */
export interface AnswersDifference extends IdLists {
  field: 'answers';
}

/**
 * The plan decisions differ. `actions` lists the action ids; as a ValueDifference, `stored` and `incoming`
 * name the differing actions decided on each side (at most 5, then `(+n)`).
 */
export interface PlanStatesDifference extends ValueDifference {
  field: 'planStates';
  actions: IdLists;
}

/** A firm's `targets` difference is a ValueDifference whose texts list `id level` pairs, e.g. `SRV 4, STR-01 5`. */
export type Difference = ValueDifference | AnswersDifference | PlanStatesDifference;

export interface FirmPlan {
  /** Id in the file. */
  id: string;
  name: string;
  /**
   * new: written under its id. identical: already stored, nothing written. matched: a stored firm with
   * another id has the same credit code (or name), the file's assessments join it and its profile is kept.
   * conflict: the stored firm with this id has other content.
   */
  kind: 'new' | 'identical' | 'matched' | 'conflict';
  storedId: string | null;
  matchedBy: 'creditCode' | 'name' | null;
  conflictKey: string | null;
  /** The stored firm it lands on has targets set: then only `replace` takes the file's targets. */
  storedTargets: boolean;
}

export interface AssessmentPlan {
  id: string;
  firmId: string;
  assessedOn: string;
  kind: 'new' | 'identical' | 'conflict';
  conflictKey: string | null;
}

export interface Conflict {
  /** `firm:<id>` or `assessment:<id>`: the key of its choice. */
  key: string;
  type: 'firm' | 'assessment';
  id: string;
  /** What the confirmation screen names: the firm (as in the file) and, for an assessment, its date and assessor. */
  firmName: string;
  assessedOn: string | null;
  assessor: string | null;
  differences: Difference[];
  /** Which side was changed last (updatedAt). */
  newer: 'incoming' | 'stored' | 'same';
  defaultChoice: ConflictChoice;
}

export interface ImportPlan {
  /** One per firm of the file, in file order. */
  firms: FirmPlan[];
  /** One per assessment of the file, in file order. */
  assessments: AssessmentPlan[];
  conflicts: Conflict[];
}

/** The user's choice per conflict key; a conflict without one takes its defaultChoice. */
export type ImportChoices = Readonly<Record<string, ConflictChoice>>;

const FIRM_FIELDS = ['name', 'creditCode', 'industry', 'sizeClass', 'district', 'employees', 'contact', 'createdAt'] as const;
const ASSESSMENT_FIELDS = ['firmId', 'catalogueVersion', 'assessor', 'assessedOn', 'status', 'previousId', 'createdAt', 'completedAt'] as const;
const ANSWER_FIELDS = ['level', 'notApplicable', 'naReason', 'note', 'evidence'] as const;
const PLAN_STATE_FIELDS = ['status', 'text', 'owner', 'dueDate', 'note'] as const;

const asText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function valueDifferences<T extends object>(stored: T, incoming: T, fields: readonly (keyof T)[]): ValueDifference[] {
  return fields
    .filter((f) => stored[f] !== incoming[f])
    .map((f) => ({ field: String(f), stored: asText(stored[f]), incoming: asText(incoming[f]) }));
}

/** An answer with nothing in it is the same as no answer. */
function isEmptyAnswer(a: Answer): boolean {
  return a.level === null && !a.notApplicable && a.naReason === '' && a.note === '' && a.evidence === '';
}

/** A decision that is still the default (proposed, nothing written) is the same as no decision. */
function isDefaultState(s: PlanItemState): boolean {
  return s.status === 'proposed' && s.text === '' && s.owner === '' && s.dueDate === '' && s.note === '';
}

function idLists<T>(
  stored: readonly T[],
  incoming: readonly T[],
  keyOf: (x: T) => string,
  isEmpty: (x: T) => boolean,
  fields: readonly (keyof T)[],
): IdLists | null {
  const index = (list: readonly T[]) => new Map(list.filter((x) => !isEmpty(x)).map((x) => [keyOf(x), x]));
  const s = index(stored);
  const i = index(incoming);
  const changed: string[] = [];
  const onlyIncoming: string[] = [];
  for (const [id, a] of i) {
    const b = s.get(id);
    if (!b) onlyIncoming.push(id);
    else if (fields.some((f) => a[f] !== b[f])) changed.push(id);
  }
  const onlyStored = [...s.keys()].filter((id) => !i.has(id));
  if (changed.length + onlyIncoming.length + onlyStored.length === 0) return null;
  return { changed: changed.sort(), onlyIncoming: onlyIncoming.sort(), onlyStored: onlyStored.sort() };
}

function idsText(ids: readonly string[]): string {
  const sorted = [...ids].sort();
  return sorted.length > 5 ? `${sorted.slice(0, 5).join(', ')} (+${sorted.length - 5})` : sorted.join(', ');
}

function planStatesDifference(stored: readonly PlanItemState[], incoming: readonly PlanItemState[]): PlanStatesDifference | null {
  const actions = idLists(stored, incoming, (x) => x.actionId, isDefaultState, PLAN_STATE_FIELDS);
  if (!actions) return null;
  return {
    field: 'planStates',
    stored: idsText([...actions.changed, ...actions.onlyStored]),
    incoming: idsText([...actions.changed, ...actions.onlyIncoming]),
    actions,
  };
}

/** Whether a target profile sets anything; an empty one is the same as none. */
export function hasTargets(t: TargetProfile | null | undefined): t is TargetProfile {
  return !!t && Object.keys(t.modules).length + Object.keys(t.indicators).length > 0;
}

/** `SRV 4, STR 3, STR-01 5`: modules, then indicators, each sorted by id; '' for none. */
function targetsText(t: TargetProfile | null | undefined): string {
  if (!hasTargets(t)) return '';
  const pairs = (r: Record<string, number>) => Object.keys(r).sort().map((id) => `${id} ${r[id]}`);
  return [...pairs(t.modules), ...pairs(t.indicators)].join(', ');
}

function newer(stored: string, incoming: string): Conflict['newer'] {
  const d = Date.parse(incoming) - Date.parse(stored);
  return d > 0 ? 'incoming' : d < 0 ? 'stored' : 'same';
}

/** Name as compared: NFKC (full-width brackets → ASCII), no spaces, case folded. */
export function comparableFirmName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * Whether two profiles describe the same firm: the same credit code when both have one, otherwise the same
 * name (a code added on one device only does not split a firm in two).
 */
export function sameFirmIdentity(a: Pick<Firm, 'name' | 'creditCode'>, b: Pick<Firm, 'name' | 'creditCode'>): 'creditCode' | 'name' | null {
  if (a.creditCode !== '' && b.creditCode !== '') return a.creditCode === b.creditCode ? 'creditCode' : null;
  return comparableFirmName(a.name) === comparableFirmName(b.name) ? 'name' : null;
}

function byAge(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The stored firm (under another id) a firm of the file belongs to: a credit-code match first, then a name match. */
function findMatch(firm: Firm, candidates: readonly Firm[]): { firm: Firm; by: 'creditCode' | 'name' } | null {
  if (firm.creditCode !== '') {
    const byCode = candidates.find((s) => s.creditCode === firm.creditCode);
    if (byCode) return { firm: byCode, by: 'creditCode' };
  }
  const byName = candidates.find((s) => sameFirmIdentity(s, firm) === 'name');
  return byName ? { firm: byName, by: 'name' } : null;
}

export function planImport(file: ExportFile, stored: StoredData): ImportPlan {
  const storedFirms = new Map(stored.firms.map((f) => [f.id, f]));
  const storedAssessments = new Map(stored.assessments.map((a) => [a.id, a]));
  const candidates = [...stored.firms].sort(byAge);
  const conflicts: Conflict[] = [];
  /** File firm id → the stored firm it corresponds to (for comparing assessments). */
  const firmTarget = new Map<string, string>();
  const firmNames = new Map<string, string>();

  const storedTargets = (firmId: string) => hasTargets(stored.targets.get(firmId));

  const firms = file.firms.map((f): FirmPlan => {
    firmNames.set(f.id, f.name);
    const same = storedFirms.get(f.id);
    if (same) {
      firmTarget.set(f.id, f.id);
      const base = { id: f.id, name: f.name, storedId: f.id, matchedBy: null, storedTargets: storedTargets(f.id) };
      const differences = valueDifferences<Firm>(same, f, FIRM_FIELDS);
      const targets = { stored: targetsText(stored.targets.get(f.id)), incoming: targetsText(f.targets) };
      // Targets set on both sides and different make a conflict; a side without targets takes the other's (see resolveImport).
      const targetsConflict = targets.stored !== '' && targets.incoming !== '' && targets.stored !== targets.incoming;
      if (differences.length === 0 && !targetsConflict) return { ...base, kind: 'identical', conflictKey: null };
      if (targets.stored !== targets.incoming) differences.push({ field: 'targets', ...targets });
      const key = `firm:${f.id}`;
      conflicts.push({
        key,
        type: 'firm',
        id: f.id,
        firmName: f.name,
        assessedOn: null,
        assessor: null,
        differences,
        newer: newer(same.updatedAt, f.updatedAt),
        // The same firm edited on two devices: keep one record, the stored profile; otherwise keep both.
        defaultChoice: sameFirmIdentity(same, f) ? 'skip' : 'keepBoth',
      });
      return { ...base, kind: 'conflict', conflictKey: key };
    }
    const match = findMatch(f, candidates);
    if (match) {
      firmTarget.set(f.id, match.firm.id);
      return { id: f.id, name: f.name, kind: 'matched', storedId: match.firm.id, matchedBy: match.by, conflictKey: null, storedTargets: storedTargets(match.firm.id) };
    }
    firmTarget.set(f.id, f.id);
    return { id: f.id, name: f.name, kind: 'new', storedId: null, matchedBy: null, conflictKey: null, storedTargets: false };
  });

  const assessments = file.assessments.map((a): AssessmentPlan => {
    const base = { id: a.id, firmId: a.firmId, assessedOn: a.assessedOn };
    const same = storedAssessments.get(a.id);
    if (!same) return { ...base, kind: 'new', conflictKey: null };
    const incoming: Assessment = { ...a, firmId: firmTarget.get(a.firmId) ?? a.firmId };
    const differences: Difference[] = valueDifferences<Assessment>(same, incoming, ASSESSMENT_FIELDS);
    const answers = idLists(stored.answers.get(a.id) ?? [], a.answers, (x) => x.indicatorId, isEmptyAnswer, ANSWER_FIELDS);
    if (answers) differences.push({ field: 'answers', ...answers });
    const plan = planStatesDifference(stored.planStates.get(a.id) ?? [], a.planStates);
    if (plan) differences.push(plan);
    if (differences.length === 0) return { ...base, kind: 'identical', conflictKey: null };
    const key = `assessment:${a.id}`;
    conflicts.push({
      key,
      type: 'assessment',
      id: a.id,
      firmName: firmNames.get(a.firmId) ?? '',
      assessedOn: a.assessedOn,
      assessor: a.assessor,
      differences,
      newer: newer(same.updatedAt, a.updatedAt),
      defaultChoice: 'keepBoth',
    });
    return { ...base, kind: 'conflict', conflictKey: key };
  });

  return { firms, assessments, conflicts };
}

/** Keys of choices that name no conflict of the plan or are no valid choice. */
export function invalidChoices(plan: ImportPlan, choices: ImportChoices): string[] {
  const keys = new Set(plan.conflicts.map((c) => c.key));
  return Object.keys(choices).filter((k) => !keys.has(k) || !CONFLICT_CHOICES.includes(choices[k]!));
}

export function choiceFor(conflict: Conflict, choices: ImportChoices): ConflictChoice {
  return Object.hasOwn(choices, conflict.key) ? choices[conflict.key]! : conflict.defaultChoice;
}

export interface ImportWrites {
  /** add: the id is free. replace: overwrites the stored record of that id (only for a 'replace' choice). */
  firms: { firm: Firm; mode: 'add' | 'replace' }[];
  /** With answers and plan decisions; a replaced assessment's stored answers and decisions are replaced as a whole. */
  assessments: { assessment: FileAssessment; mode: 'add' | 'replace' }[];
  /** Stored firm id → the targets to store for it; null removes the stored ones (a replaced firm without targets). */
  targets: Map<string, TargetProfile | null>;
  /** Id in the file → id stored under, for every firm and assessment of the file. */
  firmIds: Map<string, string>;
  assessmentIds: Map<string, string>;
}

/**
 * What to write for a plan and the user's choices. keepBoth stores the incoming record under a new id from
 * `newId`; a firm kept twice takes all its assessments of the file along (those already stored get new ids).
 * References (firmId, previousId) follow the records; a previousId naming nothing in the file is kept as is.
 * Targets: a new or kept-twice firm gets the file's; a stored firm (identical, matched, skipped) keeps its
 * own and takes the file's only when it has none; replace overwrites them.
 */
export function resolveImport(file: ExportFile, plan: ImportPlan, choices: ImportChoices, newId: () => string): ImportWrites {
  const conflicts = new Map(plan.conflicts.map((c) => [c.key, c]));
  const choice = (key: string | null): ConflictChoice => {
    const c = key === null ? undefined : conflicts.get(key);
    if (!c) throw new Error(`plan has no conflict ${String(key)}`);
    return choiceFor(c, choices);
  };
  const writes: ImportWrites = { firms: [], assessments: [], targets: new Map(), firmIds: new Map(), assessmentIds: new Map() };
  const copiedFirms = new Set<string>();

  file.firms.forEach((fileFirm, i) => {
    const p = plan.firms[i]!;
    const { targets, ...firm } = fileFirm;
    let target = firm.id;
    let hasOwn = p.storedTargets;
    if (p.kind === 'new') writes.firms.push({ firm, mode: 'add' });
    else if (p.kind === 'matched') target = p.storedId!;
    else if (p.kind === 'conflict') {
      const c = choice(p.conflictKey);
      if (c === 'replace') {
        writes.firms.push({ firm, mode: 'replace' });
        if (hasTargets(targets) || p.storedTargets) writes.targets.set(firm.id, hasTargets(targets) ? targets : null);
      } else if (c === 'keepBoth') {
        target = newId();
        hasOwn = false;
        copiedFirms.add(firm.id);
        writes.firms.push({ firm: { ...firm, id: target }, mode: 'add' });
      }
    }
    // A firm without targets takes the file's; when several firms of the file land on it, the first (or a replace).
    if (!hasOwn && hasTargets(targets) && !writes.targets.has(target)) writes.targets.set(target, targets);
    writes.firmIds.set(firm.id, target);
  });

  const pending: { record: FileAssessment; mode: 'add' | 'replace' }[] = [];
  file.assessments.forEach((a, i) => {
    const p = plan.assessments[i]!;
    let target = a.id;
    let mode: 'add' | 'replace' | null = null;
    if (copiedFirms.has(a.firmId)) {
      if (p.kind !== 'new') target = newId();
      mode = 'add';
    } else if (p.kind === 'new') mode = 'add';
    else if (p.kind === 'conflict') {
      const c = choice(p.conflictKey);
      if (c === 'replace') mode = 'replace';
      else if (c === 'keepBoth') {
        target = newId();
        mode = 'add';
      }
    }
    writes.assessmentIds.set(a.id, target);
    if (mode) pending.push({ record: a, mode });
  });

  for (const { record, mode } of pending) {
    const previousId = record.previousId === null ? null : (writes.assessmentIds.get(record.previousId) ?? record.previousId);
    writes.assessments.push({
      assessment: { ...record, id: writes.assessmentIds.get(record.id)!, firmId: writes.firmIds.get(record.firmId)!, previousId },
      mode,
    });
  }
  return writes;
}
