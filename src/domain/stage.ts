// The stage rule: the overall level a firm has reached. See docs/scoring.md.
import type { MaturityLevel, ScoringRules } from './types';
import { MATURITY_LEVELS } from './types';

export type StageDecision =
  | {
      kind: 'given';
      stage: MaturityLevel;
      /** The highest level most modules have reached, before the cap. */
      reachedByMost: MaturityLevel;
      /** Modules more than the allowed gap below reachedByMost, which held the stage down. */
      limitingModules: string[];
    }
  | { kind: 'insufficient'; modulesLackingAnswers: string[] }
  | { kind: 'none' };

interface ModuleLevel {
  moduleId: string;
  level: MaturityLevel | null;
  coverage: { responded: number };
}

/**
 * Stage N = the highest level that at least `minModuleShareAtStage` of the rated modules have reached,
 * capped so that no module sits more than `maxModuleLevelsBelowStage` levels below it.
 * Given only when every module has at least `minModuleResponseForStage` of its indicators answered or
 * not applicable. A module whose indicators are all not applicable has no level and takes no part.
 */
export function decideStage(rules: ScoringRules, modules: ModuleLevel[]): StageDecision {
  const rated = modules.filter((m): m is ModuleLevel & { level: MaturityLevel } => m.level !== null);
  if (rated.length === 0) return { kind: 'none' };
  const lacking = modules.filter((m) => m.coverage.responded + 1e-9 < rules.minModuleResponseForStage).map((m) => m.moduleId);
  if (lacking.length > 0) return { kind: 'insufficient', modulesLackingAnswers: lacking };
  const share = (n: number) => rated.filter((m) => m.level >= n).length / rated.length;
  const reachedByMost = [...MATURITY_LEVELS].reverse().find((n) => share(n) + 1e-9 >= rules.minModuleShareAtStage) ?? 1;
  const lowest = Math.min(...rated.map((m) => m.level));
  const stage = Math.max(1, Math.min(reachedByMost, lowest + rules.maxModuleLevelsBelowStage)) as MaturityLevel;
  const limitingModules = rated.filter((m) => m.level + rules.maxModuleLevelsBelowStage < reachedByMost).map((m) => m.moduleId);
  return { kind: 'given', stage, reachedByMost, limitingModules };
}
