// Scoring: indicator level → module value → overall value. Rules and worked example: docs/scoring.md.
import type { Answer, MaturityLevel, ScoringRules } from './types';
import { decideStage, type StageDecision } from './stage';
import { levelOf, toScore100 } from './levels';

export type IndicatorStatus = 'answered' | 'notApplicable' | 'unanswered';

export interface IndicatorScore {
  indicatorId: string;
  moduleId: string;
  status: IndicatorStatus;
  level: MaturityLevel | null;
  score100: number | null;
  weight: number;
}

export interface Coverage {
  total: number;
  answered: number;
  notApplicable: number;
  unanswered: number;
  /** (answered + notApplicable) / total, 0–1. */
  responded: number;
}

export interface ModuleScore {
  moduleId: string;
  /** Weighted mean level of answered indicators, 1–5; null when none is answered. */
  value: number | null;
  score100: number | null;
  /** The module's level: the value rounded down (levels are cumulative). */
  level: MaturityLevel | null;
  coverage: Coverage;
  indicators: IndicatorScore[];
}

export interface AssessmentScore {
  catalogueVersion: string;
  value: number | null;
  score100: number | null;
  stage: StageDecision;
  coverage: Coverage;
  modules: ModuleScore[];
}

function weightedMean(items: { level: number; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { level, weight } of items) {
    sum += level * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

function coverageOf(scores: IndicatorScore[]): Coverage {
  const total = scores.length;
  const answered = scores.filter((s) => s.status === 'answered').length;
  const notApplicable = scores.filter((s) => s.status === 'notApplicable').length;
  return {
    total,
    answered,
    notApplicable,
    unanswered: total - answered - notApplicable,
    responded: total > 0 ? (answered + notApplicable) / total : 0,
  };
}

export function scoreIndicator(answer: Answer | undefined): Pick<IndicatorScore, 'status' | 'level' | 'score100'> {
  if (answer?.notApplicable) return { status: 'notApplicable', level: null, score100: null };
  if (answer?.level == null) return { status: 'unanswered', level: null, score100: null };
  return { status: 'answered', level: answer.level, score100: toScore100(answer.level) };
}

/** What scoring needs of a catalogue: ids, weights and rules (the full catalogue and its summary both fit). */
export interface ScoringCatalogue {
  version: string;
  rules: ScoringRules;
  modules: { id: string; indicators: { id: string; weight: number }[] }[];
}

export function scoreAssessment(catalogue: ScoringCatalogue, answers: readonly Answer[]): AssessmentScore {
  const byIndicator = new Map(answers.map((a) => [a.indicatorId, a]));
  const modules: ModuleScore[] = catalogue.modules.map((module) => {
    const indicators: IndicatorScore[] = module.indicators.map((indicator) => ({
      indicatorId: indicator.id,
      moduleId: module.id,
      weight: indicator.weight,
      ...scoreIndicator(byIndicator.get(indicator.id)),
    }));
    const value = weightedMean(answeredLevels(indicators));
    return {
      moduleId: module.id,
      value,
      score100: value === null ? null : toScore100(value),
      level: value === null ? null : levelOf(value),
      coverage: coverageOf(indicators),
      indicators,
    };
  });
  const all = modules.flatMap((m) => m.indicators);
  const value = weightedMean(answeredLevels(all));
  return {
    catalogueVersion: catalogue.version,
    value,
    score100: value === null ? null : toScore100(value),
    stage: decideStage(catalogue.rules, modules),
    coverage: coverageOf(all),
    modules,
  };
}

function answeredLevels(scores: IndicatorScore[]): { level: number; weight: number }[] {
  return scores.flatMap((s) => (s.level === null ? [] : [{ level: s.level, weight: s.weight }]));
}
