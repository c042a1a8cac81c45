// Target levels: what the firm aims for on each indicator. Rules: docs/results.md#targets.
import type { TargetProfile } from './result-types';
import type { MaturityLevel } from './types';

export const NO_TARGETS: TargetProfile = { modules: {}, indicators: {} };

/** Indicator override, else module target, else one level up (at most 5). */
export function targetLevel(indicatorId: string, moduleId: string, currentLevel: MaturityLevel, targets: TargetProfile): MaturityLevel {
  return targets.indicators[indicatorId] ?? targets.modules[moduleId] ?? (Math.min(5, currentLevel + 1) as MaturityLevel);
}

/** Levels still to climb; a target at or below the current level is no gap. */
export function gapTo(currentLevel: MaturityLevel, target: MaturityLevel): number {
  return Math.max(0, target - currentLevel);
}
