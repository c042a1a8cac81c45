// What the user decided about each improvement action of an assessment.
import type { PlanItemState } from '../domain/result-types';
import { defaultPlanState } from '../domain/plan';
import { getDb, type PlanStateRow } from './schema';
import { toStorageError } from './errors';

export type PlanStatePatch = Partial<Omit<PlanItemState, 'actionId' | 'updatedAt'>>;

function strip({ assessmentId: _a, ...state }: PlanStateRow): PlanItemState {
  return state;
}

export const plansRepo = {
  async list(assessmentId: string): Promise<PlanItemState[]> {
    return (await getDb().planStates.where('assessmentId').equals(assessmentId).toArray()).map(strip);
  },

  async save(assessmentId: string, actionId: string, patch: PlanStatePatch, now = new Date().toISOString()): Promise<PlanItemState> {
    const db = getDb();
    try {
      return await db.transaction('rw', db.planStates, db.portfolioSnapshots, db.meta, async () => {
        const current = (await db.planStates.get([assessmentId, actionId])) ?? { ...defaultPlanState(actionId), assessmentId };
        const row: PlanStateRow = { ...current, ...patch, actionId, assessmentId, updatedAt: now };
        await db.planStates.put(row);
        // The programme view's kept summary of this assessment counts open actions: it is worked out again.
        await db.portfolioSnapshots.delete(assessmentId);
        return strip(row);
      });
    } catch (e) {
      throw toStorageError(e);
    }
  },

  /** Stores states carried over from an earlier assessment (see domain carryOver). */
  async carryInto(assessmentId: string, states: readonly PlanItemState[]): Promise<void> {
    const db = getDb();
    await db.transaction('rw', db.planStates, db.meta, () => db.planStates.bulkPut(states.map((s) => ({ ...s, assessmentId }))));
  },
};
