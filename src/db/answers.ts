// Answers, one row per indicator. A save names the values it was based on, so two tabs editing
// the same answer never overwrite each other silently: a field changed elsewhere is reported, not replaced.
import type { AnswerFields } from '../domain/types';
import { getDb, type AnswerRow } from './schema';
import { StorageError, toStorageError } from './errors';

export const ANSWER_FIELDS = ['level', 'notApplicable', 'naReason', 'note', 'evidence'] as const;

export type SaveResult =
  | { status: 'saved'; row: AnswerRow }
  | { status: 'conflict'; row: AnswerRow; fields: (keyof AnswerFields)[] };

export function emptyAnswer(assessmentId: string, indicatorId: string): AnswerRow {
  return { assessmentId, indicatorId, level: null, notApplicable: false, naReason: '', note: '', evidence: '', updatedAt: '', rev: 0 };
}

export const answersRepo = {
  listAll(): Promise<AnswerRow[]> {
    return getDb().answers.toArray();
  },

  list(assessmentId: string): Promise<AnswerRow[]> {
    return getDb().answers.where('assessmentId').equals(assessmentId).toArray();
  },

  /**
   * Writes `patch` over the stored answer. `base` holds the values this tab last saw for the patched fields;
   * a field whose stored value differs from its base was changed elsewhere and is not overwritten.
   */
  async save(
    assessmentId: string,
    indicatorId: string,
    patch: Partial<AnswerFields>,
    base: Partial<AnswerFields>,
    now = new Date().toISOString(),
  ): Promise<SaveResult> {
    const db = getDb();
    try {
      return await db.transaction('rw', db.assessments, db.answers, db.meta, async (): Promise<SaveResult> => {
        // Two round trips: read both, then write both.
        const [assessment, stored] = await Promise.all([db.assessments.get(assessmentId), db.answers.get([assessmentId, indicatorId])]);
        if (!assessment) throw new StorageError('notFound', `assessment ${assessmentId}`);
        if (assessment.status === 'completed') throw new StorageError('assessmentCompleted', assessmentId);
        const current = stored ?? emptyAnswer(assessmentId, indicatorId);
        const fields = (Object.keys(patch) as (keyof AnswerFields)[]).filter((f) => ANSWER_FIELDS.includes(f));
        const conflicts = fields.filter((f) => f in base && current[f] !== base[f] && current[f] !== patch[f]);
        if (conflicts.length > 0) return { status: 'conflict', row: current, fields: conflicts };
        const row: AnswerRow = { ...current, ...pick(patch, fields), updatedAt: now, rev: current.rev + 1 };
        if (row.notApplicable) row.level = null;
        await Promise.all([db.answers.put(row), db.assessments.put({ ...assessment, updatedAt: now })]);
        return { status: 'saved', row };
      });
    } catch (e) {
      throw toStorageError(e);
    }
  },
};

function pick(patch: Partial<AnswerFields>, fields: (keyof AnswerFields)[]): Partial<AnswerFields> {
  return Object.fromEntries(fields.map((f) => [f, patch[f]]));
}
