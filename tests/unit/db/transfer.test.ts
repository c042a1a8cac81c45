import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDatabase, useDatabase } from '../../../src/db/schema';
import { firmsRepo } from '../../../src/db/firms';
import { assessmentsRepo } from '../../../src/db/assessments';
import { answersRepo } from '../../../src/db/answers';
import {
  applyImport, exportAll, exportAssessment, exportFileName, exportFirm, ImportError, previewImport, serialize,
} from '../../../src/db/transfer';
import { parseExportFile, type AssessmentRecord, type ExportFile } from '../../../src/domain/file-format';
import { emptyFirmInput } from '../../../src/domain/firm';
import { dumpDatabase } from '../../fixtures/db/generate';
import { ans, assessment, CODE_A, file, firm } from '../../fixtures/records';

const header = ({ answers: _, ...a }: AssessmentRecord) => a;

let db: AppDatabase;
beforeEach(() => {
  db = new AppDatabase(`transfer-${crypto.randomUUID()}`);
  useDatabase(db);
});

const NOW = '2026-11-23T09:00:00.000Z';

async function seed() {
  const f = await firmsRepo.create({ ...emptyFirmInput(), name: '天津某某公司', creditCode: CODE_A }, '2026-01-01T00:00:00.000Z');
  const other = await firmsRepo.create({ ...emptyFirmInput(), name: '另一家' }, '2026-01-02T00:00:00.000Z');
  const a1 = await assessmentsRepo.create({ firmId: f.id, catalogueVersion: '2026.1.0', assessor: '李', assessedOn: '2025-11-20' });
  await answersRepo.save(a1.id, 'STR-01', { level: 3, note: '纪要\n"第二行"' }, {});
  await answersRepo.save(a1.id, 'PRD-05', { notApplicable: true, naReason: '不涉及' }, {});
  await assessmentsRepo.complete(a1.id);
  const a2 = await assessmentsRepo.startReassessment(a1.id, { catalogueVersion: '2026.1.0', assessor: '李', assessedOn: '2026-11-20' });
  await answersRepo.save(a2.id, 'STR-01', { level: 4 }, { level: 3 });
  const a3 = await assessmentsRepo.create({ firmId: other.id, catalogueVersion: '2026.1.0', assessor: '', assessedOn: '2026-03-03' });
  return { f, other, a1, a2, a3 };
}

describe('export', () => {
  it('one assessment, one firm with its history, or everything; valid files without db-only fields', async () => {
    const { f, a1, a2, a3 } = await seed();
    const one = await exportAssessment(a2.id, { now: NOW });
    expect(one).toMatchObject({ format: 'qm-maturity-export', formatVersion: 1, app: 'qm-maturity', exportedAt: NOW });
    expect(one.firms.map((x) => x.id)).toEqual([f.id]);
    expect(one.assessments.map((x) => [x.id, x.previousId])).toEqual([[a2.id, a1.id]]);
    const answers = one.assessments[0]!.answers;
    expect(answers.map((a) => [a.indicatorId, a.level])).toEqual([['PRD-05', null], ['STR-01', 4]]);
    expect(Object.keys(answers[0]!).sort()).toEqual(['evidence', 'indicatorId', 'level', 'naReason', 'notApplicable', 'note', 'updatedAt']);

    const history = await exportFirm(f.id, { now: NOW });
    expect(history.assessments.map((x) => x.id)).toEqual([a1.id, a2.id]);
    const all = await exportAll({ now: NOW });
    expect(all.firms).toHaveLength(2);
    expect(all.assessments.map((x) => x.id)).toEqual([a1.id, a2.id, a3.id]);
    for (const exported of [one, history, all]) expect(parseExportFile(serialize(exported))).toEqual({ ok: true, file: exported });
    await expect(exportAssessment('nope')).rejects.toMatchObject({ code: 'notFound' });
    await expect(exportFirm('nope')).rejects.toMatchObject({ code: 'notFound' });
  });

  it('serializes as 2-space JSON with a final newline', async () => {
    const text = serialize(file([firm('f1')], []));
    expect(text).toMatch(/^\{\n {2}"format": "qm-maturity-export",\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('names files with safe characters', () => {
    expect(exportFileName('天津某某公司', '2026-11-23')).toBe('质量成熟度_天津某某公司_2026-11-23.json');
    expect(exportFileName(' a/b:c*?"<>| d\n e. ', '2026-11-23', 'csv')).toBe('质量成熟度_abc_d_e_2026-11-23.csv');
    expect(exportFileName('', '2026-11-23', 'json', 'QM maturity')).toBe('QM_maturity_2026-11-23.json');
    expect([...exportFileName('长'.repeat(100), '2026-11-23')].length).toBe('质量成熟度_'.length + 60 + '_2026-11-23.json'.length);
  });
});

describe('import', () => {
  it('moves a firm with its history to another device intact', async () => {
    await seed();
    const source = await exportAll({ now: NOW });
    const before = await dumpDatabase(db);
    const target = new AppDatabase(`target-${crypto.randomUUID()}`);
    useDatabase(target);
    const file1 = parseExportFile(serialize(source));
    if (!file1.ok) throw new Error('invalid');
    const plan = await previewImport(file1.file);
    expect(plan.conflicts).toEqual([]);
    const result = await applyImport(file1.file, plan);
    expect(result).toMatchObject({ firmsAdded: 2, assessmentsAdded: 3, firmsReplaced: 0, assessmentsReplaced: 0 });
    const after = await dumpDatabase(target);
    const norm = (rows: Record<string, unknown>[]) => rows.map(({ rev: _, ...r }) => r);
    expect(after.firms).toEqual(before.firms);
    expect(after.assessments).toEqual(before.assessments);
    expect(norm(after.answers!)).toEqual(norm(before.answers!));
    // Importing the same file again changes nothing.
    const again = await previewImport(file1.file);
    expect(again.assessments.every((a) => a.kind === 'identical')).toBe(true);
    await applyImport(file1.file, again);
    expect(await dumpDatabase(target)).toEqual(after);
  });

  it('keeps both by default; replaces only what the user chose, answers and all', async () => {
    await db.firms.add(firm('f1'));
    await db.assessments.add(header(assessment('a1', 'f1')));
    await db.answers.bulkAdd([
      { ...ans('STR-01', 2), assessmentId: 'a1', rev: 5 },
      { ...ans('IMP-01', 1), assessmentId: 'a1', rev: 2 },
    ]);
    const incoming = file([firm('f1')], [assessment('a1', 'f1', { answers: [ans('STR-01', 4), ans('PRD-05', 'na')] })]);
    const plan = await previewImport(incoming);
    expect(plan.conflicts.map((c) => c.key)).toEqual(['assessment:a1']);

    const r = await applyImport(incoming, plan, {}, () => 'copy');
    expect(r.assessmentIds.get('a1')).toBe('copy');
    expect((await db.answers.where('assessmentId').equals('a1').toArray()).map((a) => [a.indicatorId, a.level])).toEqual([['IMP-01', 1], ['STR-01', 2]]);
    expect((await db.answers.where('assessmentId').equals('copy').toArray()).map((a) => [a.indicatorId, a.level, a.rev])).toEqual([['PRD-05', null, 1], ['STR-01', 4, 1]]);

    const plan2 = await previewImport(incoming);
    await applyImport(incoming, plan2, { 'assessment:a1': 'replace' });
    expect((await db.answers.where('assessmentId').equals('a1').toArray()).map((a) => [a.indicatorId, a.level, a.rev])).toEqual([['PRD-05', null, 1], ['STR-01', 4, 6]]);
    expect(Object.keys((await db.assessments.get('a1'))!)).not.toContain('answers');
    expect(await db.assessments.count()).toBe(2);
  });

  it('refuses an invalid file, an unknown choice or an outdated plan, writing nothing', async () => {
    await seed();
    const before = await dumpDatabase(db);
    const good = file([firm('f9')], [assessment('a9', 'f9')]);
    const plan = await previewImport(good);
    const bad = { ...good, firms: [{ ...good.firms[0]!, name: '' }] } as ExportFile;
    await expect(applyImport(bad, plan)).rejects.toMatchObject({ code: 'invalidFile', issues: [{ path: 'firms[0].name' }] });
    await expect(previewImport(bad)).rejects.toMatchObject({ code: 'invalidFile' });
    await expect(applyImport(good, plan, { 'assessment:a9': 'replace' })).rejects.toMatchObject({ code: 'invalidChoice' });
    // Another tab stores an assessment with the same id between preview and apply.
    await db.firms.add(firm('f9'));
    await db.assessments.add(header(assessment('a9', 'f9', { assessor: '别人' })));
    const changed = await dumpDatabase(db);
    const error = await applyImport(good, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'importOutdated' });
    expect(await dumpDatabase(db)).toEqual(changed);
    expect(changed.firms!.length).toBe(before.firms!.length + 1);
  });

  it('a failure half-way through writes nothing', async () => {
    await seed();
    const before = await dumpDatabase(db);
    const incoming = file([firm('f9'), firm('f8')], [assessment('a9', 'f9'), assessment('a8', 'f8')]);
    const plan = await previewImport(incoming);
    const spy = vi.spyOn(db.answers, 'bulkAdd').mockRejectedValueOnce(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    await expect(applyImport(incoming, plan)).rejects.toMatchObject({ code: 'quotaExceeded' });
    expect(spy).toHaveBeenCalledOnce();
    expect(await dumpDatabase(db)).toEqual(before);
    spy.mockRestore();
    await applyImport(incoming, plan);
    expect(await db.assessments.count()).toBe(before.assessments!.length + 2);
  });

  it('a consultant file lands on the firm already stored with the same credit code', async () => {
    const { f, a1 } = await seed();
    const visit = file([firm('tablet-f', { name: '天津某某公司', creditCode: CODE_A })], [assessment('t1', 'tablet-f', { previousId: a1.id, assessedOn: '2026-12-01' })]);
    const plan = await previewImport(visit);
    expect(plan.firms[0]).toMatchObject({ kind: 'matched', storedId: f.id });
    await applyImport(visit, plan);
    expect((await assessmentsRepo.listByFirm(f.id)).map((a) => a.id)).toContain('t1');
    expect((await assessmentsRepo.get('t1'))!.previousId).toBe(a1.id);
    expect(await db.firms.get('tablet-f')).toBeUndefined();
  });
});
