// Comparison of two assessments of one firm, and the trend over several. Rules: docs/results.md#comparison.
import type { AssessmentScore } from './score';
import type { ChangeKind, Comparison, IndicatorChange, ModuleChange, PlanItemState, TrendPoint } from './result-types';
import type { Answer, Assessment, MaturityLevel } from './types';
import { latestStates } from './plan';

export interface ComparedAssessment {
  id: string;
  score: AssessmentScore;
  answers: readonly Answer[];
  planStates?: readonly PlanItemState[];
}

type Cell = MaturityLevel | 'na' | null;

/** What was said of each indicator of the assessment's catalogue: a level, 'na', or null (unanswered). */
function cells(a: ComparedAssessment): Map<string, { moduleId: string; cell: Cell }> {
  const answers = new Map(a.answers.map((x) => [x.indicatorId, x]));
  const out = new Map<string, { moduleId: string; cell: Cell }>();
  for (const m of a.score.modules) {
    for (const i of m.indicators) {
      const ans = answers.get(i.indicatorId);
      out.set(i.indicatorId, { moduleId: m.moduleId, cell: ans?.notApplicable ? 'na' : (ans?.level ?? null) });
    }
  }
  return out;
}

const isLevel = (c: Cell): c is MaturityLevel => typeof c === 'number';

function change(indicatorId: string, moduleId: string, before: Cell, after: Cell): IndicatorChange {
  if (isLevel(before) && isLevel(after)) {
    const delta = after - before;
    const kind: ChangeKind = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
    return { indicatorId, moduleId, before, after, delta, kind };
  }
  const kind: ChangeKind = isLevel(after) ? 'new' : isLevel(before) ? 'gone' : 'same';
  return { indicatorId, moduleId, before, after, delta: null, kind };
}

/** Union of ids: those of `after` in its order, then those only in `before`. */
function unionIds<T>(after: Map<string, T>, before: Map<string, T>): string[] {
  return [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
}

const stageOf = (s: AssessmentScore): MaturityLevel | null => (s.stage.kind === 'given' ? s.stage.stage : null);
const diff = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : b - a);

export function compareAssessments(before: ComparedAssessment, after: ComparedAssessment): Comparison {
  const b = cells(before);
  const a = cells(after);
  const indicators = unionIds(a, b).map((id) => {
    const moduleId = (a.get(id) ?? b.get(id))!.moduleId;
    return change(id, moduleId, b.get(id)?.cell ?? null, a.get(id)?.cell ?? null);
  });
  const bm = new Map(before.score.modules.map((m) => [m.moduleId, m]));
  const am = new Map(after.score.modules.map((m) => [m.moduleId, m]));
  const modules: ModuleChange[] = unionIds(am, bm).map((moduleId) => {
    const x = bm.get(moduleId);
    const y = am.get(moduleId);
    return {
      moduleId,
      before: x?.value ?? null,
      after: y?.value ?? null,
      delta100: diff(x?.score100, y?.score100),
      levelBefore: x?.level ?? null,
      levelAfter: y?.level ?? null,
    };
  });
  return {
    beforeId: before.id,
    afterId: after.id,
    overallDelta100: diff(before.score.score100, after.score.score100),
    stageBefore: stageOf(before.score),
    stageAfter: stageOf(after.score),
    modules,
    indicators,
    completedActions: [...latestStates(before.planStates ?? []).values()].filter((s) => s.status === 'done').map((s) => s.actionId),
  };
}

const cmp = (p: string, q: string) => (p < q ? -1 : p > q ? 1 : 0);

/** One point per assessment, oldest first (by assessedOn, then createdAt, then id). */
export function trend(list: readonly { assessment: Pick<Assessment, 'id' | 'assessedOn' | 'createdAt'>; score: AssessmentScore }[]): TrendPoint[] {
  return [...list]
    .sort(
      (x, y) =>
        cmp(x.assessment.assessedOn, y.assessment.assessedOn) ||
        cmp(x.assessment.createdAt, y.assessment.createdAt) ||
        cmp(x.assessment.id, y.assessment.id),
    )
    .map(({ assessment, score }) => ({
      assessmentId: assessment.id,
      assessedOn: assessment.assessedOn,
      overall100: score.score100,
      stage: stageOf(score),
      modules: Object.fromEntries(score.modules.map((m) => [m.moduleId, m.score100])),
    }));
}
