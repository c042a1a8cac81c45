// Reading assessment files brought in from others (each validated on its own with the shared schema), and merging
// the good ones into one export file for the import flow (docs/programme.md, "Files from others"). Writes nothing.
import { buildExportFile, parseExportFile, type ExportFile, type FileAssessment, type FileFirm, type ImportIssue } from './file-format';
import { isEncryptedBackup } from './backup-crypto';
import {
  EMPTY_SOURCES, FirmIdentities, MAX_SOURCE_BYTES, isSourceName, remapped, tooLarge,
  type BadFileReason, type SourceInput, type SourceResult, type SourceSet,
} from './portfolio-sources';

export function readSource(input: SourceInput): SourceResult {
  const { name } = input;
  const bad = (reason: BadFileReason, issues: ImportIssue[] = []): SourceResult => ({ kind: 'bad', source: { name, reason, issues } });
  if (!isSourceName(name)) return { kind: 'skipped', name };
  if (tooLarge(input.size) || (input.text !== null && input.text.length > MAX_SOURCE_BYTES)) return bad('tooLarge');
  if (input.text === null) return bad('unreadable');
  const text = input.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return bad('empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return bad('notJson', [{ path: '', code: 'notJson', params: { detail: (e as Error).message } }]);
  }
  if (isEncryptedBackup(value)) return bad('encrypted');
  const parsed = parseExportFile(value);
  return parsed.ok ? { kind: 'good', source: { name, file: parsed.file } } : bad('invalid', parsed.issues);
}


/** Reads a list of files into good, bad and skipped ones, in the order given. */
export function readSources(inputs: readonly SourceInput[], into: SourceSet = EMPTY_SOURCES): SourceSet {
  const out: SourceSet = { good: [...into.good], bad: [...into.bad], skipped: into.skipped };
  for (const input of inputs) {
    const r = readSource(input);
    if (r.kind === 'good') out.good.push(r.source);
    else if (r.kind === 'bad') out.bad.push(r.source);
    else out.skipped += 1;
  }
  return out;
}

/**
 * Gives each firm one id across sources: a firm seen before (by id, then by the import's identity rule: the
 * same credit code when both have one, otherwise the same name) takes the id it was first seen under.
 */

/**
 * The good files as one export file for the import flow. The same firm in several files (by id, credit code or
 * name) becomes one firm under the id first seen, with the profile changed last (updatedAt; a tie: the later
 * file); an assessment in several files keeps the copy changed last. exportedAt is the latest of the files'.
 */
export function mergeSources(files: readonly ExportFile[], appVersion: string): ExportFile {
  const ids = new FirmIdentities();
  const firms = new Map<string, FileFirm>();
  const assessments = new Map<string, FileAssessment>();
  let exportedAt = '';
  for (const file of files) {
    if (exportedAt === '' || Date.parse(file.exportedAt) > Date.parse(exportedAt)) exportedAt = file.exportedAt;
    const next = remapped(file, ids);
    for (const f of next.firms) {
      const seen = firms.get(f.id);
      if (!seen || f.updatedAt >= seen.updatedAt) firms.set(f.id, f);
    }
    for (const a of next.assessments) {
      const seen = assessments.get(a.id);
      if (!seen || a.updatedAt >= seen.updatedAt) assessments.set(a.id, a);
    }
  }
  return buildExportFile([...firms.values()], [...assessments.values()], { appVersion, exportedAt: exportedAt || new Date(0).toISOString() });
}
