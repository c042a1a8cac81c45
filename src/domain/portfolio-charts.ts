// Pure data for the programme charts: stage transitions, heat map rows, shares. Rules: docs/programme.md.
import type { MaturityLevel } from './types';
import type { PortfolioRow } from './portfolio';

export const LEVELS: readonly MaturityLevel[] = [1, 2, 3, 4, 5];

/** counts[from - 1][to - 1]: firms whose first assessment was at stage `from` and latest at stage `to`. */
export interface StageTransitions {
  counts: number[][];
  total: number;
}

/**
 * First stage against latest stage, as a 5 × 5 matrix. Only firms with two or more assessments whose first and
 * latest both have a stage count (the firms stageMovement calls up, same or down).
 */
export function stageTransitions(rows: readonly PortfolioRow[]): StageTransitions {
  const counts = LEVELS.map(() => LEVELS.map(() => 0));
  let total = 0;
  for (const r of rows) {
    if (r.assessmentCount < 2 || typeof r.firstStage !== 'number' || typeof r.stage !== 'number') continue;
    counts[r.firstStage - 1]![r.stage - 1]! += 1;
    total += 1;
  }
  return { counts, total };
}

export interface HeatRow {
  firmId: string;
  name: string;
  /** Module level 1–5 in the order of moduleIds; null: not rated or no assessment. */
  levels: (MaturityLevel | null)[];
}

/** One heat map row per firm, in the given order, for the first `limit` firms. */
export function heatRows(rows: readonly PortfolioRow[], moduleIds: readonly string[], limit = Infinity): HeatRow[] {
  return rows.slice(0, limit).map((r) => ({
    firmId: r.firmId,
    name: r.name,
    levels: moduleIds.map((id) => r.latest?.moduleLevels[id] ?? null),
  }));
}

/** Whole-number percentages of a total (0 when the total is 0). */
export function percent(n: number, total: number): number {
  return total > 0 ? Math.round((n / total) * 100) : 0;
}
