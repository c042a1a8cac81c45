import { beforeEach, describe, expect, it } from 'vitest';
import { AppDatabase, useDatabase } from '../../../src/db/schema';
import { firmsRepo } from '../../../src/db/firms';
import { assessmentsRepo } from '../../../src/db/assessments';
import { answersRepo } from '../../../src/db/answers';
import { StorageError } from '../../../src/db/errors';
import { emptyFirmInput } from '../../../src/domain/firm';

let db: AppDatabase;
beforeEach(() => {
  db = new AppDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(db);
});

async function firmWithDraft() {
  const firm = await firmsRepo.create({ ...emptyFirmInput(), name: '  天津市曌明精密机械有限公司 ', creditCode: '91440300708461136t' });
  const a = await assessmentsRepo.create({ firmId: firm.id, catalogueVersion: '2026.1.0', assessor: '李', assessedOn: '2026-11-23' });
  return { firm, a };
}

describe('firms', () => {
  it('stores a normalised firm and refuses an invalid one without writing', async () => {
    const { firm } = await firmWithDraft();
    expect(firm.name).toBe('天津市曌明精密机械有限公司');
    expect(firm.creditCode).toBe('91440300708461136T');
    await expect(firmsRepo.create({ ...emptyFirmInput(), name: '' })).rejects.toMatchObject({ code: 'invalidInput' });
    await expect(firmsRepo.create({ ...emptyFirmInput(), name: 'x', creditCode: '91440300708461136A' })).rejects.toBeInstanceOf(StorageError);
    expect(await db.firms.count()).toBe(1);
  });

  it('deleting a firm deletes its assessments and answers, and nothing else', async () => {
    const { firm, a } = await firmWithDraft();
    const other = await firmWithDraft();
    await answersRepo.save(a.id, 'STR-01', { level: 3 }, { level: null });
    await answersRepo.save(other.a.id, 'STR-01', { level: 2 }, { level: null });
    await firmsRepo.remove(firm.id);
    expect(await db.firms.count()).toBe(1);
    expect(await db.assessments.count()).toBe(1);
    expect((await db.answers.toArray()).map((r) => r.assessmentId)).toEqual([other.a.id]);
  });
});

describe('answers', () => {
  it('saves, bumps the revision and the assessment date', async () => {
    const { a } = await firmWithDraft();
    const r1 = await answersRepo.save(a.id, 'STR-01', { level: 3 }, { level: null }, '2026-11-23T10:00:00.000Z');
    expect(r1).toMatchObject({ status: 'saved', row: { level: 3, rev: 1 } });
    const r2 = await answersRepo.save(a.id, 'STR-01', { note: '有会议纪要' }, { note: '' });
    expect(r2).toMatchObject({ status: 'saved', row: { level: 3, note: '有会议纪要', rev: 2 } });
    expect((await assessmentsRepo.get(a.id))!.updatedAt).not.toBe(a.updatedAt);
  });

  it('marking not applicable clears the level', async () => {
    const { a } = await firmWithDraft();
    await answersRepo.save(a.id, 'PRD-01', { level: 2 }, { level: null });
    const r = await answersRepo.save(a.id, 'PRD-01', { notApplicable: true }, { notApplicable: false });
    expect(r).toMatchObject({ status: 'saved', row: { level: null, notApplicable: true } });
  });

  it('two tabs: a field changed elsewhere is reported, not overwritten; other fields merge', async () => {
    const { a } = await firmWithDraft();
    // Both tabs saw an empty answer. Tab A writes level 4.
    await answersRepo.save(a.id, 'STR-02', { level: 4 }, { level: null });
    // Tab B, still based on the empty answer, writes level 2: conflict, level 4 kept.
    const b = await answersRepo.save(a.id, 'STR-02', { level: 2 }, { level: null });
    expect(b).toMatchObject({ status: 'conflict', fields: ['level'], row: { level: 4 } });
    // Tab B writes its note (based on an empty note): merges, level 4 stays.
    const c = await answersRepo.save(a.id, 'STR-02', { note: 'B 的备注' }, { note: '' });
    expect(c).toMatchObject({ status: 'saved', row: { level: 4, note: 'B 的备注' } });
    // The same value written by both is no conflict.
    const d = await answersRepo.save(a.id, 'STR-02', { level: 4 }, { level: null });
    expect(d.status).toBe('saved');
  });

  it('a completed assessment refuses changes until reopened', async () => {
    const { a } = await firmWithDraft();
    await assessmentsRepo.complete(a.id);
    await expect(answersRepo.save(a.id, 'STR-01', { level: 1 }, { level: null })).rejects.toMatchObject({ code: 'assessmentCompleted' });
    await assessmentsRepo.reopen(a.id);
    expect((await answersRepo.save(a.id, 'STR-01', { level: 1 }, { level: null })).status).toBe('saved');
  });
});

describe('re-assessment', () => {
  it('copies the answers into a new linked draft and leaves the earlier one unchanged', async () => {
    const { a } = await firmWithDraft();
    await answersRepo.save(a.id, 'STR-01', { level: 3, note: '纪要' }, { level: null, note: '' });
    await answersRepo.save(a.id, 'PRD-05', { notApplicable: true, naReason: '不生产' }, { notApplicable: false, naReason: '' });
    await assessmentsRepo.complete(a.id);
    const next = await assessmentsRepo.startReassessment(a.id, { catalogueVersion: '2026.1.0', assessor: '王', assessedOn: '2027-05-01' });
    expect(next).toMatchObject({ previousId: a.id, firmId: a.firmId, status: 'draft' });
    const copied = await answersRepo.list(next.id);
    expect(copied.map((r) => [r.indicatorId, r.level, r.notApplicable, r.note]).sort()).toEqual([
      ['PRD-05', null, true, ''],
      ['STR-01', 3, false, '纪要'],
    ]);
    await answersRepo.save(next.id, 'STR-01', { level: 4 }, { level: 3 });
    expect((await answersRepo.list(a.id)).find((r) => r.indicatorId === 'STR-01')!.level).toBe(3);
  });

  it('deleting the earlier assessment unlinks the later one', async () => {
    const { a } = await firmWithDraft();
    const next = await assessmentsRepo.startReassessment(a.id, { catalogueVersion: '2026.1.0', assessor: '', assessedOn: '2027-01-01' });
    await assessmentsRepo.remove(a.id);
    expect((await assessmentsRepo.get(next.id))!.previousId).toBeNull();
    expect(await assessmentsRepo.get(a.id)).toBeUndefined();
  });

  it('refuses an unknown source without writing', async () => {
    await expect(assessmentsRepo.startReassessment('nope', { catalogueVersion: '2026.1.0', assessor: '', assessedOn: '2027-01-01' })).rejects.toMatchObject({ code: 'notFound' });
    expect(await db.assessments.count()).toBe(0);
  });
});
