import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDatabase, useDatabase } from '../../../src/db/schema';
import { firmsRepo } from '../../../src/db/firms';
import { assessmentsRepo } from '../../../src/db/assessments';
import { answersRepo } from '../../../src/db/answers';
import { plansRepo } from '../../../src/db/plans';
import { targetsRepo } from '../../../src/db/targets';
import {
  applyImport, exportAll, exportAssessment, exportFileName, exportFirm, ImportError, previewImport, serialize,
} from '../../../src/db/transfer';
import { readFileSync } from 'node:fs';
import { buildExportFile, parseExportFile, type AssessmentRecord, type ExportFile } from '../../../src/domain/file-format';
import type { PlanItemState, TargetProfile } from '../../../src/domain/result-types';
import type { Firm } from '../../../src/domain/types';
import { emptyFirmInput } from '../../../src/domain/firm';
import { dumpDatabase, type Dump } from '../../fixtures/db/generate';
import { ans, assessment, CODE_A, file, firm, T0, T1 } from '../../fixtures/records';

const header = ({ answers: _, ...a }: AssessmentRecord) => a;
const V1_TEXT = readFileSync(new URL('../../fixtures/files/v1-export.json', import.meta.url), 'utf8');

type WithPlan = AssessmentRecord & { planStates?: PlanItemState[] };
/** A file whose firms may carry targets and whose assessments plan decisions. */
const file2 = (firms: (Firm & { targets?: TargetProfile | null })[], assessments: WithPlan[]) =>
  buildExportFile(firms, assessments, { appVersion: '0.1.0', exportedAt: T1 });
const state = (actionId: string, fields: Partial<PlanItemState> = {}): PlanItemState => ({
  actionId, status: 'accepted', text: '', owner: '张三', dueDate: '2026-12-31', note: '', updatedAt: T0, ...fields,
});
const statesOf = async (assessmentId: string) =>
  (await db.planStates.where('assessmentId').equals(assessmentId).toArray()).map((r) => [r.actionId, r.status, r.owner]);

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
  await plansRepo.save(a1.id, 'STR-01-L3-1', { status: 'done', owner: '王经理', note: '已发布质量目标' }, '2026-01-05T00:00:00.000Z');
  const a2 = await assessmentsRepo.startReassessment(a1.id, { catalogueVersion: '2026.1.0', assessor: '李', assessedOn: '2026-11-20' });
  await answersRepo.save(a2.id, 'STR-01', { level: 4 }, { level: 3 });
  await plansRepo.save(a2.id, 'STR-01-L4-2', { status: 'inProgress', dueDate: '2027-06-30', text: '改写的措施 "引号"' }, '2026-11-21T00:00:00.000Z');
  await targetsRepo.save(f.id, { modules: { SRV: 4 }, indicators: { 'STR-01': 5 } }, '2026-11-21T00:00:00.000Z');
  const a3 = await assessmentsRepo.create({ firmId: other.id, catalogueVersion: '2026.1.0', assessor: '', assessedOn: '2026-03-03' });
  return { f, other, a1, a2, a3 };
}

/** Imported target rows are dated by the file's export, so the dates are left out of comparisons. */
const undated = (dump: Dump) => ({ ...dump, targets: dump.targets!.map(({ updatedAt: _, ...r }) => r) });

describe('export', () => {
  it('one assessment, one firm with its history, or everything; valid files without db-only fields', async () => {
    const { f, a1, a2, a3 } = await seed();
    const one = await exportAssessment(a2.id, { now: NOW });
    expect(one).toMatchObject({ format: 'qm-maturity-export', formatVersion: 2, app: 'qm-maturity', exportedAt: NOW });
    expect(one.firms.map((x) => x.id)).toEqual([f.id]);
    expect(one.assessments.map((x) => [x.id, x.previousId])).toEqual([[a2.id, a1.id]]);
    const answers = one.assessments[0]!.answers;
    expect(answers.map((a) => [a.indicatorId, a.level])).toEqual([['PRD-05', null], ['STR-01', 4]]);
    expect(Object.keys(answers[0]!).sort()).toEqual(['evidence', 'indicatorId', 'level', 'naReason', 'notApplicable', 'note', 'updatedAt']);
    // Plan decisions (copied into the re-assessment, then one added) without assessmentId; the firm's targets.
    expect(one.assessments[0]!.planStates).toEqual([
      { actionId: 'STR-01-L3-1', status: 'done', text: '', owner: '王经理', dueDate: '', note: '已发布质量目标', updatedAt: '2026-01-05T00:00:00.000Z' },
      { actionId: 'STR-01-L4-2', status: 'inProgress', text: '改写的措施 "引号"', owner: '', dueDate: '2027-06-30', note: '', updatedAt: '2026-11-21T00:00:00.000Z' },
    ]);
    expect(one.firms[0]!.targets).toEqual({ modules: { SRV: 4 }, indicators: { 'STR-01': 5 } });

    const history = await exportFirm(f.id, { now: NOW });
    expect(history.assessments.map((x) => x.id)).toEqual([a1.id, a2.id]);
    expect(history.assessments.map((x) => x.planStates.length)).toEqual([1, 2]);
    const all = await exportAll({ now: NOW });
    expect(all.firms).toHaveLength(2);
    expect(all.firms.map((x) => x.targets === null)).toEqual([false, true]);
    expect(all.assessments[2]!.planStates).toEqual([]);
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
    expect(result).toMatchObject({ planStatesWritten: 3, targetsWritten: 1 });
    const after = await dumpDatabase(target);
    const norm = (rows: Record<string, unknown>[]) => rows.map(({ rev: _, ...r }) => r);
    expect(after.firms).toEqual(before.firms);
    expect(after.assessments).toEqual(before.assessments);
    expect(norm(after.answers!)).toEqual(norm(before.answers!));
    expect(after.planStates).toEqual(before.planStates);
    expect(undated(after).targets).toEqual(undated(before).targets);
    expect(after.targets![0]!.updatedAt).toBe(NOW);
    // Importing the same file again changes nothing.
    const again = await previewImport(file1.file);
    expect(again.assessments.every((a) => a.kind === 'identical')).toBe(true);
    await applyImport(file1.file, again);
    expect(await dumpDatabase(target)).toEqual(after);
  });

  it('keeps both by default; replaces only what the user chose, answers and all', async () => {
    await db.transaction('rw', db.tables, async () => {
      await db.firms.add(firm('f1'));
      await db.assessments.add(header(assessment('a1', 'f1')));
      await db.answers.bulkAdd([
        { ...ans('STR-01', 2), assessmentId: 'a1', rev: 5 },
        { ...ans('IMP-01', 1), assessmentId: 'a1', rev: 2 },
      ]);
    });
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
    await db.transaction('rw', db.tables, async () => {
      await db.firms.add(firm('f9'));
      await db.assessments.add(header(assessment('a9', 'f9', { assessor: '别人' })));
    });
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

describe('import: older files', () => {
  it('a released v1 file is upgraded and imported: firms without targets, assessments without decisions', async () => {
    const parsed = parseExportFile(V1_TEXT);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const plan = await previewImport(parsed.file);
    expect(plan.firms.map((p) => p.kind)).toEqual(['new', 'new']);
    const result = await applyImport(parsed.file, plan);
    expect(result).toMatchObject({ firmsAdded: 2, assessmentsAdded: 3, planStatesWritten: 0, targetsWritten: 0 });
    const v1 = JSON.parse(V1_TEXT);
    const dump = await dumpDatabase(db);
    expect(dump.firms).toEqual([...v1.firms].sort((a, b) => a.id.localeCompare(b.id)));
    expect(dump.answers).toHaveLength(10);
    expect(dump.planStates).toEqual([]);
    expect(dump.targets).toEqual([]);
    // Exported again, it is a v2 file with the same records.
    const again = await exportAll({ now: NOW });
    expect(again.formatVersion).toBe(2);
    expect(again.assessments.map((a) => a.id)).toEqual(v1.assessments.map((a: { id: string }) => a.id));
    expect(again.firms.map((f) => f.targets)).toEqual([null, null]);
  });

  it('a v1 file imported onto data with plan decisions: the assessment is a conflict that says the plan differs', async () => {
    const parsed = parseExportFile(V1_TEXT);
    if (!parsed.ok) throw new Error('invalid');
    await applyImport(parsed.file, await previewImport(parsed.file));
    const id = parsed.file.assessments[1]!.id;
    await plansRepo.save(id, 'STR-01-L3-1', { status: 'accepted' });
    await targetsRepo.save(parsed.file.firms[0]!.id, { modules: { SRV: 4 }, indicators: {} });
    const before = await dumpDatabase(db);
    const plan = await previewImport(parsed.file);
    expect(plan.firms.map((p) => p.kind)).toEqual(['identical', 'identical']);
    expect(plan.conflicts).toMatchObject([
      { key: `assessment:${id}`, differences: [{ field: 'planStates', stored: 'STR-01-L3-1', incoming: '', actions: { onlyStored: ['STR-01-L3-1'] } }] },
    ]);
    await applyImport(parsed.file, plan, { [`assessment:${id}`]: 'skip' });
    expect(await dumpDatabase(db)).toEqual(before);
  });
});

describe('import: plan decisions and targets', () => {
  const mine: TargetProfile = { modules: { SRV: 4 }, indicators: { 'STR-01': 5 } };
  const theirs: TargetProfile = { modules: { PRD: 3 }, indicators: {} };

  async function storeA1(states: PlanItemState[]) {
    await db.transaction('rw', db.tables, async () => {
      await db.firms.add(firm('f1'));
      await db.assessments.add(header(assessment('a1', 'f1')));
      await db.answers.bulkAdd(assessment('a1', 'f1').answers.map((a) => ({ ...a, assessmentId: 'a1', rev: 1 })));
      await db.planStates.bulkAdd(states.map((s) => ({ ...s, assessmentId: 'a1' })));
    });
  }

  it('keepBoth writes the decisions under the new id; replace swaps them whole; skip leaves them', async () => {
    await storeA1([state('STR-01-L3-1', { owner: '李四' }), state('IMP-01-L1-1')]);
    const incoming = file2([firm('f1')], [{ ...assessment('a1', 'f1'), planStates: [state('STR-01-L3-1'), state('PRD-05-L2-2', { status: 'done' })] }]);
    const plan = await previewImport(incoming);
    expect(plan.conflicts.map((c) => [c.key, c.differences.map((d) => d.field)])).toEqual([['assessment:a1', ['planStates']]]);

    const skipped = await dumpDatabase(db);
    await applyImport(incoming, plan, { 'assessment:a1': 'skip' });
    expect(await dumpDatabase(db)).toEqual(skipped);

    const kept = await applyImport(incoming, await previewImport(incoming), {}, () => 'copy');
    expect(kept).toMatchObject({ assessmentsAdded: 1, planStatesWritten: 2 });
    expect(await statesOf('copy')).toEqual([['PRD-05-L2-2', 'done', '张三'], ['STR-01-L3-1', 'accepted', '张三']]);
    expect(await statesOf('a1')).toEqual([['IMP-01-L1-1', 'accepted', '张三'], ['STR-01-L3-1', 'accepted', '李四']]);

    await applyImport(incoming, await previewImport(incoming), { 'assessment:a1': 'replace' });
    expect(await statesOf('a1')).toEqual([['PRD-05-L2-2', 'done', '张三'], ['STR-01-L3-1', 'accepted', '张三']]);
    expect((await previewImport(incoming)).assessments[0]!.kind).toBe('identical');
  });

  it('targets: a stored firm keeps its own, takes the file\'s when it has none; replace overwrites or removes them', async () => {
    await db.transaction('rw', db.firms, db.meta, () => db.firms.bulkAdd([firm('f1'), firm('f2', { creditCode: CODE_A })]));
    await targetsRepo.save('f1', mine, T0);
    const incoming = file2([{ ...firm('f1'), targets: theirs }, { ...firm('tablet', { creditCode: CODE_A }), targets: theirs }], []);
    const plan = await previewImport(incoming);
    expect(plan.firms.map((p) => [p.kind, p.storedTargets])).toEqual([['conflict', true], ['matched', false]]);
    const r = await applyImport(incoming, plan);
    expect(r.targetsWritten).toBe(1);
    expect(await targetsRepo.get('f1')).toEqual(mine);
    expect(await targetsRepo.get('f2')).toEqual(theirs);
    expect((await db.targets.get('f2'))!.updatedAt).toBe(T1);

    await applyImport(incoming, await previewImport(incoming), { 'firm:f1': 'replace' });
    expect(await targetsRepo.get('f1')).toEqual(theirs);
    const without = file2([{ ...firm('f1', { contact: '新电话' }), targets: null }], []);
    await applyImport(without, await previewImport(without), { 'firm:f1': 'replace' });
    expect(await db.targets.get('f1')).toBeUndefined();
    expect(await db.targets.get('f2')).toBeDefined();
  });

  it('a firm kept twice takes the file\'s targets and its assessments\' decisions to the copy', async () => {
    await db.transaction('rw', db.firms, db.meta, () => db.firms.add(firm('f1', { creditCode: CODE_A })));
    await targetsRepo.save('f1', mine, T0);
    const incoming = file2([{ ...firm('f1', { name: '另一家公司', creditCode: '' }), targets: theirs }], [{ ...assessment('a1', 'f1'), planStates: [state('STR-01-L3-1')] }]);
    let n = 0;
    const r = await applyImport(incoming, await previewImport(incoming), {}, () => `new-${++n}`);
    expect(r.firmIds.get('f1')).toBe('new-1');
    expect(await targetsRepo.get('new-1')).toEqual(theirs);
    expect(await targetsRepo.get('f1')).toEqual(mine);
    expect(await statesOf('a1')).toEqual([['STR-01-L3-1', 'accepted', '张三']]);
  });

  it('targets set in another tab after the preview make the plan outdated', async () => {
    await db.transaction('rw', db.firms, db.meta, () => db.firms.add(firm('f1')));
    const incoming = file2([{ ...firm('f1'), targets: theirs }], []);
    const plan = await previewImport(incoming);
    await targetsRepo.save('f1', mine);
    await expect(applyImport(incoming, plan)).rejects.toMatchObject({ code: 'importOutdated' });
    expect(await targetsRepo.get('f1')).toEqual(mine);
  });

  it('a failure while writing decisions or targets writes nothing at all', async () => {
    await seed();
    const before = await dumpDatabase(db);
    const incoming = file2([{ ...firm('f9'), targets: theirs }], [{ ...assessment('a9', 'f9'), planStates: [state('STR-01-L3-1')] }]);
    const plan = await previewImport(incoming);
    for (const spy of [vi.spyOn(db.planStates, 'bulkAdd'), vi.spyOn(db.targets, 'bulkPut')]) {
      spy.mockRejectedValueOnce(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
      await expect(applyImport(incoming, plan)).rejects.toMatchObject({ code: 'quotaExceeded' });
      expect(spy).toHaveBeenCalledOnce();
      expect(await dumpDatabase(db)).toEqual(before);
      spy.mockRestore();
    }
    await applyImport(incoming, plan);
    expect(await statesOf('a9')).toEqual([['STR-01-L3-1', 'accepted', '张三']]);
    expect(await targetsRepo.get('f9')).toEqual(theirs);
  });
});
