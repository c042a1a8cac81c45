import { describe, expect, it } from 'vitest';
import sample from '../../../src/content/sample/portfolio.json';
import { catalogue } from '../../../src/content/index';
import { buildExportFile, parseExportFile, type ExportFile } from '../../../src/domain/file-format';
import { portfolioRows } from '../../../src/domain/portfolio';
import {
  EMPTY_SOURCES, MAX_SOURCE_BYTES, filterProgrammeRows, isSourceName, programmeRows, type ProgrammeRow,
} from '../../../src/domain/portfolio-sources';
import { mergeSources, readSource, readSources } from '../../../src/domain/portfolio-files';

const parsed = parseExportFile(sample);
if (!parsed.ok) throw new Error('sample portfolio is invalid');
const all = parsed.file;
const meta = { appVersion: '0.1.0', exportedAt: '2026-11-23T08:00:00.000Z' };
/** The sample as one file per firm. */
const perFirm: ExportFile[] = all.firms.map((f) => buildExportFile([f], all.assessments.filter((a) => a.firmId === f.id), meta));
const text = (f: unknown) => JSON.stringify(f);
const byFirm = (rows: readonly ProgrammeRow[]) => Object.fromEntries(rows.map((r) => [r.firmId, r]));
const strip = ({ source: _s, fileAssessments: _f, ...row }: ProgrammeRow) => row;
const firmCount = all.firms.length;

describe('readSource', () => {
  it('reads a good file, with or without a byte-order mark', () => {
    for (const t of [text(perFirm[0]), `\uFEFF${text(perFirm[0])}`]) {
      const r = readSource({ name: 'a.json', size: t.length, text: t });
      expect(r.kind).toBe('good');
      if (r.kind === 'good') expect(r.source).toEqual({ name: 'a.json', file: perFirm[0] });
    }
  });

  it('gives each bad file its reason', () => {
    const bad = (name: string, t: string | null, size?: number) => {
      const r = readSource({ name, size, text: t });
      if (r.kind !== 'bad') throw new Error(`${name} was ${r.kind}`);
      return r.source;
    };
    expect(bad('broken.json', '{"format": "qm-maturity-export", ')).toMatchObject({ reason: 'notJson', issues: [{ path: '', code: 'notJson' }] });
    expect(bad('empty.json', '')).toEqual({ name: 'empty.json', reason: 'empty', issues: [] });
    expect(bad('blank.json', '\uFEFF  \n')).toMatchObject({ reason: 'empty' });
    expect(bad('sealed.json', text({ format: 'qm-maturity-encrypted', formatVersion: 1, data: 'x' }))).toMatchObject({ reason: 'encrypted', issues: [] });
    expect(bad('huge.json', null, MAX_SOURCE_BYTES + 1)).toMatchObject({ reason: 'tooLarge' });
    expect(bad('gone.json', null, 10)).toMatchObject({ reason: 'unreadable' });
    expect(bad('other.json', text({ format: 'something-else' }))).toMatchObject({ reason: 'invalid', issues: [{ path: 'format', code: 'wrongFormat' }] });
    const broken = structuredClone(perFirm[0]) as unknown as { assessments: { answers: { level: unknown }[] }[] };
    broken.assessments[0]!.answers[3]!.level = 7;
    expect(bad('schema.json', text(broken))).toMatchObject({ reason: 'invalid', issues: [{ path: 'assessments[0].answers[3].level', code: 'invalidValue' }] });
  });

  it('reads a file of exactly the size limit', () => {
    expect(readSource({ name: 'a.json', size: MAX_SOURCE_BYTES, text: text(perFirm[0]) }).kind).toBe('good');
  });

  it('skips files that are not .json, and hidden ones', () => {
    expect(['a.json', 'dir/B.JSON', 'notes.txt', 'a.json.bak', 'dir/.DS_Store', 'dir/._a.json', '.hidden.json'].map(isSourceName)).toEqual([
      true, true, false, false, false, false, false,
    ]);
    expect(readSource({ name: 'notes.txt', size: 3, text: 'abc' })).toEqual({ kind: 'skipped', name: 'notes.txt' });
  });
});

describe('readSources', () => {
  it('sorts a mixed set into good, bad and skipped, keeping the order', () => {
    const set = readSources([
      { name: 'one.json', text: text(perFirm[0]) },
      { name: 'bad.json', text: '{' },
      { name: 'readme.md', text: '# hi' },
      { name: 'two.json', text: text(perFirm[1]) },
      { name: 'empty.json', text: '' },
    ]);
    expect(set.good.map((g) => g.name)).toEqual(['one.json', 'two.json']);
    expect(set.bad.map((b) => [b.name, b.reason])).toEqual([['bad.json', 'notJson'], ['empty.json', 'empty']]);
    expect(set.skipped).toBe(1);
  });

  it('adds to a set already read without changing it', () => {
    const first = readSources([{ name: 'one.json', text: text(perFirm[0]) }, { name: 'x.txt', text: '' }]);
    const both = readSources([{ name: 'two.json', text: text(perFirm[1]) }, { name: 'y.txt', text: '' }], first);
    expect(first.good).toHaveLength(1);
    expect([both.good.length, both.bad.length, both.skipped]).toEqual([2, 0, 2]);
    expect(readSources([])).toEqual(EMPTY_SOURCES);
  });
});

describe('programmeRows', () => {
  const fromDomain = portfolioRows(catalogue, all.firms, all.assessments);

  it('gives the same rows from files as from the whole portfolio, marked as files', () => {
    const rows = programmeRows(catalogue, null, perFirm);
    expect(rows.map(strip)).toEqual(fromDomain);
    expect(rows.every((r) => r.source === 'files' && r.fileAssessments === r.assessmentCount)).toBe(true);
  });

  it('counts a file given twice, or the whole portfolio besides its parts, once', () => {
    const twice = programmeRows(catalogue, null, [...perFirm, ...perFirm, all]);
    expect(twice).toHaveLength(firmCount);
    expect(twice.map(strip)).toEqual(fromDomain);
  });

  it('joins files to the firms of this device: one row per firm, marked local', () => {
    const local = { firms: all.firms.slice(0, 10), assessments: all.assessments.filter((a) => all.firms.slice(0, 10).some((f) => f.id === a.firmId)) };
    const rows = programmeRows(catalogue, local, perFirm);
    expect(rows).toHaveLength(firmCount);
    expect(rows.map(strip)).toEqual(fromDomain);
    const local10 = new Set(local.firms.map((f) => f.id));
    for (const r of rows) expect([r.source, r.fileAssessments]).toEqual(local10.has(r.firmId) ? ['local', 0] : ['files', r.assessmentCount]);
  });

  it('counts the assessments only in files for a firm of this device', () => {
    const firm = all.firms.find((f) => all.assessments.filter((a) => a.firmId === f.id).length > 1)!;
    const [first, ...later] = all.assessments.filter((a) => a.firmId === firm.id);
    const rows = programmeRows(catalogue, { firms: [firm], assessments: [first!] }, perFirm);
    expect(byFirm(rows)[firm.id]).toMatchObject({ source: 'local', fileAssessments: later.length, assessmentCount: later.length + 1 });
  });

  it('takes a firm of a file under another id as the same firm by credit code, or by name when a code is missing', () => {
    const [f0, f1, f2] = all.firms;
    const a0 = all.assessments.find((a) => a.firmId === f0!.id)!;
    const local = { firms: [f0!, f1!, f2!], assessments: [] };
    const other = (f: typeof f0, extra: object) => buildExportFile([{ ...f!, id: `other-${f!.id}`, ...extra }], [{ ...a0, id: `other-a-${f!.id}`, firmId: `other-${f!.id}` }], meta);
    const rows = programmeRows(catalogue, local, [
      other(f0, {}), // same code
      other(f1, { creditCode: '' }), // same name, no code in the file
      other(f2, { creditCode: '91120116MA05ABCD1X' }), // same name, another code: another firm
    ]);
    const r = byFirm(rows);
    expect(rows).toHaveLength(4);
    expect(r[f0!.id]).toMatchObject({ source: 'local', fileAssessments: 1, assessmentCount: 1 });
    expect(r[f1!.id]).toMatchObject({ source: 'local', fileAssessments: 1 });
    expect(r[`other-${f2!.id}`]).toMatchObject({ source: 'files', name: f2!.name });
  });

  it('keeps firms of this device apart even when they look alike', () => {
    const f = all.firms[0]!;
    const rows = programmeRows(catalogue, { firms: [f, { ...f, id: 'copy' }], assessments: [] }, []);
    expect(rows.map((r) => [r.firmId, r.source])).toEqual([[f.id, 'local'], ['copy', 'local']].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
  });
});

describe('filterProgrammeRows', () => {
  const local = { firms: all.firms.slice(0, 10), assessments: [] };
  const rows = programmeRows(catalogue, local, perFirm);
  it('filters by source and by the other fields together', () => {
    expect(filterProgrammeRows(rows, { source: 'local' })).toHaveLength(10);
    expect(filterProgrammeRows(rows, { source: 'files' })).toHaveLength(firmCount - 10);
    const district = rows[0]!.district;
    const both = filterProgrammeRows(rows, { source: 'files', district });
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((r) => r.source === 'files' && r.district === district)).toBe(true);
    expect(filterProgrammeRows(rows, { status: 'draft' }).every((r) => r.latest?.status === 'draft')).toBe(true);
    expect(filterProgrammeRows(rows, {})).toHaveLength(firmCount);
  });
});

describe('mergeSources', () => {
  it('merges the files into one valid file without repeats', () => {
    const merged = mergeSources([...perFirm, ...perFirm, all], '0.1.0');
    expect(parseExportFile(JSON.parse(text(merged)))).toEqual({ ok: true, file: merged });
    expect(merged.firms.map((f) => f.id).sort()).toEqual(all.firms.map((f) => f.id).sort());
    expect(merged.assessments.map((a) => a.id).sort()).toEqual(all.assessments.map((a) => a.id).sort());
  });

  it('keeps the copy changed last, under the id first seen', () => {
    const f = all.firms[0]!;
    const a = all.assessments.find((x) => x.firmId === f.id)!;
    const older = buildExportFile([f], [a], { ...meta, exportedAt: '2026-01-01T00:00:00.000Z' });
    const newer = buildExportFile(
      [{ ...f, id: 'renamed', district: '和平区', updatedAt: '2027-01-01T00:00:00.000Z' }],
      [{ ...a, firmId: 'renamed', assessor: '新评价员', updatedAt: '2027-01-01T00:00:00.000Z' }],
      { ...meta, exportedAt: '2027-01-02T00:00:00+08:00' },
    );
    for (const order of [[older, newer], [newer, older]]) {
      const merged = mergeSources(order, '0.1.0');
      expect(merged.firms).toHaveLength(1);
      expect(merged.firms[0]).toMatchObject({ district: '和平区' });
      expect(merged.assessments).toEqual([expect.objectContaining({ id: a.id, assessor: '新评价员', firmId: merged.firms[0]!.id })]);
      expect(merged.exportedAt).toBe('2027-01-02T00:00:00+08:00');
      expect(parseExportFile(merged).ok).toBe(true);
    }
    expect(mergeSources([older, newer], '0.1.0').firms[0]!.id).toBe(f.id);
    expect(mergeSources([newer, older], '0.1.0').firms[0]!.id).toBe('renamed');
  });

  it('keeps two firms of one file apart even when they look alike', () => {
    const f = all.firms[0]!;
    const merged = mergeSources([buildExportFile([f, { ...f, id: 'twin' }], [], meta)], '0.1.0');
    expect(merged.firms.map((x) => x.id)).toEqual([f.id, 'twin']);
  });
});
