// The programme view: one row per firm from its latest assessment, with filters, sorting and counts.
// Rules: docs/programme.md. Built by an accumulator, so that a caller can feed files one at a time.
import type { AssessmentRecord } from './file-format';
import type { CertificationStepId, PlanItemState, TargetProfile } from './result-types';
import type { Catalogue, Firm, MaturityLevel } from './types';
import { scoreAssessment } from './score';
import { summarizeCatalogue } from './summary';
import { certificationPath } from './certification';
import { buildPlan, latestStates } from './plan';
import { NO_TARGETS } from './targets';

const EPS = 1e-9;
export type StageKey = MaturityLevel | 'insufficient' | 'none';
export const STAGE_KEYS: readonly StageKey[] = [1, 2, 3, 4, 5, 'insufficient', 'none'];

/** Version of AssessmentSnapshot and of how snapshotOf computes it: bump it when either changes, so that snapshots
 *  kept on devices (db/portfolio.ts) are computed again. */
export const SNAPSHOT_FORMAT = 1;

/** What a row keeps of one assessment: no answers. */
export interface AssessmentSnapshot {
  id: string;
  assessedOn: string;
  createdAt: string;
  updatedAt: string;
  assessor: string;
  status: AssessmentRecord['status'];
  stage: StageKey;
  overall100: number | null;
  /** Module level 1–5 (null: no answered indicator), in catalogue order. */
  moduleLevels: Record<string, MaturityLevel | null>;
  /** Module mean value 1–5. */
  moduleValues: Record<string, number | null>;
  /** The lowest-valued modules; empty when all rated modules are level. */
  weakest: string[];
  coverage: { answered: number; notApplicable: number; total: number };
  certificationStep: CertificationStepId;
  /** The path finds the firm ready for QMS certification (so financing on certification is next). */
  qmsReady: boolean;
  /** Plan action ids not yet marked done or rejected, in plan order. */
  openActions: string[];
}

export interface PortfolioRow {
  firmId: string;
  name: string;
  creditCode: string;
  industry: string;
  sizeClass: Firm['sizeClass'];
  district: string;
  assessmentCount: number;
  latest: AssessmentSnapshot | null;
  stage: StageKey;
  overall100: number | null;
  /** The firm's previous assessment (by date), if any. */
  previousId: string | null;
  overallDelta100: number | null;
  stageBefore: StageKey | null;
  /** Stage of the firm's first assessment (for movement). */
  firstStage: StageKey | null;
}

export type PortfolioFirm = Firm & { targets?: TargetProfile | null };
/** An assessment already scored: its firm and its snapshot. */
export interface ScoredAssessment {
  firmId: string;
  snapshot: AssessmentSnapshot;
}
export type PortfolioAssessment = AssessmentRecord & { planStates?: PlanItemState[] };

const cmp = (p: string, q: string) => (p < q ? -1 : p > q ? 1 : 0);
/** Assessment order: by date, then createdAt, then id (as compare.ts trend). */
const order = (a: Pick<AssessmentSnapshot, 'assessedOn' | 'createdAt' | 'id'>, b: typeof a) =>
  cmp(a.assessedOn, b.assessedOn) || cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id);

/** Scores one assessment and keeps only what the portfolio needs. */
export function snapshotOf(catalogue: Catalogue, firm: PortfolioFirm, a: PortfolioAssessment, intern: (s: string) => string = (s) => s): AssessmentSnapshot {
  const score = scoreAssessment(catalogue, a.answers);
  const summary = summaryOf(catalogue);
  const path = certificationPath(summary, score, firm);
  const closed = new Set([...latestStates(a.planStates ?? []).values()].filter((s) => s.status === 'done' || s.status === 'rejected').map((s) => s.actionId));
  const openActions = buildPlan(catalogue, score, firm.targets ?? NO_TARGETS)
    .map((i) => i.actionId)
    .filter((id) => !closed.has(id))
    .map(intern);
  const rated = score.modules.filter((m) => m.value !== null);
  const values = rated.map((m) => m.value!);
  const lo = Math.min(...values);
  const spread = values.length > 0 && Math.max(...values) - lo > EPS;
  return {
    id: a.id,
    assessedOn: a.assessedOn,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    assessor: a.assessor,
    status: a.status,
    stage: score.stage.kind === 'given' ? score.stage.stage : score.stage.kind,
    overall100: score.score100,
    moduleLevels: Object.fromEntries(score.modules.map((m) => [m.moduleId, m.level])),
    moduleValues: Object.fromEntries(score.modules.map((m) => [m.moduleId, m.value])),
    weakest: spread ? rated.filter((m) => m.value! <= lo + EPS).map((m) => m.moduleId) : [],
    coverage: { answered: score.coverage.answered, notApplicable: score.coverage.notApplicable, total: score.coverage.total },
    certificationStep: path.current,
    qmsReady: path.steps.find((s) => s.id === 'qmsCertification')?.status === 'reached' || path.current === 'qmsCertification',
    openActions,
  };
}

/** Scores assessments of these firms (e.g. those whose kept snapshot is out of date, see db/portfolio.ts). */
export function scoreAssessments(catalogue: Catalogue, firms: readonly PortfolioFirm[], assessments: readonly PortfolioAssessment[]): ScoredAssessment[] {
  const byId = new Map(firms.map((f) => [f.id, f]));
  return assessments.flatMap((a) => {
    const firm = byId.get(a.firmId);
    return firm ? [{ firmId: a.firmId, snapshot: snapshotOf(catalogue, firm, a) }] : [];
  });
}

const summaries = new WeakMap<Catalogue, ReturnType<typeof summarizeCatalogue>>();
function summaryOf(c: Catalogue) {
  let s = summaries.get(c);
  if (!s) summaries.set(c, (s = summarizeCatalogue(c)));
  return s;
}

interface FirmEntry {
  firm: PortfolioFirm;
  /** Small record of every assessment seen, by id. */
  history: Map<string, { id: string; assessedOn: string; createdAt: string; updatedAt: string; stage: StageKey; overall100: number | null }>;
  latest: AssessmentSnapshot | null;
}

/**
 * Collects firms and assessments, file after file, keeping no answers. Firms merge by id: the record with the
 * latest updatedAt wins (on a tie, the later one fed). An assessment id seen twice keeps its latest updatedAt.
 */
export class PortfolioBuilder {
  private readonly firms = new Map<string, FirmEntry>();
  private readonly strings = new Map<string, string>();
  /** The catalogue scores assessments given with their answers (add); null when all come scored (addScored). */
  constructor(private readonly catalogue: Catalogue | null) {}

  private intern = (s: string): string => {
    const seen = this.strings.get(s);
    if (seen !== undefined) return seen;
    this.strings.set(s, s);
    return s;
  };

  add(firms: readonly PortfolioFirm[], assessments: readonly PortfolioAssessment[]): void {
    this.addFirms(firms);
    for (const a of assessments) {
      const entry = this.firms.get(a.firmId);
      if (!entry) continue; // a parsed file has no assessment without its firm
      const seen = entry.history.get(a.id);
      if (seen && seen.updatedAt > a.updatedAt) continue;
      if (!this.catalogue) throw new Error('PortfolioBuilder: scoring assessments needs the catalogue.');
      this.put(entry, snapshotOf(this.catalogue, entry.firm, a, this.intern));
    }
  }

  /** As add, with assessments already scored (snapshots kept from an earlier reading, see db/portfolio.ts). */
  addScored(firms: readonly PortfolioFirm[], scored: readonly ScoredAssessment[]): void {
    this.addFirms(firms);
    for (const { firmId, snapshot } of scored) {
      const entry = this.firms.get(firmId);
      if (!entry) continue;
      const seen = entry.history.get(snapshot.id);
      if (seen && seen.updatedAt > snapshot.updatedAt) continue;
      this.put(entry, { ...snapshot, openActions: snapshot.openActions.map(this.intern) });
    }
  }

  private addFirms(firms: readonly PortfolioFirm[]): void {
    for (const f of firms) {
      const entry = this.firms.get(f.id);
      const slim: PortfolioFirm = { ...f, contact: '' };
      if (!entry) this.firms.set(f.id, { firm: slim, history: new Map(), latest: null });
      else if (f.updatedAt >= entry.firm.updatedAt) entry.firm = slim;
    }
  }

  private put(entry: FirmEntry, snap: AssessmentSnapshot): void {
    entry.history.set(snap.id, { id: snap.id, assessedOn: snap.assessedOn, createdAt: snap.createdAt, updatedAt: snap.updatedAt, stage: snap.stage, overall100: snap.overall100 });
    if (!entry.latest || entry.latest.id === snap.id || order(snap, entry.latest) > 0) entry.latest = snap;
  }

  rows(): PortfolioRow[] {
    const rows = [...this.firms.values()].map(({ firm, history, latest }) => {
      const sorted = [...history.values()].sort(order);
      const previous = sorted.length > 1 ? sorted[sorted.length - 2]! : null;
      const delta = previous && latest && previous.overall100 !== null && latest.overall100 !== null ? latest.overall100 - previous.overall100 : null;
      return {
        firmId: firm.id,
        name: firm.name,
        creditCode: firm.creditCode,
        industry: firm.industry,
        sizeClass: firm.sizeClass,
        district: firm.district,
        assessmentCount: history.size,
        latest,
        stage: latest?.stage ?? 'none',
        overall100: latest?.overall100 ?? null,
        previousId: previous?.id ?? null,
        overallDelta100: delta,
        stageBefore: previous?.stage ?? null,
        firstStage: sorted[0]?.stage ?? null,
      } satisfies PortfolioRow;
    });
    return sortRows(rows, 'name', 'asc');
  }
}

/** One row per firm: its latest assessment (by date), and the change since the one before. */
export function portfolioRows(catalogue: Catalogue, firms: readonly PortfolioFirm[], assessments: readonly PortfolioAssessment[]): PortfolioRow[] {
  const builder = new PortfolioBuilder(catalogue);
  builder.add(firms, assessments);
  return builder.rows();
}

export interface RowFilter {
  district?: string;
  industry?: string;
  sizeClass?: Firm['sizeClass'];
  stage?: StageKey;
  status?: AssessmentRecord['status'];
  /** Case-insensitive part of the name, credit code, id or district. */
  query?: string;
}

export function filterRows(rows: readonly PortfolioRow[], f: RowFilter): PortfolioRow[] {
  const q = f.query?.trim().toLowerCase() ?? '';
  return rows.filter(
    (r) =>
      (f.district === undefined || r.district === f.district) &&
      (f.industry === undefined || r.industry === f.industry) &&
      (f.sizeClass === undefined || r.sizeClass === f.sizeClass) &&
      (f.stage === undefined || r.stage === f.stage) &&
      (f.status === undefined || r.latest?.status === f.status) &&
      (q === '' || [r.name, r.creditCode, r.firmId, r.district].some((s) => s.toLowerCase().includes(q))),
  );
}

/** Sortable columns; a module id sorts by that module's value. */
export type SortColumn = 'name' | 'district' | 'industry' | 'sizeClass' | 'stage' | 'overall' | 'delta' | 'assessedOn' | 'coverage' | (string & {});

function sortValue(r: PortfolioRow, column: SortColumn): string | number | null {
  switch (column) {
    case 'name':
      return r.name || null;
    case 'district':
      return r.district || null;
    case 'industry':
      return r.industry || null;
    case 'sizeClass':
      return r.sizeClass || null;
    case 'stage':
      return typeof r.stage === 'number' ? r.stage : null;
    case 'overall':
      return r.overall100;
    case 'delta':
      return r.overallDelta100;
    case 'assessedOn':
      return r.latest?.assessedOn ?? null;
    case 'coverage':
      return r.latest ? (r.latest.coverage.answered + r.latest.coverage.notApplicable) / Math.max(1, r.latest.coverage.total) : null;
    default:
      return r.latest?.moduleValues[column] ?? null;
  }
}

/** Sorted copy; empty values last in either direction; ties by name, then id. */
export function sortRows(rows: readonly PortfolioRow[], column: SortColumn, direction: 'asc' | 'desc' = 'asc'): PortfolioRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = rows.map((r) => ({ r, v: sortValue(r, column) }));
  keyed.sort((x, y) => {
    if (x.v !== y.v) {
      if (x.v === null) return 1;
      if (y.v === null) return -1;
      const c = typeof x.v === 'number' && typeof y.v === 'number' ? x.v - y.v : cmp(String(x.v), String(y.v));
      if (c !== 0) return sign * c;
    }
    return cmp(x.r.name, y.r.name) || cmp(x.r.firmId, y.r.firmId);
  });
  return keyed.map((k) => k.r);
}

/** Firms per stage; 'none' includes firms without an assessment. */
export function stageDistribution(rows: readonly PortfolioRow[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(STAGE_KEYS.map((k) => [String(k), 0]));
  for (const r of rows) out[String(r.stage)]! += 1;
  return out;
}

/** Mean module value (1–5) over the firms rated on that module, and how many they are. */
export function averageProfile(rows: readonly PortfolioRow[]): { moduleId: string; mean: number | null; firms: number }[] {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const r of rows) {
    for (const [id, v] of Object.entries(r.latest?.moduleValues ?? {})) {
      const s = sums.get(id) ?? { sum: 0, n: 0 };
      if (v !== null) {
        s.sum += v;
        s.n += 1;
      }
      sums.set(id, s);
    }
  }
  return [...sums].map(([moduleId, { sum, n }]) => ({ moduleId, mean: n > 0 ? sum / n : null, firms: n }));
}

/**
 * First stage against latest stage. single: one assessment or none; unknown: the first or latest assessment
 * has no stage (not enough answers), so no direction can be told.
 */
export function stageMovement(rows: readonly PortfolioRow[]): { up: number; same: number; down: number; single: number; unknown: number } {
  const out = { up: 0, same: 0, down: 0, single: 0, unknown: 0 };
  for (const r of rows) {
    if (r.assessmentCount < 2) out.single += 1;
    else if (typeof r.firstStage !== 'number' || typeof r.stage !== 'number') out.unknown += 1;
    else out[r.stage > r.firstStage ? 'up' : r.stage < r.firstStage ? 'down' : 'same'] += 1;
  }
  return out;
}
