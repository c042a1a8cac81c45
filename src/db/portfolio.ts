// The programme view's reading of this device: every firm, and every assessment as a scored snapshot.
// Scoring needs every answer; reading 80,000 answers takes seconds, so a snapshot is kept per assessment
// (table portfolioSnapshots) with a key of what it was computed from, and only changed assessments' answers are
// read. The key holds: `stamp` (app and catalogue version, snapshot format), the assessment's updatedAt (bumped
// by every answer saved), the firm's and its targets' updatedAt. A plan decision deletes its assessment's
// snapshot (plans.ts) and an import clears the table (transfer.ts). Rules: docs/programme.md#the-screen.
// Reading thousands of rows costs ≈35 µs each in Chromium, so the whole reading is also kept as one meta row
// (`portfolioView`) with the data revision it was read at (revision.ts): while no write has changed the revision,
// the next reading is that one row.
import type { Table } from 'dexie';
import type { AssessmentSnapshot, PortfolioAssessment, PortfolioFirm, ScoredAssessment } from '../domain/portfolio';
import { getDb, type AnswerRow, type PlanStateRow, type PortfolioSnapshotRow } from './schema';
import { toStorageError } from './errors';
import { groupByAssessment } from './group';
import { REVISION_KEY, VIEW_KEY } from './revision';

/** What the programme view reads: scored assessments, and those to score again (with their answers). */
export interface PortfolioReading {
  firms: PortfolioFirm[];
  kept: ScoredAssessment[];
  stale: { assessment: PortfolioAssessment; key: string }[];
  /** Snapshots of assessments no longer stored. */
  orphans: string[];
  /** What the snapshots were computed under (app, catalogue, format) and the data revision read. */
  stamp: string;
  revision: string;
  /** Read whole from the kept view (nothing stale, nothing to keep). */
  fromView: boolean;
}

interface View {
  firms: PortfolioFirm[];
  scored: ScoredAssessment[];
}
/** As kept: each snapshot's open actions as indexes into `actionIds` (most of a snapshot's size otherwise). */
interface KeptView {
  firms: PortfolioFirm[];
  actionIds: string[];
  scored: { firmId: string; snapshot: Omit<AssessmentSnapshot, 'openActions'> & { openActions: number[] } }[];
}

function packView(view: View): string {
  const index = new Map<string, number>();
  const actionIds: string[] = [];
  const indexOf = (id: string) => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = actionIds.push(id) - 1));
    return i;
  };
  const scored = view.scored.map(({ firmId, snapshot }) => ({ firmId, snapshot: { ...snapshot, openActions: snapshot.openActions.map(indexOf) } }));
  // Contact details are not shown on the programme screen: not kept.
  const kept: KeptView = { firms: view.firms.map((f) => ({ ...f, contact: '' })), actionIds, scored };
  // Characters beyond ASCII escaped: an all-ASCII string is stored and read one byte a character.
  return JSON.stringify(kept).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A damaged view is read as none: the snapshots are read instead. */
function unpackView(json: string): View | null {
  try {
    const kept = JSON.parse(json) as Partial<KeptView>;
    if (!Array.isArray(kept.firms) || !Array.isArray(kept.scored) || !Array.isArray(kept.actionIds)) return null;
    const ids = kept.actionIds;
    const scored = kept.scored.map(({ firmId, snapshot }) => ({ firmId, snapshot: { ...snapshot, openActions: snapshot.openActions.map((i) => ids[i]!) } }));
    return scored.every((s) => s.snapshot.openActions.every((id) => typeof id === 'string')) ? { firms: kept.firms, scored } : null;
  } catch {
    return null;
  }
}
/** The kept view is `stamp`, revision and the JSON of a View, one per line: the JSON is parsed only when current. */
const viewHead = (stamp: string, revision: string) => `${stamp}\n${revision}\n`;

/** Reads this device's portfolio: kept snapshots whose key still matches, and the rest with their answers. */
export async function readPortfolio(stamp: string): Promise<PortfolioReading> {
  const db = getDb();
  try {
    return await db.transaction('r', [db.firms, db.assessments, db.answers, db.planStates, db.targets, db.portfolioSnapshots, db.meta], async () => {
      const [revisionRow, viewRow] = await db.meta.bulkGet([REVISION_KEY, VIEW_KEY]);
      const revision = revisionRow?.value ?? '';
      const head = viewHead(stamp, revision);
      const view = viewRow?.value.startsWith(head) ? unpackView(viewRow.value.slice(head.length)) : null;
      if (view) return { firms: view.firms, kept: view.scored, stale: [], orphans: [], stamp, revision, fromView: true };
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
      const orphans = snapshots.filter((s) => !stored.has(s.assessmentId)).map((s) => s.assessmentId);
      return { firms: [...firms.values()], kept, stale, orphans, stamp, revision, fromView: false };
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

/**
 * Keeps the snapshots scored for a reading's stale assessments, drops its orphans, and keeps the whole reading as
 * the view of its revision. A cache: a failure loses nothing stored.
 */
export async function saveSnapshots(reading: PortfolioReading, scored: readonly ScoredAssessment[]): Promise<void> {
  if (reading.fromView) return;
  const keys = new Map(reading.stale.map((s) => [s.assessment.id, s.key]));
  const rows: PortfolioSnapshotRow[] = scored.flatMap((x) => {
    const key = keys.get(x.snapshot.id);
    return key === undefined ? [] : [{ assessmentId: x.snapshot.id, firmId: x.firmId, key, snapshot: JSON.stringify(x.snapshot) }];
  });
  const db = getDb();
  const view: View = { firms: reading.firms, scored: [...reading.kept, ...scored] };
  await db.transaction('rw', db.portfolioSnapshots, db.meta, async () => {
    await db.portfolioSnapshots.bulkDelete([...reading.orphans]);
    await db.portfolioSnapshots.bulkPut(rows);
    await db.meta.put({ key: VIEW_KEY, value: viewHead(reading.stamp, reading.revision) + packView(view) });
  });
}
