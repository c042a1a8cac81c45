// Assessment files brought in from others for the programme view (docs/programme.md, "Files from others"):
// merge the good ones with this device's data into one row per firm. Reading and validating files, and merging
// them for the import flow, are in portfolio-files.ts (loaded when files are chosen: it needs the file schema).
import type { ExportFile, FileAssessment, FileFirm, ImportIssue } from './file-format';
import { comparableFirmName } from './import-plan';
import { filterRows, PortfolioBuilder, sortRows, type PortfolioAssessment, type PortfolioFirm, type PortfolioRow, type ScoredAssessment, type RowFilter, type SortColumn } from './portfolio';
import type { Catalogue } from './types';

/** Larger files are refused without being read: an export of many firms is a few MB. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

/** One file as read: `text` null when it could not be read. `size` in bytes, when known before reading. */
export interface SourceInput {
  name: string;
  size?: number;
  text: string | null;
}

export type BadFileReason = 'invalid' | 'notJson' | 'encrypted' | 'tooLarge' | 'empty' | 'unreadable';

export interface GoodSource {
  name: string;
  file: ExportFile;
}

export interface BadSource {
  name: string;
  reason: BadFileReason;
  /** The file's issues for `invalid` and `notJson`; empty otherwise. */
  issues: ImportIssue[];
}

export type SourceResult = { kind: 'good'; source: GoodSource } | { kind: 'bad'; source: BadSource } | { kind: 'skipped'; name: string };

/** Only `.json` files are read; other files and hidden ones (`.DS_Store`, `._x.json`) of a folder are skipped. */
export function isSourceName(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return /\.json$/i.test(base) && !base.startsWith('.');
}

/** Whether a file is refused for its size alone (then it need not be read). */
export const tooLarge = (size: number | undefined): boolean => size !== undefined && size > MAX_SOURCE_BYTES;

export interface SourceSet {
  good: GoodSource[];
  bad: BadSource[];
  /** Files that are not `.json` (or are hidden), skipped without being read. */
  skipped: number;
}

export const EMPTY_SOURCES: SourceSet = { good: [], bad: [], skipped: 0 };

/** Which firm of the rows a file's firm is (same id, or the same firm by credit code or name). */
export class FirmIdentities {
  private readonly canon = new Map<string, string>();
  private readonly byCode = new Map<string, string>();
  private readonly byName = new Map<string, { id: string; creditCode: string }[]>();

  /** Registers a firm under its own id (this device's firms stay apart even when they look alike). */
  keep(f: Pick<FileFirm, 'id' | 'name' | 'creditCode'>): string {
    this.canon.set(f.id, f.id);
    if (f.creditCode !== '' && !this.byCode.has(f.creditCode)) this.byCode.set(f.creditCode, f.id);
    const name = comparableFirmName(f.name);
    this.byName.set(name, [...(this.byName.get(name) ?? []), { id: f.id, creditCode: f.creditCode }]);
    return f.id;
  }

  /** The id of a firm seen before that this one is (same id, credit code or name), if any. */
  private find(f: Pick<FileFirm, 'id' | 'name' | 'creditCode'>): string | undefined {
    const known = this.canon.get(f.id);
    if (known !== undefined) return known;
    const sameCode = f.creditCode !== '' ? this.byCode.get(f.creditCode) : undefined;
    return sameCode ?? this.byName.get(comparableFirmName(f.name))?.find((s) => s.creditCode === '' || f.creditCode === '')?.id;
  }

  /**
   * Resolves the firms of one file against those seen before (the firms of one file are distinct records,
   * as the import keeps them); then maps the file's firm ids to the shared ones.
   */
  mapFile(firms: readonly FileFirm[]): (id: string) => string {
    const found = firms.map((f) => [f, this.find(f)] as const);
    for (const [f, id] of found) {
      if (id === undefined) this.keep(f);
      else this.canon.set(f.id, id);
    }
    return (id) => this.canon.get(id) ?? id;
  }
}

export function remapped(file: ExportFile, ids: FirmIdentities): { firms: FileFirm[]; assessments: FileAssessment[] } {
  const to = ids.mapFile(file.firms);
  return {
    firms: file.firms.map((f) => (to(f.id) === f.id ? f : { ...f, id: to(f.id) })),
    assessments: file.assessments.map((a) => (to(a.firmId) === a.firmId ? a : { ...a, firmId: to(a.firmId) })),
  };
}

/** Where a row comes from: this device's database, or only from the files brought in (not imported). */
export type RowSource = 'local' | 'files';

export interface ProgrammeRow extends PortfolioRow {
  source: RowSource;
  /** Assessments of this firm found only in the files (not stored on this device). */
  fileAssessments: number;
}

/** This device's data: assessments with their answers, or already scored (db/portfolio.ts keeps snapshots). */
export interface LocalData {
  firms: readonly PortfolioFirm[];
  assessments?: readonly PortfolioAssessment[];
  scored?: readonly ScoredAssessment[];
}

/**
 * One row per firm over this device's data and the good files. A firm of a file that is on this device (same
 * id, or the same firm by credit code or name) is the local firm's row, and its assessments join that firm.
 * `catalogue` may be null when every assessment comes scored (LocalData.scored) and there are no files.
 */
export function programmeRows(catalogue: Catalogue | null, local: LocalData | null, files: readonly ExportFile[]): ProgrammeRow[] {
  const builder = new PortfolioBuilder(catalogue);
  const ids = new FirmIdentities();
  const localFirms = new Set<string>();
  const localAssessments = new Set<string>();
  if (local) {
    for (const f of local.firms) localFirms.add(ids.keep(f));
    for (const a of local.assessments ?? []) localAssessments.add(a.id);
    for (const a of local.scored ?? []) localAssessments.add(a.snapshot.id);
    builder.add(local.firms, local.assessments ?? []);
    builder.addScored([], local.scored ?? []);
  }
  const onlyInFiles = new Map<string, Set<string>>();
  for (const file of files) {
    const { firms, assessments } = remapped(file, ids);
    for (const a of assessments) {
      if (localAssessments.has(a.id)) continue;
      const set = onlyInFiles.get(a.firmId) ?? new Set<string>();
      onlyInFiles.set(a.firmId, set.add(a.id));
    }
    builder.add(firms, assessments);
  }
  return builder.rows().map((r) => ({ ...r, source: localFirms.has(r.firmId) ? 'local' : 'files', fileAssessments: onlyInFiles.get(r.firmId)?.size ?? 0 }));
}

export interface ProgrammeFilter extends RowFilter {
  source?: RowSource;
}

// filterRows and sortRows return the rows they were given, so the element type is kept.
export function filterProgrammeRows(rows: readonly ProgrammeRow[], f: ProgrammeFilter): ProgrammeRow[] {
  const { source, ...rest } = f;
  return filterRows(source === undefined ? rows : rows.filter((r) => r.source === source), rest) as ProgrammeRow[];
}

export const sortProgrammeRows = (rows: readonly ProgrammeRow[], column: SortColumn, direction: 'asc' | 'desc') =>
  sortRows(rows, column, direction) as ProgrammeRow[];
