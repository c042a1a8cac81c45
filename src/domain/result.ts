// Everything the results screen and the report show for one assessment, from one call.
import type { AssessmentScore } from './score';
import type { AssessmentResult, TargetProfile, TextNames } from './result-types';
import type { Answer, Catalogue } from './types';
import { summarizeCatalogue, type CatalogueSummary } from './summary';
import { buildInsights } from './insights';
import { buildPlan } from './plan';
import { certificationPath } from './certification';
import { compareAssessments, type ComparedAssessment } from './compare';

export interface ResultInput {
  catalogue: Catalogue;
  firm: { industry: string };
  score: AssessmentScore;
  targets: TargetProfile;
  /** The assessment this one re-assesses, and this one's id and answers, for the comparison. */
  previous?: { before: ComparedAssessment; current: { id: string; answers: readonly Answer[] } };
}

export function buildAssessmentResult({ catalogue, firm, score, targets, previous }: ResultInput): AssessmentResult {
  const summary = summarizeCatalogue(catalogue);
  return {
    score,
    insights: buildInsights(summary, score, targets),
    plan: buildPlan(catalogue, score, targets),
    certification: certificationPath(summary, score, firm),
    comparison: previous ? compareAssessments(previous.before, { ...previous.current, score }) : null,
  };
}

/** TextNames from the catalogue, for renderText: module and indicator names, level names. Unknown ids render as themselves. */
export function catalogueNames(summary: Pick<CatalogueSummary, 'modules' | 'levels'>): TextNames {
  const modules = new Map(summary.modules.map((m) => [m.id, m.name]));
  const indicators = new Map(summary.modules.flatMap((m) => m.indicators.map((i) => [i.id, i.name] as const)));
  const levels = new Map(summary.levels.map((l) => [l.level as number, l.name]));
  return {
    module: (id, locale) => modules.get(id)?.[locale] ?? id,
    indicator: (id, locale) => indicators.get(id)?.[locale] ?? id,
    level: (n, locale) => levels.get(n)?.[locale] ?? String(n),
  };
}
