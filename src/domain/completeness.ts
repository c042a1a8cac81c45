// What is still missing before an assessment can be marked completed.
import type { Answer } from './types';
import type { ScoringCatalogue } from './score';

export interface MissingAnswer {
  indicatorId: string;
  moduleId: string;
  kind: 'unanswered' | 'naWithoutReason';
}

export function missingAnswers(catalogue: ScoringCatalogue, answers: readonly Answer[]): MissingAnswer[] {
  const byId = new Map(answers.map((a) => [a.indicatorId, a]));
  return catalogue.modules.flatMap((m) =>
    m.indicators.flatMap((ind): MissingAnswer[] => {
      const a = byId.get(ind.id);
      if (a?.notApplicable) return a.naReason.trim() === '' ? [{ indicatorId: ind.id, moduleId: m.id, kind: 'naWithoutReason' }] : [];
      return a?.level == null ? [{ indicatorId: ind.id, moduleId: m.id, kind: 'unanswered' }] : [];
    }),
  );
}

/** Per module: how many indicators are answered or marked not applicable, of how many. */
export function moduleProgress(catalogue: ScoringCatalogue, answers: readonly Answer[]): { moduleId: string; done: number; total: number }[] {
  const byId = new Map(answers.map((a) => [a.indicatorId, a]));
  return catalogue.modules.map((m) => ({
    moduleId: m.id,
    total: m.indicators.length,
    done: m.indicators.filter((ind) => {
      const a = byId.get(ind.id);
      return a !== undefined && (a.notApplicable || a.level !== null);
    }).length,
  }));
}
