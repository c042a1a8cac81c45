// The export file format (docs/data-format.md): guard the envelope, upgrade old versions step by step,
// validate strictly, check references. Result: a typed file or a list of issues, never half a file.
import { z } from 'zod';
import type { Answer, Assessment, Firm } from './types';
import type { PlanItemState, PlanStatus, TargetProfile } from './result-types';
import { creditCodeProblem } from './credit-code';

export const FILE_FORMAT = 'qm-maturity-export';
export const FILE_FORMAT_VERSION = 2;
export const APP_ID = 'qm-maturity';

/** An assessment with its answers (what the CSV and the command line read). */
export interface AssessmentRecord extends Assessment {
  answers: Answer[];
}

/** A firm as the file carries it: the profile and its target profile (null: none set). */
export interface FileFirm extends Firm {
  targets: TargetProfile | null;
}

/** An assessment as the file carries it: with its answers and the plan decisions, at most one per action. */
export interface FileAssessment extends AssessmentRecord {
  planStates: PlanItemState[];
}

export interface ExportFile {
  format: typeof FILE_FORMAT;
  formatVersion: typeof FILE_FORMAT_VERSION;
  app: string;
  appVersion: string;
  exportedAt: string;
  firms: FileFirm[];
  assessments: FileAssessment[];
}

export const IMPORT_ISSUE_CODES = [
  'notJson',
  'notObject',
  'wrongFormat',
  'newerVersion',
  'unknownVersion',
  'required',
  'wrongType',
  'invalidValue',
  'tooLong',
  'unknownKey',
  'invalidDate',
  'invalidCreditCode',
  'duplicateId',
  'missingFirm',
  'duplicateAnswer',
  'naNeedsReason',
  'naWithLevel',
  'duplicatePlanState',
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

export interface ImportIssue {
  /** Where in the file, e.g. `assessments[0].answers[3].level`; empty for the whole file. */
  path: string;
  code: ImportIssueCode;
  params: Record<string, string | number>;
}

export type ParseResult = { ok: true; file: ExportFile } | { ok: false; issues: ImportIssue[] };

const MAX_TEXT = 20_000;
const isoDateTime = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), { params: { code: 'invalidDate' } });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(s)), { params: { code: 'invalidDate' } });
const id = z.string().min(1).max(100);
const text = (max = MAX_TEXT) => z.string().max(max);
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

// A record, so that a status added to PlanStatus fails the type check until it is listed here.
const PLAN_STATUS: Record<PlanStatus, true> = { proposed: true, accepted: true, rejected: true, inProgress: true, done: true };
const PLAN_STATUSES = Object.keys(PLAN_STATUS) as [PlanStatus, ...PlanStatus[]];

/** Level per id; `__proto__`, which zod's record would drop silently, is refused like any other bad id. */
const levels = (key: RegExp) =>
  z.preprocess((value, ctx) => {
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__'))
      ctx.addIssue({ code: 'custom', path: ['__proto__'], params: { code: 'invalidValue' }, input: value });
    return value;
  }, z.record(z.string().regex(key), level));

const TargetsSchema = z.strictObject({ modules: levels(/^[A-Z]{3}$/), indicators: levels(/^[A-Z]{3}-\d{2}$/) });

const PlanStateSchema = z.strictObject({
  actionId: z.string().max(40).regex(/^[A-Z]{3}-\d{2}-L[1-4]-\d+$/),
  status: z.enum(PLAN_STATUSES),
  text: text(2000),
  owner: text(200),
  dueDate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/)
    .refine((s) => s === '' || !Number.isNaN(Date.parse(s)), { params: { code: 'invalidDate' } }),
  note: text(),
  updatedAt: isoDateTime,
});

const AnswerSchema = z.strictObject({
  indicatorId: z.string().regex(/^[A-Z]{3}-\d{2}$/),
  level: level.nullable(),
  notApplicable: z.boolean(),
  naReason: text(),
  note: text(),
  evidence: text(),
  updatedAt: isoDateTime,
});

const FirmSchema = z.strictObject({
  id,
  name: z.string().trim().min(1).max(200),
  creditCode: z
    .string()
    .max(18)
    .refine((c) => c === '' || creditCodeProblem(c) === null, { params: { code: 'invalidCreditCode' } }),
  industry: z.string().regex(/^([A-T])?$/),
  sizeClass: z.enum(['micro', 'small', 'medium', '']),
  district: text(100),
  employees: z.number().int().min(0).max(10_000_000).nullable(),
  contact: text(500),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  targets: TargetsSchema.nullable(),
});

const AssessmentSchema = z.strictObject({
  id,
  firmId: id,
  catalogueVersion: z.string().regex(/^\d{4}\.\d+\.\d+$/),
  assessor: text(200),
  assessedOn: isoDate,
  status: z.enum(['draft', 'completed']),
  previousId: id.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
  answers: z.array(AnswerSchema).max(1000),
  planStates: z.array(PlanStateSchema).max(1000),
});

const FileSchema = z.strictObject({
  format: z.literal(FILE_FORMAT),
  formatVersion: z.literal(FILE_FORMAT_VERSION),
  app: text(100),
  appVersion: text(50),
  exportedAt: isoDateTime,
  firms: z.array(FirmSchema).max(100_000),
  assessments: z.array(AssessmentSchema).max(100_000),
});

type Upgrade = (file: Record<string, unknown>) => Record<string, unknown>;

/** Adds `key: value` to each object of `list` that lacks it; anything else is left for validation to report. */
function withDefault(list: unknown, key: string, value: () => unknown): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item) && !Object.hasOwn(item, key) ? { ...item, [key]: value() } : item,
  );
}

/**
 * Upgrades from each older formatVersion to the next, applied one after another. A step is never edited once
 * released: files of that version exist.
 */
export const UPGRADES: Readonly<Record<number, Upgrade>> = {
  // 1 → 2: firms carry their target profile, assessments their plan decisions; a v1 file has neither.
  1: (file) => ({
    ...file,
    formatVersion: 2,
    firms: withDefault(file.firms, 'targets', () => null),
    assessments: withDefault(file.assessments, 'planStates', () => []),
  }),
};

function pathOf(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`))
    .join('');
}

/** A value as shown in a message: short, and never throws (a file may hold `{"toString": false}`). */
function shown(value: unknown, max = 40): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value);
  } catch {
    text = typeof value;
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function fromZod(issue: z.core.$ZodIssue): ImportIssue[] {
  const path = pathOf(issue.path);
  const custom = (issue as { params?: { code?: ImportIssueCode } }).params?.code;
  if (custom) return [{ path, code: custom, params: {} }];
  switch (issue.code) {
    case 'invalid_type':
      return [
        issue.input === undefined
          ? { path, code: 'required', params: { expected: issue.expected } }
          : { path, code: 'wrongType', params: { expected: issue.expected } },
      ];
    case 'invalid_value':
    case 'invalid_union':
      // A missing enum or level is missing, not out of range.
      return [{ path, code: issue.input === undefined ? 'required' : 'invalidValue', params: {} }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), code: 'unknownKey', params: { key: shown(key) } }));
    case 'too_big':
      return [{ path, code: 'tooLong', params: { max: Number(issue.maximum) } }];
    default:
      return [{ path, code: 'invalidValue', params: {} }];
  }
}

function checkReferences(file: ExportFile): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const firmIds = new Set<string>();
  file.firms.forEach((f, i) => {
    if (firmIds.has(f.id)) issues.push({ path: `firms[${i}].id`, code: 'duplicateId', params: { id: f.id } });
    firmIds.add(f.id);
  });
  const assessmentIds = new Set<string>();
  file.assessments.forEach((a, i) => {
    if (assessmentIds.has(a.id)) issues.push({ path: `assessments[${i}].id`, code: 'duplicateId', params: { id: a.id } });
    assessmentIds.add(a.id);
    if (!firmIds.has(a.firmId)) issues.push({ path: `assessments[${i}].firmId`, code: 'missingFirm', params: { id: a.firmId } });
    const seen = new Set<string>();
    a.answers.forEach((ans, j) => {
      const at = `assessments[${i}].answers[${j}]`;
      if (seen.has(ans.indicatorId)) issues.push({ path: `${at}.indicatorId`, code: 'duplicateAnswer', params: { id: ans.indicatorId } });
      seen.add(ans.indicatorId);
      if (ans.notApplicable && ans.level !== null) issues.push({ path: `${at}.level`, code: 'naWithLevel', params: {} });
      if (a.status === 'completed' && ans.notApplicable && ans.naReason.trim() === '')
        issues.push({ path: `${at}.naReason`, code: 'naNeedsReason', params: { id: ans.indicatorId } });
    });
    const actions = new Set<string>();
    a.planStates.forEach((s, j) => {
      if (actions.has(s.actionId)) issues.push({ path: `assessments[${i}].planStates[${j}].actionId`, code: 'duplicatePlanState', params: { id: s.actionId } });
      actions.add(s.actionId);
    });
  });
  return issues;
}

export { issueMessageKey } from './issue-key';

/** Parses an export file from its text or already-parsed JSON value. */
export function parseExportFile(input: string | unknown): ParseResult {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { ok: false, issues: [{ path: '', code: 'notJson', params: { detail: (e as Error).message } }] };
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, issues: [{ path: '', code: 'notObject', params: {} }] };
  }
  let record = data as Record<string, unknown>;
  if (record.format !== FILE_FORMAT) return { ok: false, issues: [{ path: 'format', code: 'wrongFormat', params: {} }] };
  const version = record.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issues: [{ path: 'formatVersion', code: 'unknownVersion', params: { version: shown(version) } }] };
  }
  if (version > FILE_FORMAT_VERSION) {
    return { ok: false, issues: [{ path: 'formatVersion', code: 'newerVersion', params: { version, supported: FILE_FORMAT_VERSION } }] };
  }
  for (let v = version; v < FILE_FORMAT_VERSION; v++) {
    const upgrade = UPGRADES[v];
    if (!upgrade) return { ok: false, issues: [{ path: 'formatVersion', code: 'unknownVersion', params: { version: v } }] };
    record = upgrade(record);
  }
  // reportInput: without it zod drops the input from issues, and a wrong type would read as a missing field.
  const parsed = FileSchema.safeParse(record, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.flatMap(fromZod).slice(0, 200) };
  const file = parsed.data as ExportFile;
  const refIssues = checkReferences(file);
  return refIssues.length > 0 ? { ok: false, issues: refIssues } : { ok: true, file };
}

/** Builds a file in the current format. A firm without `targets` has none; an assessment without `planStates` has no decisions. */
export function buildExportFile(
  firms: (Firm & { targets?: TargetProfile | null })[],
  assessments: (AssessmentRecord & { planStates?: PlanItemState[] })[],
  meta: { appVersion: string; exportedAt: string },
): ExportFile {
  return {
    format: FILE_FORMAT,
    formatVersion: FILE_FORMAT_VERSION,
    app: APP_ID,
    appVersion: meta.appVersion,
    exportedAt: meta.exportedAt,
    firms: firms.map((f) => ({ ...f, targets: f.targets ?? null })),
    assessments: assessments.map((a) => ({ ...a, planStates: a.planStates ?? [] })),
  };
}
