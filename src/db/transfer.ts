// Export to and import from the file format (domain/file-format.ts). An import is planned first
// (domain/import-plan.ts), shown to the user, then applied in one transaction: all of it or nothing.
import { version as APP_VERSION } from '../../package.json';
import type { Table } from 'dexie';
import { buildExportFile, parseExportFile, type ExportFile, type FileAssessment, type FileFirm, type ImportIssue } from '../domain/file-format';
import { hasTargets, invalidChoices, planImport, resolveImport, type ImportChoices, type ImportPlan, type StoredData } from '../domain/import-plan';
import type { PlanItemState, TargetProfile } from '../domain/result-types';
import type { Answer, Assessment, Firm } from '../domain/types';
import { getDb, type AnswerRow, type AppDatabase, type PlanStateRow, type TargetRow } from './schema';
import { StorageError, toStorageError } from './errors';
import { groupByAssessment } from './group';

export interface ExportOptions {
  /** exportedAt of the file; now by default. */
  now?: string;
  appVersion?: string;
}

// Records are rebuilt field by field, so a stored field the format does not know never leaks into a file.
function firmRecord(f: Firm, row: TargetRow | undefined): FileFirm {
  const { id, name, creditCode, industry, sizeClass, district, employees, contact, createdAt, updatedAt } = f;
  const targets = row && hasTargets(row) ? { modules: { ...row.modules }, indicators: { ...row.indicators } } : null;
  return { id, name, creditCode, industry, sizeClass, district, employees, contact, createdAt, updatedAt, targets };
}

function answerRecord(r: AnswerRow, fallbackDate: string): Answer {
  const { indicatorId, level, notApplicable, naReason, note, evidence } = r;
  return { indicatorId, level, notApplicable, naReason, note, evidence, updatedAt: r.updatedAt || fallbackDate };
}

function planStateRecord(r: PlanStateRow, fallbackDate: string): PlanItemState {
  const { actionId, status, text, owner, dueDate, note } = r;
  return { actionId, status, text, owner, dueDate, note, updatedAt: r.updatedAt || fallbackDate };
}

function assessmentRecord(a: Assessment, rows: AnswerRow[], states: PlanStateRow[]): FileAssessment {
  const { id, firmId, catalogueVersion, assessor, assessedOn, status, previousId, createdAt, updatedAt, completedAt } = a;
  const answers = rows.map((r) => answerRecord(r, updatedAt));
  const planStates = states.map((r) => planStateRecord(r, updatedAt));
  return { id, firmId, catalogueVersion, assessor, assessedOn, status, previousId, createdAt, updatedAt, completedAt, answers, planStates };
}

const byDate = (a: Assessment, b: Assessment) => a.assessedOn.localeCompare(b.assessedOn) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
const byCreated = (a: Firm, b: Firm) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Stored rows (answers, plan decisions) of these assessments, grouped. Many ids: one scan of the table beats an anyOf lookup per id. */
async function rowsOf<R extends { assessmentId: string }>(table: Table<R, [string, string]>, ids: readonly string[]): Promise<Map<string, R[]>> {
  const wanted = new Set(ids);
  const rows = ids.length <= 20 ? await table.where('assessmentId').anyOf([...wanted]).toArray() : (await table.toArray()).filter((r) => wanted.has(r.assessmentId));
  return groupByAssessment(rows);
}

async function build(db: AppDatabase, firms: Firm[], assessments: Assessment[], options: ExportOptions): Promise<ExportFile> {
  const ids = assessments.map((a) => a.id);
  const [answers, states, targets] = await Promise.all([rowsOf(db.answers, ids), rowsOf(db.planStates, ids), db.targets.bulkGet(firms.map((f) => f.id))]);
  const targetsOf = new Map(firms.map((f, i) => [f.id, targets[i]]));
  const firmOrder = new Map([...firms].sort(byCreated).map((f, i) => [f.id, i]));
  const ordered = [...assessments].sort((a, b) => firmOrder.get(a.firmId)! - firmOrder.get(b.firmId)! || byDate(a, b));
  const records = ordered.map((a) =>
    assessmentRecord(
      a,
      (answers.get(a.id) ?? []).sort((x, y) => x.indicatorId.localeCompare(y.indicatorId)),
      (states.get(a.id) ?? []).sort((x, y) => x.actionId.localeCompare(y.actionId)),
    ),
  );
  const firmRecords = [...firms].sort(byCreated).map((f) => firmRecord(f, targetsOf.get(f.id)));
  return buildExportFile(firmRecords, records, {
    appVersion: options.appVersion ?? APP_VERSION,
    exportedAt: options.now ?? new Date().toISOString(),
  });
}

async function readOnly<T>(work: (db: AppDatabase) => Promise<T>): Promise<T> {
  const db = getDb();
  try {
    return await db.transaction('r', [db.firms, db.assessments, db.answers, db.planStates, db.targets], () => work(db));
  } catch (e) {
    throw toStorageError(e);
  }
}

/** One assessment with its firm (and the firm's targets). */
export function exportAssessment(id: string, options: ExportOptions = {}): Promise<ExportFile> {
  return readOnly(async (db) => {
    const a = await db.assessments.get(id);
    if (!a) throw new StorageError('notFound', `assessment ${id}`);
    const firm = await db.firms.get(a.firmId);
    if (!firm) throw new StorageError('notFound', `firm ${a.firmId}`);
    return build(db, [firm], [a], options);
  });
}

/** One firm with all its assessments. */
export function exportFirm(firmId: string, options: ExportOptions = {}): Promise<ExportFile> {
  return readOnly(async (db) => {
    const firm = await db.firms.get(firmId);
    if (!firm) throw new StorageError('notFound', `firm ${firmId}`);
    return build(db, [firm], await db.assessments.where('firmId').equals(firmId).toArray(), options);
  });
}

/** Everything on this device. */
export function exportAll(options: ExportOptions = {}): Promise<ExportFile> {
  return readOnly(async (db) => {
    const [firms, assessments] = await Promise.all([db.firms.toArray(), db.assessments.toArray()]);
    const firmIds = new Set(firms.map((f) => f.id));
    // An assessment whose firm is gone would make the file invalid; there is none unless storage was damaged.
    return build(db, firms, assessments.filter((a) => firmIds.has(a.firmId)), options);
  });
}

/** The file as text: 2-space JSON with a final newline (UTF-8 once written to a Blob). */
export function serialize(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Local calendar date, YYYY-MM-DD. */
export function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A file name that every system accepts: `质量成熟度_天津某某公司_2026-11-23.json`. Characters that are not
 * allowed in file names are dropped, spaces become `_`, and the label is cut to 60 characters.
 */
export function exportFileName(label: string, date: string, ext = 'json', prefix = '质量成熟度'): string {
  const allowed = (c: string) => c >= ' ' && c !== '\u007f' && !'\\/:*?"<>|'.includes(c);
  const safe = (s: string) =>
    [...[...s.normalize('NFC')].filter((c) => /\s/.test(c) || allowed(c)).join('').trim().replace(/\s+/g, '_')]
      .slice(0, 60)
      .join('')
      .replace(/^[.]+|[.]+$/g, '');
  return [safe(prefix), safe(label), safe(date)].filter((p) => p !== '').join('_') + `.${ext}`;
}

// --- Import ---

export type ImportErrorCode = 'invalidFile' | 'importOutdated' | 'invalidChoice';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly issues: ImportIssue[] = [],
  ) {
    super(code);
    this.name = 'ImportError';
  }
}

export interface ImportResult {
  firmsAdded: number;
  firmsReplaced: number;
  assessmentsAdded: number;
  assessmentsReplaced: number;
  /** Plan decisions written with added or replaced assessments. */
  planStatesWritten: number;
  /** Firms whose targets were set (or, for a replaced firm, removed). */
  targetsWritten: number;
  /** Id in the file → id stored under. */
  firmIds: Map<string, string>;
  assessmentIds: Map<string, string>;
}

async function loadStored(db: AppDatabase, file: ExportFile): Promise<{ stored: StoredData; revs: Map<string, number> }> {
  const [firms, assessments, targetRows] = await Promise.all([db.firms.toArray(), db.assessments.toArray(), db.targets.toArray()]);
  const storedIds = new Set(assessments.map((a) => a.id));
  const shared = file.assessments.map((a) => a.id).filter((id) => storedIds.has(id));
  const answers = new Map<string, Answer[]>();
  const revs = new Map<string, number>();
  for (const [id, rows] of await rowsOf(db.answers, shared)) {
    answers.set(id, rows.map((r) => answerRecord(r, '')));
    for (const r of rows) revs.set(`${id}\u0000${r.indicatorId}`, r.rev);
  }
  const planStates = new Map<string, PlanItemState[]>();
  for (const [id, rows] of await rowsOf(db.planStates, shared)) planStates.set(id, rows.map((r) => planStateRecord(r, '')));
  const targets = new Map<string, TargetProfile>(targetRows.map((r) => [r.firmId, { modules: r.modules, indicators: r.indicators }]));
  return { stored: { firms, assessments, answers, planStates, targets }, revs };
}

function validated(file: ExportFile): ExportFile {
  const parsed = parseExportFile(file);
  if (!parsed.ok) throw new ImportError('invalidFile', parsed.issues);
  return parsed.file;
}

/** The plan of importing a file (already parsed) into this device's data, for the confirmation screen. */
export async function previewImport(file: ExportFile): Promise<ImportPlan> {
  const checked = validated(file);
  return readOnly(async (db) => planImport(checked, (await loadStored(db, checked)).stored));
}

/**
 * Applies a plan from previewImport with the user's choices, in one transaction. Refuses (ImportError) an
 * invalid file, an unknown choice, or a plan the stored data no longer matches (changed in another tab);
 * then nothing is written. Stored records are overwritten only for conflicts the user chose to replace.
 */
export async function applyImport(
  file: ExportFile,
  plan: ImportPlan,
  choices: ImportChoices = {},
  newId: () => string = () => crypto.randomUUID(),
): Promise<ImportResult> {
  const checked = validated(file);
  if (invalidChoices(plan, choices).length > 0) throw new ImportError('invalidChoice');
  const db = getDb();
  try {
    return await db.transaction('rw', [db.firms, db.assessments, db.answers, db.planStates, db.targets, db.portfolioSnapshots, db.meta], async () => {
      const { stored, revs } = await loadStored(db, checked);
      if (JSON.stringify(planImport(checked, stored)) !== JSON.stringify(plan)) throw new ImportError('importOutdated');
      const writes = resolveImport(checked, plan, choices, newId);
      const firms = writes.firms.filter((w) => w.mode === 'add').map((w) => w.firm);
      const replacedFirms = writes.firms.filter((w) => w.mode === 'replace').map((w) => w.firm);
      const headers: Assessment[] = [];
      const replacedHeaders: Assessment[] = [];
      const rows: AnswerRow[] = [];
      const states: PlanStateRow[] = [];
      for (const { assessment, mode } of writes.assessments) {
        const { answers, planStates, ...header } = assessment;
        (mode === 'add' ? headers : replacedHeaders).push(header);
        for (const a of answers) {
          const rev = mode === 'replace' ? (revs.get(`${header.id}\u0000${a.indicatorId}`) ?? 0) + 1 : 1;
          rows.push({ ...a, assessmentId: header.id, rev });
        }
        for (const s of planStates) states.push({ ...s, assessmentId: header.id });
      }
      const storedKeys = <T>(map: ReadonlyMap<string, readonly T[]>, key: (x: T) => string) =>
        replacedHeaders.flatMap((h) => (map.get(h.id) ?? []).map((x): [string, string] => [h.id, key(x)]));
      const targets = [...writes.targets];
      // Imported targets carry no date of their own: they are as of the file's export.
      const targetsDate = new Date(Date.parse(checked.exportedAt)).toISOString();
      // add fails on an existing key and aborts the transaction: nothing is overwritten by accident.
      await db.firms.bulkAdd(firms);
      await db.firms.bulkPut(replacedFirms);
      await db.assessments.bulkAdd(headers);
      await db.assessments.bulkPut(replacedHeaders);
      await db.answers.bulkDelete(storedKeys(stored.answers, (a) => a.indicatorId));
      await db.answers.bulkAdd(rows);
      await db.planStates.bulkDelete(storedKeys(stored.planStates, (s) => s.actionId));
      await db.planStates.bulkAdd(states);
      // The programme view's scored summaries are worked out again after an import (db/portfolio.ts).
      await db.portfolioSnapshots.clear();
      await db.targets.bulkDelete(targets.filter(([, t]) => t === null).map(([firmId]) => firmId));
      await db.targets.bulkPut(
        targets.flatMap(([firmId, t]): TargetRow[] => (t ? [{ firmId, modules: t.modules, indicators: t.indicators, updatedAt: targetsDate }] : [])),
      );
      return {
        firmsAdded: firms.length,
        firmsReplaced: replacedFirms.length,
        assessmentsAdded: headers.length,
        assessmentsReplaced: replacedHeaders.length,
        planStatesWritten: states.length,
        targetsWritten: targets.length,
        firmIds: writes.firmIds,
        assessmentIds: writes.assessmentIds,
      };
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw toStorageError(e);
  }
}
