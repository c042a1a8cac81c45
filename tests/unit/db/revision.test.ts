import { beforeEach, describe, expect, it } from 'vitest';
import { AppDatabase, useDatabase } from '../../../src/db/schema';
import { REVISION_KEY } from '../../../src/db/revision';
import { firmsRepo } from '../../../src/db/firms';
import { assessmentsRepo } from '../../../src/db/assessments';
import { answersRepo } from '../../../src/db/answers';
import { plansRepo } from '../../../src/db/plans';
import { targetsRepo } from '../../../src/db/targets';
import { markExported } from '../../../src/db/storage';
import { applyImport, exportAll, previewImport } from '../../../src/db/transfer';
import { emptyFirmInput } from '../../../src/domain/firm';

let db: AppDatabase;
beforeEach(() => {
  db = new AppDatabase(`revision-${crypto.randomUUID()}`);
  useDatabase(db);
});

const revision = async () => (await db.meta.get(REVISION_KEY))?.value;
/** Runs a write and says whether the data revision changed. */
async function changes(write: () => Promise<unknown>): Promise<boolean> {
  const before = await revision();
  await write();
  return (await revision()) !== before;
}

describe('data revision', () => {
  it('changes with every repository write to the data the programme view is computed from', async () => {
    let firmId = '';
    expect(await changes(async () => (firmId = (await firmsRepo.create({ ...emptyFirmInput(), name: '修订测试有限公司' })).id))).toBe(true);
    expect(await changes(() => firmsRepo.update(firmId, { ...emptyFirmInput(), name: '修订测试二有限公司' }))).toBe(true);
    let id = '';
    expect(await changes(async () => (id = (await assessmentsRepo.create({ firmId, catalogueVersion: '2026.1.0', assessor: '李', assessedOn: '2026-11-23' })).id))).toBe(true);
    expect(await changes(() => answersRepo.save(id, 'STR-01', { level: 3 }, { level: null }))).toBe(true);
    expect(await changes(() => assessmentsRepo.update(id, { assessor: '王' }))).toBe(true);
    expect(await changes(() => plansRepo.save(id, 'STR-01-L4-1', { status: 'done' }))).toBe(true);
    expect(await changes(() => targetsRepo.save(firmId, { modules: { STR: 4 }, indicators: {} }))).toBe(true);
    expect(await changes(() => assessmentsRepo.complete(id))).toBe(true);
    expect(await changes(() => assessmentsRepo.reopen(id))).toBe(true);
    let next = '';
    expect(await changes(async () => (next = (await assessmentsRepo.startReassessment(id, { catalogueVersion: '2026.1.0', assessor: '李', assessedOn: '2027-05-01' })).id))).toBe(true);
    expect(await changes(() => plansRepo.carryInto(next, [{ actionId: 'PRD-01-L2-1', status: 'accepted', text: '', owner: '', dueDate: '', note: '', updatedAt: '2027-05-01T00:00:00.000Z' }]))).toBe(true);
    expect(await changes(() => assessmentsRepo.remove(next))).toBe(true);

    // An import that adds something changes it; importing the same file again writes nothing and does not.
    const file = await exportAll();
    const copy = { ...file, firms: file.firms.map((f) => ({ ...f, id: 'other-firm', creditCode: '' })), assessments: file.assessments.map((a) => ({ ...a, id: 'other-a', firmId: 'other-firm' })) };
    expect(await changes(async () => applyImport(copy, await previewImport(copy)))).toBe(true);
    expect(await changes(async () => applyImport(copy, await previewImport(copy)))).toBe(false);

    expect(await changes(() => firmsRepo.remove(firmId))).toBe(true);
  });

  it('does not change with writes the view does not depend on', async () => {
    const firm = await firmsRepo.create({ ...emptyFirmInput(), name: '修订测试有限公司' });
    const a = await assessmentsRepo.create({ firmId: firm.id, catalogueVersion: '2026.1.0', assessor: '李', assessedOn: '2026-11-23' });
    expect(await changes(() => markExported([a.id]))).toBe(false);
    expect(await changes(() => db.portfolioSnapshots.clear())).toBe(false);
  });

  it('refuses a write whose transaction leaves out the meta table, writing nothing', async () => {
    const firm = await firmsRepo.create({ ...emptyFirmInput(), name: '修订测试有限公司' });
    await expect(db.firms.put({ ...firm, name: '改名' })).rejects.toThrow(/meta table/);
    await expect(db.transaction('rw', db.firms, () => db.firms.delete(firm.id))).rejects.toThrow(/meta table/);
    expect((await db.firms.get(firm.id))?.name).toBe('修订测试有限公司');
  });

  it('is one token per transaction, and a failed transaction keeps the one before', async () => {
    const firm = await firmsRepo.create({ ...emptyFirmInput(), name: '修订测试有限公司' });
    const before = await revision();
    await expect(
      db.transaction('rw', db.firms, db.meta, async () => {
        await db.firms.put({ ...firm, name: '甲' });
        await db.firms.put({ ...firm, name: '乙' });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await revision()).toBe(before);
    expect((await db.firms.get(firm.id))?.name).toBe('修订测试有限公司');
  });
});
