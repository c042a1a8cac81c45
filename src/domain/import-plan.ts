// Plans an import before anything is written: which records of a file are new, identical to stored ones,
// or in conflict with them (same id, other content), and which stored firm each firm of the file lands on.
// Pure: the caller passes in what is stored. docs/data-safety.md explains the rules.
import type { Answer, Assessment, Firm } from './types';
import type { AssessmentRecord, ExportFile } from './file-format';

export type ConflictChoice = 'keepBoth' | 'replace' | 'skip';
export const CONFLICT_CHOICES: readonly ConflictChoice[] = ['keepBoth', 'replace', 'skip'];

/** What is stored; `answers` must hold the answers of every stored assessment whose id is also in the file. */
export interface StoredData {
  firms: readonly Firm[];
  assessments: readonly Assessment[];
  answers: ReadonlyMap<string, readonly Answer[]>;
}

/** A field whose stored and incoming values differ, both as text (null → ''). */
export interface ValueDifference {
  field: string;
  stored: string;
  incoming: string;
}

/** Indicator ids whose answers differ, are only in the file, or only stored. */
export interface AnswersDifference {
  field: 'answers';
  changed: string[];
  onlyIncoming: string[];
  onlyStored: string[];
}

export type Difference = ValueDifference | AnswersDifference;

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

const asText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function valueDifferences<T extends object>(stored: T, incoming: T, fields: readonly (keyof T)[]): ValueDifference[] {
  return fields
    .filter((f) => stored[f] !== incoming[f])
    .map((f) => ({ field: String(f), stored: asText(stored[f]), incoming: asText(incoming[f]) }));
}

/** An answer with nothing in it is the same as no answer. */
function isEmpty(a: Answer): boolean {
  return a.level === null && !a.notApplicable && a.naReason === '' && a.note === '' && a.evidence === '';
}

function answersDifference(stored: readonly Answer[], incoming: readonly Answer[]): AnswersDifference | null {
  const index = (list: readonly Answer[]) => new Map(list.filter((a) => !isEmpty(a)).map((a) => [a.indicatorId, a]));
  const s = index(stored);
  const i = index(incoming);
  const changed: string[] = [];
  const onlyIncoming: string[] = [];
  for (const [id, a] of i) {
    const b = s.get(id);
    if (!b) onlyIncoming.push(id);
    else if (ANSWER_FIELDS.some((f) => a[f] !== b[f])) changed.push(id);
  }
  const onlyStored = [...s.keys()].filter((id) => !i.has(id));
  if (changed.length + onlyIncoming.length + onlyStored.length === 0) return null;
  return { field: 'answers', changed: changed.sort(), onlyIncoming: onlyIncoming.sort(), onlyStored: onlyStored.sort() };
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

  const firms = file.firms.map((f): FirmPlan => {
    firmNames.set(f.id, f.name);
    const same = storedFirms.get(f.id);
    if (same) {
      firmTarget.set(f.id, f.id);
      const differences = valueDifferences<Firm>(same, f, FIRM_FIELDS);
      if (differences.length === 0) return { id: f.id, name: f.name, kind: 'identical', storedId: f.id, matchedBy: null, conflictKey: null };
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
      return { id: f.id, name: f.name, kind: 'conflict', storedId: f.id, matchedBy: null, conflictKey: key };
    }
    const match = findMatch(f, candidates);
    if (match) {
      firmTarget.set(f.id, match.firm.id);
      return { id: f.id, name: f.name, kind: 'matched', storedId: match.firm.id, matchedBy: match.by, conflictKey: null };
    }
    firmTarget.set(f.id, f.id);
    return { id: f.id, name: f.name, kind: 'new', storedId: null, matchedBy: null, conflictKey: null };
  });

  const assessments = file.assessments.map((a): AssessmentPlan => {
    const base = { id: a.id, firmId: a.firmId, assessedOn: a.assessedOn };
    const same = storedAssessments.get(a.id);
    if (!same) return { ...base, kind: 'new', conflictKey: null };
    const incoming: Assessment = { ...a, firmId: firmTarget.get(a.firmId) ?? a.firmId };
    const differences: Difference[] = valueDifferences<Assessment>(same, incoming, ASSESSMENT_FIELDS);
    const answers = answersDifference(stored.answers.get(a.id) ?? [], a.answers);
    if (answers) differences.push(answers);
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
  assessments: { assessment: AssessmentRecord; mode: 'add' | 'replace' }[];
  /** Id in the file → id stored under, for every firm and assessment of the file. */
  firmIds: Map<string, string>;
  assessmentIds: Map<string, string>;
}

/**
 * What to write for a plan and the user's choices. keepBoth stores the incoming record under a new id from
 * `newId`; a firm kept twice takes all its assessments of the file along (those already stored get new ids).
 * References (firmId, previousId) follow the records; a previousId naming nothing in the file is kept as is.
 */
export function resolveImport(file: ExportFile, plan: ImportPlan, choices: ImportChoices, newId: () => string): ImportWrites {
  const conflicts = new Map(plan.conflicts.map((c) => [c.key, c]));
  const choice = (key: string | null): ConflictChoice => {
    const c = key === null ? undefined : conflicts.get(key);
    if (!c) throw new Error(`plan has no conflict ${String(key)}`);
    return choiceFor(c, choices);
  };
  const writes: ImportWrites = { firms: [], assessments: [], firmIds: new Map(), assessmentIds: new Map() };
  const copiedFirms = new Set<string>();

  file.firms.forEach((firm, i) => {
    const p = plan.firms[i]!;
    let target = firm.id;
    if (p.kind === 'new') writes.firms.push({ firm, mode: 'add' });
    else if (p.kind === 'matched') target = p.storedId!;
    else if (p.kind === 'conflict') {
      const c = choice(p.conflictKey);
      if (c === 'replace') writes.firms.push({ firm, mode: 'replace' });
      else if (c === 'keepBoth') {
        target = newId();
        copiedFirms.add(firm.id);
        writes.firms.push({ firm: { ...firm, id: target }, mode: 'add' });
      }
    }
    writes.firmIds.set(firm.id, target);
  });

  const pending: { record: AssessmentRecord; mode: 'add' | 'replace' }[] = [];
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
