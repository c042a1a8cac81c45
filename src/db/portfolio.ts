// The programme view's reading of this device: every firm, and every assessment as a scored snapshot.
// Scoring needs every answer; reading 80,000 answers takes seconds, so a snapshot is kept per assessment
// (table portfolioSnapshots) with a key of what it was computed from, and only changed assessments' answers are
// read. The key holds: `stamp` (app and catalogue version, snapshot format), the assessment's updatedAt (bumped
// by every answer saved), the firm's and its targets' updatedAt. A plan decision deletes its assessment's
// snapshot (plans.ts) and an import clears the table (transfer.ts). Rules: docs/programme.md#the-screen.
import type { Table } from 'dexie';
import type { AssessmentSnapshot, PortfolioAssessment, PortfolioFirm, ScoredAssessment } from '../domain/portfolio';
import { getDb, type AnswerRow, type PlanStateRow, type PortfolioSnapshotRow } from './schema';
import { toStorageError } from './errors';
import { groupByAssessment } from './group';

/** What the programme view reads: scored assessments, and those to score again (with their answers). */
export interface PortfolioReading {
  firms: PortfolioFirm[];
  kept: ScoredAssessment[];
  stale: { assessment: PortfolioAssessment; key: string }[];
  /** Snapshots of assessments no longer stored. */
  orphans: string[];
}

/** Reads this device's portfolio: kept snapshots whose key still matches, and the rest with their answers. */
export async function readPortfolio(stamp: string): Promise<PortfolioReading> {
  const db = getDb();
  try {
    return await db.transaction('r', [db.firms, db.assessments, db.answers, db.planStates, db.targets, db.portfolioSnapshots], async () => {
      const [firmRows, assessments, targets, snapshots] = await Promise.all([
        db.firms.toArray(),
        db.assessments.toArray(),
        db.targets.toArray(),
        db.portfolioSnapshots.toArray(),
      ]);
      const targetOf = new Map(targets.map((t) => [t.firmId, t]));
      const firms = new Map<string, PortfolioFirm>(
        firmRows.map((f) => {
          const t = targetOf.get(f.id);
          return [f.id, { ...f, targets: t ? { modules: t.modules, indicators: t.indicators } : null }];
        }),
      );
      const saved = new Map(snapshots.map((s) => [s.assessmentId, s]));
      const kept: ScoredAssessment[] = [];
      const changed: { a: (typeof assessments)[number]; key: string }[] = [];
      for (const a of assessments) {
        if (!firms.has(a.firmId)) continue; // an assessment without its firm exists only if storage was damaged
        const key = [stamp, a.updatedAt, firms.get(a.firmId)!.updatedAt, targetOf.get(a.firmId)?.updatedAt ?? ''].join('|');
        const s = saved.get(a.id);
        if (s && s.key === key) kept.push({ firmId: a.firmId, snapshot: JSON.parse(s.snapshot) as AssessmentSnapshot });
        else changed.push({ a, key });
      }
      const stale: PortfolioReading['stale'] = [];
      if (changed.length > 0) {
        const ids = changed.map((x) => x.a.id);
        const wanted = new Set(ids);
        // Few assessments: look their rows up; many: one scan of each table is quicker.
        const rowsOf = async <R extends { assessmentId: string }>(table: Table<R, [string, string]>) =>
          groupByAssessment<R>(ids.length <= 50 ? await table.where('assessmentId').anyOf(ids).toArray() : (await table.toArray()).filter((r) => wanted.has(r.assessmentId)));
        const [answers, states] = await Promise.all([rowsOf<AnswerRow>(db.answers), rowsOf<PlanStateRow>(db.planStates)]);
        for (const { a, key } of changed) {
          const planStates = (states.get(a.id) ?? []).map(({ assessmentId: _, ...s }) => s);
          stale.push({ assessment: { ...a, answers: answers.get(a.id) ?? [], planStates }, key });
        }
      }
      const stored = new Set(assessments.map((a) => a.id));
      return { firms: [...firms.values()], kept, stale, orphans: snapshots.filter((s) => !stored.has(s.assessmentId)).map((s) => s.assessmentId) };
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Keeps the snapshots scored for a reading's stale assessments and drops its orphans. A cache: a failure loses nothing stored. */
export async function saveSnapshots(reading: Pick<PortfolioReading, 'stale' | 'orphans'>, scored: readonly ScoredAssessment[]): Promise<void> {
  if (scored.length === 0 && reading.orphans.length === 0) return;
  const keys = new Map(reading.stale.map((s) => [s.assessment.id, s.key]));
  const rows: PortfolioSnapshotRow[] = scored.flatMap((x) => {
    const key = keys.get(x.snapshot.id);
    return key === undefined ? [] : [{ assessmentId: x.snapshot.id, firmId: x.firmId, key, snapshot: JSON.stringify(x.snapshot) }];
  });
  const db = getDb();
  await db.transaction('rw', db.portfolioSnapshots, async () => {
    await db.portfolioSnapshots.bulkDelete([...reading.orphans]);
    await db.portfolioSnapshots.bulkPut(rows);
  });
}
