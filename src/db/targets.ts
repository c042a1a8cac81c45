// A firm's target profile (per module, overriding per indicator).
import type { TargetProfile } from '../domain/result-types';
import { NO_TARGETS } from '../domain/targets';
import { getDb } from './schema';
import { toStorageError } from './errors';

export const targetsRepo = {
  async get(firmId: string): Promise<TargetProfile> {
    const row = await getDb().targets.get(firmId);
    return row ? { modules: row.modules, indicators: row.indicators } : NO_TARGETS;
  },

  async save(firmId: string, targets: TargetProfile, now = new Date().toISOString()): Promise<void> {
    try {
      const db = getDb();
      await db.transaction('rw', db.targets, db.meta, () => db.targets.put({ firmId, modules: targets.modules, indicators: targets.indicators, updatedAt: now }));
    } catch (e) {
      throw toStorageError(e);
    }
  },
};
