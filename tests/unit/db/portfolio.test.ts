import { beforeEach, describe, expect, it } from 'vitest';
import { AppDatabase, useDatabase } from '../../../src/db/schema';
import { readPortfolio, saveSnapshots } from '../../../src/db/portfolio';
import { VIEW_KEY } from '../../../src/db/revision';
import { applyImport, exportAll, previewImport } from '../../../src/db/transfer';
import { answersRepo } from '../../../src/db/answers';
import { plansRepo } from '../../../src/db/plans';
import { targetsRepo } from '../../../src/db/targets';
import { firmsRepo } from '../../../src/db/firms';
import { assessmentsRepo } from '../../../src/db/assessments';
import { catalogue } from '../../../src/content/index';
import sample from '../../../src/content/sample/portfolio.json';
import { parseExportFile } from '../../../src/domain/file-format';
import { programmeRows } from '../../../src/domain/portfolio-sources';
import { scoreAssessments } from '../../../src/domain/portfolio';

const STAMP = 'test|2026.1.0|1';
const NOW = '2026-11-24T09:00:00.000Z';

let db: AppDatabase;
beforeEach(async () => {
  db = new AppDatabase(`portfolio-${crypto.randomUUID()}`);
  useDatabase(db);
  const parsed = parseExportFile(sample);
  if (!parsed.ok) throw new Error('sample portfolio is invalid');
  await applyImport(parsed.file, await previewImport(parsed.file));
});

/** As the programme store: reads, scores what changed, keeps it; returns the rows' input and what was scored. */
async function read(stamp = STAMP) {
  const r = await readPortfolio(stamp);
  const fresh = scoreAssessments(catalogue, r.firms, r.stale.map((s) => s.assessment));
  await saveSnapshots(r, fresh);
  return { firms: r.firms, scored: [...r.kept, ...fresh], computed: fresh.map((x) => x.snapshot.id), orphans: r.orphans, fromView: r.fromView };
}
/** The rows scored from every answer (the reference). */
const reference = async () => programmeRows(catalogue, await exportAll(), []);
const rowsOf = (p: Awaited<ReturnType<typeof read>>) => programmeRows(catalogue, { firms: p.firms, scored: p.scored }, []);
const computedIds = (p: Awaited<ReturnType<typeof read>>) => [...p.computed].sort();

describe('readPortfolio: the programme view over kept snapshots', () => {
  it('gives the same rows as scoring every answer, first and from the kept snapshots', async () => {
    const all = (await db.assessments.toArray()).map((a) => a.id).sort();
    const first = await read();
    expect(computedIds(first)).toEqual(all);
    expect(rowsOf(first)).toEqual(await reference());
    const second = await read();
    expect(second.computed).toEqual([]);
    expect(rowsOf(second)).toEqual(await reference());
    expect(await db.portfolioSnapshots.count()).toBe(all.length);
  });

  it('scores again only an assessment whose answer changed, and shows the new level', async () => {
    const a = (await db.assessments.toArray())[0]!;
    if (a.status === 'completed') await assessmentsRepo.reopen(a.id, NOW); // answers of a completed one are locked
    await read();
    const current = (await answersRepo.list(a.id)).find((r) => r.indicatorId === 'STR-01')!;
    const level = current.level === 5 ? 1 : 5;
    expect((await answersRepo.save(a.id, 'STR-01', { level }, { level: current.level }, '2026-11-24T10:00:00.000Z')).status).toBe('saved');
    const next = await read();
    expect(computedIds(next)).toEqual([a.id]);
    expect(rowsOf(next)).toEqual(await reference());
  });

  it('scores again after a plan decision, a target or a firm profile change, and under a new stamp', async () => {
    await read();
    const a = (await db.assessments.toArray())[0]!;
    const sameFirm = (await db.assessments.where('firmId').equals(a.firmId).toArray()).map((x) => x.id).sort();
    const action = (await read()).scored.find((s) => s.snapshot.id === a.id)!.snapshot.openActions[0];
    if (action) {
      await plansRepo.save(a.id, action, { status: 'done' }, NOW);
      const afterPlan = await read();
      expect(computedIds(afterPlan)).toEqual([a.id]);
      expect(afterPlan.scored.find((s) => s.snapshot.id === a.id)!.snapshot.openActions).not.toContain(action);
    }
    await targetsRepo.save(a.firmId, { modules: { STR: 5 }, indicators: {} }, NOW);
    const afterTargets = await read();
    expect(computedIds(afterTargets)).toEqual(sameFirm);
    expect(rowsOf(afterTargets)).toEqual(await reference());

    const firm = (await db.firms.get(a.firmId))!;
    await firmsRepo.update(a.firmId, { ...firm, industry: firm.industry === 'C' ? 'F' : 'C' }, '2026-11-25T00:00:00.000Z');
    const afterFirm = await read();
    expect(computedIds(afterFirm)).toEqual(sameFirm);
    expect(rowsOf(afterFirm)).toEqual(await reference());

    expect((await read('test|2026.2.0|1')).computed).toHaveLength(await db.assessments.count());
  });

  it('reads the one kept view while nothing is written, and the snapshots after any write, a new stamp or damage', async () => {
    const first = await read();
    expect(first.fromView).toBe(false);
    const second = await read();
    expect(second.fromView).toBe(true);
    expect(rowsOf(second)).toEqual(await reference());

    const a = (await db.assessments.toArray())[0]!;
    const sameFirm = (await db.assessments.where('firmId').equals(a.firmId).toArray()).map((x) => x.id).sort();
    await targetsRepo.save(a.firmId, { modules: { PRD: 5 }, indicators: {} }, NOW);
    const afterWrite = await read();
    expect(afterWrite.fromView).toBe(false);
    expect(computedIds(afterWrite)).toEqual(sameFirm);
    const again = await read();
    expect(again.fromView).toBe(true);
    expect(rowsOf(again)).toEqual(await reference());

    expect((await read('test|2026.2.0|1')).fromView).toBe(false);
    expect((await read('test|2026.2.0|1')).fromView).toBe(true);

    const kept = (await db.meta.get(VIEW_KEY))!.value;
    // Kept as ASCII (one byte a character), with the action ids once.
    expect(kept).toMatch(/^[\x20-\x7e\n]+$/);
    expect(kept.split('"STR-01-L1-1"').length).toBeLessThanOrEqual(2);
    await db.meta.put({ key: VIEW_KEY, value: kept.slice(0, kept.indexOf('{') + 10) });
    const damaged = await read('test|2026.2.0|1');
    expect(damaged.fromView).toBe(false);
    expect(damaged.computed).toEqual([]);
    expect(rowsOf(damaged)).toEqual(await reference());
  });

  it('drops the snapshot of a deleted assessment, and an import starts the cache afresh', async () => {
    await read();
    const a = (await db.assessments.toArray())[0]!;
    await assessmentsRepo.remove(a.id);
    expect(await db.portfolioSnapshots.get(a.id)).toBeUndefined();
    const afterDelete = await read();
    expect(afterDelete.computed).toEqual([]);
    expect(rowsOf(afterDelete)).toEqual(await reference());

    // Deleting a firm deletes what was kept of it: its snapshots, and the kept view (it holds firm details).
    const firmId = (await db.firms.toArray())[0]!.id;
    const ids = await db.assessments.where('firmId').equals(firmId).primaryKeys();
    expect(ids.length).toBeGreaterThan(0);
    expect(await db.meta.get(VIEW_KEY)).toBeDefined();
    await firmsRepo.remove(firmId);
    expect(await db.portfolioSnapshots.bulkGet(ids)).toEqual(ids.map(() => undefined));
    expect(await db.meta.get(VIEW_KEY)).toBeUndefined();
    const afterFirm = await read();
    expect(afterFirm.firms.map((f) => f.id)).not.toContain(firmId);
    expect(rowsOf(afterFirm)).toEqual(await reference());
    // Contact details are not kept in the view.
    expect((await db.meta.get(VIEW_KEY))!.value).not.toMatch(/"contact":"[^"]/);

    const parsed = parseExportFile(sample);
    if (!parsed.ok) throw new Error('sample portfolio is invalid');
    await applyImport(parsed.file, await previewImport(parsed.file));
    expect(await db.portfolioSnapshots.count()).toBe(0);
    const afterImport = await read();
    expect(afterImport.computed).toHaveLength(await db.assessments.count());
    expect(rowsOf(afterImport)).toEqual(await reference());
  });
});
