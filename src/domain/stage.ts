// The stage rule: the overall level a firm has reached. See docs/scoring.md.
import type { MaturityLevel, ScoringRules } from './types';
import { levelOf } from './levels';

export type StageDecision =
  | {
      kind: 'given';
      stage: MaturityLevel;
      /** The level the overall mean alone would give. */
      fromMean: MaturityLevel;
      /** Modules that held the stage below fromMean. */
      limitingModules: string[];
    }
  | { kind: 'insufficient'; modulesLackingAnswers: string[] }
  | { kind: 'none' };

interface ModuleLevel {
  moduleId: string;
  level: MaturityLevel | null;
  coverage: { total: number; answered: number; notApplicable: number; responded: number };
}

/**
 * Stage = the overall mean rounded down, capped so that no module sits more than
 * `maxModuleLevelsBelowStage` levels below it. Given only when every module has
 * at least `minModuleResponseForStage` of its indicators answered or not applicable.
 * A module whose indicators are all not applicable takes no part in the cap.
 */
export function decideStage(rules: ScoringRules, overall: number | null, modules: ModuleLevel[]): StageDecision {
  if (overall === null) return { kind: 'none' };
  const lacking = modules
    .filter((m) => m.coverage.responded + 1e-9 < rules.minModuleResponseForStage)
    .map((m) => m.moduleId);
  if (lacking.length > 0) return { kind: 'insufficient', modulesLackingAnswers: lacking };
  const fromMean = levelOf(overall);
  let stage: number = fromMean;
  const rated = modules.filter((m): m is ModuleLevel & { level: MaturityLevel } => m.level !== null);
  for (const m of rated) stage = Math.min(stage, m.level + rules.maxModuleLevelsBelowStage);
  const limitingModules = rated.filter((m) => m.level + rules.maxModuleLevelsBelowStage < fromMean).map((m) => m.moduleId);
  return { kind: 'given', stage: Math.max(1, stage) as MaturityLevel, fromMean, limitingModules };
}
