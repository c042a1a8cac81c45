// Strengths, weaknesses and the plain-language summary of one assessment. Rules: docs/results.md#insights.
import type { AssessmentScore, IndicatorScore, ModuleScore } from './score';
import type { CatalogueSummary } from './summary';
import type { HiddenWeakness, Insights, RankedIndicator, RankedModule, TargetProfile, TextRef } from './result-types';
import type { MaturityLevel } from './types';
import { NO_TARGETS } from './targets';
import { limitingModulesOf, rankIndicatorGaps } from './plan';

const EPS = 1e-9;
export const MAX_MODULES = 3;
export const MAX_INDICATORS = 5;
/** An indicator this many levels below its module's level is a hidden weakness. */
export const HIDDEN_GAP = 2;

const ref = (key: string, params: TextRef['params'] = {}): TextRef => ({ key, params });
/** Locale-independent name params, resolved by renderText (see result-types.ts). */
export const moduleParam = (ids: readonly string[]) => (ids.length === 1 ? `module:${ids[0]}` : `modules:${ids.join(',')}`);
export const indicatorParam = (ids: readonly string[]) => (ids.length === 1 ? `indicator:${ids[0]}` : `indicators:${ids.join(',')}`);
export const levelParam = (n: number) => `level:${n}`;

type Rated = ModuleScore & { value: number; level: MaturityLevel };
type Answered = IndicatorScore & { level: MaturityLevel };

function extremes<T>(items: T[], valueOf: (t: T) => number, max: number): { top: T[]; bottom: T[] } {
  if (items.length === 0) return { top: [], bottom: [] };
  const values = items.map(valueOf);
  const hi = Math.max(...values);
  const lo = Math.min(...values);
  if (hi - lo <= EPS) return { top: [], bottom: [] };
  return {
    top: items.filter((t) => valueOf(t) >= hi - EPS).slice(0, max),
    bottom: items.filter((t) => valueOf(t) <= lo + EPS).slice(0, max),
  };
}

const rankedModule = (m: Rated): RankedModule => ({ moduleId: m.moduleId, value: m.value, level: m.level });
const rankedIndicator = (i: Answered): RankedIndicator => ({ indicatorId: i.indicatorId, moduleId: i.moduleId, level: i.level });

export function hiddenWeaknesses(score: AssessmentScore): HiddenWeakness[] {
  return score.modules.flatMap((m) => {
    if (m.level === null || m.level < 2) return [];
    const weak = m.indicators
      .filter((i): i is Answered => i.status === 'answered' && i.level !== null && i.level <= m.level! - HIDDEN_GAP)
      .sort((a, b) => a.level - b.level)
      .map(rankedIndicator);
    return weak.length ? [{ moduleId: m.moduleId, moduleLevel: m.level, weakIndicators: weak }] : [];
  });
}

export function buildInsights(summary: CatalogueSummary, score: AssessmentScore, targets: TargetProfile = NO_TARGETS): Insights {
  const rated = score.modules.filter((m): m is Rated => m.value !== null && m.level !== null);
  const answered = score.modules.flatMap((m) => m.indicators).filter((i): i is Answered => i.status === 'answered' && i.level !== null);
  // Ties among indicators: heavier first, then catalogue order (sort is stable).
  const byWeight = [...answered].sort((a, b) => b.weight - a.weight);
  const mods = extremes(rated, (m) => m.value, MAX_MODULES);
  const inds = extremes(byWeight, (i) => i.level, MAX_INDICATORS);
  const hidden = hiddenWeaknesses(score);
  const insights: Omit<Insights, 'summary'> = {
    strongestModules: mods.top.map(rankedModule),
    weakestModules: mods.bottom.map(rankedModule),
    strongestIndicators: inds.top.map(rankedIndicator),
    weakestIndicators: inds.bottom.map(rankedIndicator),
    hiddenWeaknesses: hidden,
  };
  return { ...insights, summary: summarize(summary, score, targets, rated, insights) };
}

function summarize(summary: CatalogueSummary, score: AssessmentScore, targets: TargetProfile, rated: Rated[], ins: Omit<Insights, 'summary'>): TextRef[] {
  const out: TextRef[] = [];
  const stage = score.stage;
  if (stage.kind === 'none') return [ref('summary.none')];
  if (stage.kind === 'given') out.push(ref(`summary.stage_${stage.stage}`, { stage: levelParam(stage.stage), n: stage.stage }));
  else {
    const percent = Math.round(summary.rules.minModuleResponseForStage * 100);
    out.push(ref('summary.insufficient', { modules: moduleParam(stage.modulesLackingAnswers), percent }));
  }
  if (score.score100 !== null && score.value !== null) {
    out.push(ref('summary.overall', { score: score.score100.toFixed(1), value: score.value.toFixed(2) }));
  }
  if (ins.strongestModules.length) {
    const top = ins.strongestModules;
    const bottom = ins.weakestModules;
    out.push(ref('summary.strongest', { modules: moduleParam(top.map((m) => m.moduleId)), level: levelParam(top[0]!.level) }));
    out.push(ref('summary.weakest', { modules: moduleParam(bottom.map((m) => m.moduleId)), level: levelParam(bottom[0]!.level) }));
  } else if (rated.length) {
    out.push(ref('summary.even', { level: levelParam(rated[0]!.level) }));
  }
  const limiting = limitingModulesOf(score);
  if (stage.kind === 'given' && limiting.length) {
    out.push(ref('summary.limiting', { modules: moduleParam(limiting), reached: levelParam(stage.reachedByMost), stage: levelParam(stage.stage) }));
  }
  if (ins.hiddenWeaknesses.length) {
    const weak = ins.hiddenWeaknesses.flatMap((h) => h.weakIndicators.map((i) => i.indicatorId));
    out.push(ref('summary.hidden', { modules: moduleParam(ins.hiddenWeaknesses.map((h) => h.moduleId)), indicators: indicatorParam(weak) }));
  }
  const noValue = score.modules.filter((m) => m.value === null).map((m) => m.moduleId);
  if (noValue.length) out.push(ref('summary.no_value', { modules: moduleParam(noValue) }));
  if (score.coverage.notApplicable) out.push(ref('summary.not_applicable', { n: score.coverage.notApplicable }));
  if (score.coverage.unanswered) out.push(ref('summary.unanswered', { n: score.coverage.unanswered }));
  out.push(firstStep(score, targets));
  return out;
}

function firstStep(score: AssessmentScore, targets: TargetProfile): TextRef {
  if (score.stage.kind === 'insufficient') return ref('summary.first_answer', { modules: moduleParam(score.stage.modulesLackingAnswers) });
  const top = rankIndicatorGaps(score, targets)[0];
  if (top) {
    return ref('summary.first_step', {
      indicator: indicatorParam([top.indicatorId]),
      module: moduleParam([top.moduleId]),
      from: levelParam(top.fromLevel),
      to: levelParam(top.fromLevel + 1),
    });
  }
  const answered = score.modules.flatMap((m) => m.indicators).filter((i) => i.level !== null);
  return answered.length > 0 && answered.every((i) => i.level === 5) ? ref('summary.all_top') : ref('summary.targets_met');
}
