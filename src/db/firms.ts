import type { Firm } from '../domain/types';
import { normalizeFirmInput, validateFirm, type FirmInput } from '../domain/firm';
import { getDb } from './schema';
import { StorageError, toStorageError } from './errors';
import { VIEW_KEY } from './revision';

export const firmsRepo = {
  async list(): Promise<Firm[]> {
    const firms = await getDb().firms.toArray();
    return firms.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  },

  get(id: string): Promise<Firm | undefined> {
    return getDb().firms.get(id);
  },

  async create(input: FirmInput, now = new Date().toISOString()): Promise<Firm> {
    if (validateFirm(input).length > 0) throw new StorageError('invalidInput', 'invalid firm');
    const firm: Firm = { ...normalizeFirmInput(input), id: crypto.randomUUID(), createdAt: now, updatedAt: now };
    try {
      const db = getDb();
      await db.transaction('rw', db.firms, db.meta, () => db.firms.add(firm));
    } catch (e) {
      throw toStorageError(e);
    }
    return firm;
  },

  async update(id: string, input: FirmInput, now = new Date().toISOString()): Promise<Firm> {
    if (validateFirm(input).length > 0) throw new StorageError('invalidInput', 'invalid firm');
    const db = getDb();
    try {
      return await db.transaction('rw', db.firms, db.meta, async () => {
        const current = await db.firms.get(id);
        if (!current) throw new StorageError('notFound', `firm ${id}`);
        const firm: Firm = { ...current, ...normalizeFirmInput(input), updatedAt: now };
        await db.firms.put(firm);
        return firm;
      });
    } catch (e) {
      throw toStorageError(e);
    }
  },

  /**
   * Deletes a firm with all its assessments, answers, plan decisions and targets, in one transaction, and what the
   * programme view kept of them (its snapshots and the kept view, which holds firm details).
   */
  async remove(id: string): Promise<void> {
    const db = getDb();
    await db.transaction('rw', [db.firms, db.assessments, db.answers, db.planStates, db.targets, db.portfolioSnapshots, db.meta], async () => {
      const ids = await db.assessments.where('firmId').equals(id).primaryKeys();
      await db.portfolioSnapshots.bulkDelete(ids);
      await db.meta.delete(VIEW_KEY);
      await db.answers.where('assessmentId').anyOf(ids).delete();
      await db.planStates.where('assessmentId').anyOf(ids).delete();
      await db.targets.delete(id);
      await db.assessments.bulkDelete(ids);
      await db.firms.delete(id);
    });
  },
};
