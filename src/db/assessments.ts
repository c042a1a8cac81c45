import type { Assessment } from '../domain/types';
import { getDb, type AnswerRow } from './schema';
import { StorageError, toStorageError } from './errors';

export interface NewAssessment {
  firmId: string;
  catalogueVersion: string;
  assessor: string;
  assessedOn: string;
}

function fresh(input: NewAssessment, previousId: string | null, now: string): Assessment {
  return { ...input, id: crypto.randomUUID(), status: 'draft', previousId, createdAt: now, updatedAt: now, completedAt: null };
}

export const assessmentsRepo = {
  list(): Promise<Assessment[]> {
    return getDb().assessments.orderBy('updatedAt').reverse().toArray();
  },

  listByFirm(firmId: string): Promise<Assessment[]> {
    return getDb()
      .assessments.where('firmId')
      .equals(firmId)
      .toArray()
      .then((list) => list.sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.createdAt.localeCompare(b.createdAt)));
  },

  get(id: string): Promise<Assessment | undefined> {
    return getDb().assessments.get(id);
  },

  async create(input: NewAssessment, now = new Date().toISOString()): Promise<Assessment> {
    const db = getDb();
    const assessment = fresh(input, null, now);
    try {
      await db.transaction('rw', db.firms, db.assessments, db.meta, async () => {
        if (!(await db.firms.get(input.firmId))) throw new StorageError('notFound', `firm ${input.firmId}`);
        await db.assessments.add(assessment);
      });
    } catch (e) {
      throw toStorageError(e);
    }
    return assessment;
  },

  /** A new draft for the same firm, linked to `fromId`, starting from a copy of its answers and plan decisions. */
  async startReassessment(fromId: string, input: Omit<NewAssessment, 'firmId'>, now = new Date().toISOString()): Promise<Assessment> {
    const db = getDb();
    try {
      return await db.transaction('rw', [db.assessments, db.answers, db.planStates, db.meta], async () => {
        const from = await db.assessments.get(fromId);
        if (!from) throw new StorageError('notFound', `assessment ${fromId}`);
        const next = fresh({ ...input, firmId: from.firmId }, from.id, now);
        const answers = await db.answers.where('assessmentId').equals(fromId).toArray();
        await db.assessments.add(next);
        await db.answers.bulkAdd(answers.map((a): AnswerRow => ({ ...a, assessmentId: next.id, rev: 1, updatedAt: now })));
        const states = await db.planStates.where('assessmentId').equals(fromId).toArray();
        await db.planStates.bulkAdd(states.map((s) => ({ ...s, assessmentId: next.id })));
        return next;
      });
    } catch (e) {
      throw toStorageError(e);
    }
  },

  async update(id: string, patch: Partial<Pick<Assessment, 'assessor' | 'assessedOn'>>, now = new Date().toISOString()): Promise<void> {
    await setFields(id, { ...patch, updatedAt: now });
  },

  async complete(id: string, now = new Date().toISOString()): Promise<void> {
    await setFields(id, { status: 'completed', completedAt: now, updatedAt: now });
  },

  /** Back to draft, to correct answers; the report number will change with them. */
  async reopen(id: string, now = new Date().toISOString()): Promise<void> {
    await setFields(id, { status: 'draft', completedAt: null, updatedAt: now });
  },

  /** Deletes an assessment and its answers; a re-assessment of it keeps its answers but loses the link. */
  async remove(id: string): Promise<void> {
    const db = getDb();
    await db.transaction('rw', [db.assessments, db.answers, db.planStates, db.portfolioSnapshots, db.meta], async () => {
      await db.portfolioSnapshots.delete(id);
      await db.answers.where('assessmentId').equals(id).delete();
      await db.planStates.where('assessmentId').equals(id).delete();
      await db.assessments.where('previousId').equals(id).modify({ previousId: null });
      await db.assessments.delete(id);
    });
  },
};

async function setFields(id: string, fields: Partial<Assessment>): Promise<void> {
  const db = getDb();
  try {
    await db.transaction('rw', db.assessments, db.meta, async () => {
      const n = await db.assessments.update(id, fields);
      if (n === 0 && !(await db.assessments.get(id))) throw new StorageError('notFound', `assessment ${id}`);
    });
  } catch (e) {
    throw toStorageError(e);
  }
}
