// The improvement plan: catalogue actions for every indicator below its target, ranked.
// Rules (ranking, horizons, carry-over): docs/results.md#plan.
import type { AssessmentScore } from './score';
import type { Horizon, PlanItem, PlanItemState, TargetProfile } from './result-types';
import type { ActionEffort, Catalogue, MaturityLevel } from './types';
import { gapTo, targetLevel } from './targets';

const EPS = 1e-9;
export const EFFORT_DAYS: Record<ActionEffort, Horizon> = { S: 30, M: 90, L: 180 };
/** The top-ranked indicator's actions start within this many days, whatever their effort. */
export const FIRST_GROUP_MAX_HORIZON: Horizon = 90;
/** What a small firm can take on: the first 6 ranked actions may fall within 30 days, the next 12 within 90. */
export const HORIZON_CAPACITY: readonly { upToRank: number; horizon: Horizon }[] = [
  { upToRank: 6, horizon: 30 },
  { upToRank: 18, horizon: 90 },
];

/** The earliest horizon the plan's capacity allows for the action ranked `rank`. */
export function capacityHorizon(rank: number): Horizon {
  return HORIZON_CAPACITY.find((c) => rank <= c.upToRank)?.horizon ?? 180;
}

export interface IndicatorGap {
  indicatorId: string;
  moduleId: string;
  fromLevel: MaturityLevel;
  targetLevel: MaturityLevel;
  gap: number;
  weight: number;
  priority: number;
  stageLimiting: boolean;
  moduleValue: number;
  /** Position in the catalogue, the last tie-break. */
  order: number;
}

export function limitingModulesOf(score: AssessmentScore): string[] {
  return score.stage.kind === 'given' ? score.stage.limitingModules : [];
}

/** Answered indicators below their target, in plan order: stage-limiting module, weakest module, gap × weight, lower level, catalogue. */
export function rankIndicatorGaps(score: AssessmentScore, targets: TargetProfile): IndicatorGap[] {
  const limiting = new Set(limitingModulesOf(score));
  const gaps: IndicatorGap[] = [];
  let order = 0;
  for (const module of score.modules) {
    for (const ind of module.indicators) {
      order += 1;
      if (ind.status !== 'answered' || ind.level === null || module.value === null) continue;
      const target = targetLevel(ind.indicatorId, module.moduleId, ind.level, targets);
      const gap = gapTo(ind.level, target);
      if (gap === 0) continue;
      gaps.push({
        indicatorId: ind.indicatorId,
        moduleId: module.moduleId,
        fromLevel: ind.level,
        targetLevel: target,
        gap,
        weight: ind.weight,
        priority: gap * ind.weight,
        stageLimiting: limiting.has(module.moduleId),
        moduleValue: module.value,
        order,
      });
    }
  }
  return gaps.sort(
    (a, b) =>
      Number(b.stageLimiting) - Number(a.stageLimiting) ||
      (Math.abs(a.moduleValue - b.moduleValue) > EPS ? a.moduleValue - b.moduleValue : 0) ||
      (Math.abs(a.priority - b.priority) > EPS ? b.priority - a.priority : 0) ||
      a.fromLevel - b.fromLevel ||
      a.order - b.order,
  );
}

/** One item per catalogue action of each gap indicator's current level (they lift it one level), ranked 1..n. */
export function buildPlan(catalogue: Catalogue, score: AssessmentScore, targets: TargetProfile): PlanItem[] {
  const indicators = new Map(catalogue.modules.flatMap((m) => m.indicators.map((i) => [i.id, i] as const)));
  const items: PlanItem[] = [];
  for (const g of rankIndicatorGaps(score, targets)) {
    const actions = indicators.get(g.indicatorId)?.levels.find((l) => l.level === g.fromLevel)?.actions ?? [];
    const first = items.length === 0 || items[0]!.indicatorId === g.indicatorId;
    for (const action of actions) {
      const rank = items.length + 1;
      const horizon = Math.max(EFFORT_DAYS[action.effort], capacityHorizon(rank)) as Horizon;
      items.push({
        actionId: action.id,
        indicatorId: g.indicatorId,
        moduleId: g.moduleId,
        fromLevel: g.fromLevel,
        targetLevel: g.targetLevel,
        gap: g.gap,
        weight: g.weight,
        priority: g.priority,
        rank,
        horizon: first ? (Math.min(horizon, FIRST_GROUP_MAX_HORIZON) as Horizon) : horizon,
        effort: action.effort,
        stageLimiting: g.stageLimiting,
      });
    }
  }
  return items;
}

export function defaultPlanState(actionId: string): PlanItemState {
  return { actionId, status: 'proposed', text: '', owner: '', dueDate: '', note: '', updatedAt: '' };
}

/** A plan line for the UI: the generated item (null when the action is no longer generated) and the user's decision. */
export interface PlanEntry {
  actionId: string;
  item: PlanItem | null;
  state: PlanItemState;
  /** A decision was stored for this action. */
  stored: boolean;
  /** Stored decision for an action the current answers no longer generate. */
  orphaned: boolean;
}

/** Latest state per action (by updatedAt; on a tie the later one in the list). */
export function latestStates(states: readonly PlanItemState[]): Map<string, PlanItemState> {
  const byAction = new Map<string, PlanItemState>();
  for (const s of states) {
    const seen = byAction.get(s.actionId);
    if (!seen || s.updatedAt >= seen.updatedAt) byAction.set(s.actionId, s);
  }
  return byAction;
}

/** Generated items in rank order with their stored state (or a proposed default), then orphaned states. */
export function mergePlanState(items: readonly PlanItem[], states: readonly PlanItemState[]): PlanEntry[] {
  const byAction = latestStates(states);
  const generated = new Set(items.map((i) => i.actionId));
  const entries: PlanEntry[] = items.map((item) => {
    const state = byAction.get(item.actionId);
    return { actionId: item.actionId, item, state: state ?? defaultPlanState(item.actionId), stored: !!state, orphaned: false };
  });
  for (const [actionId, state] of byAction) {
    if (!generated.has(actionId)) entries.push({ actionId, item: null, state, stored: true, orphaned: true });
  }
  return entries;
}

export interface CarryOver {
  /** States to store with the new assessment: those of actions the new plan still contains, unchanged. */
  states: PlanItemState[];
  /** Actions marked done in the earlier assessment. */
  completed: string[];
  /** Actions of the earlier plan the new plan no longer needs (the indicator rose, or its target changed). */
  resolved: string[];
}

export function carryOver(previousStates: readonly PlanItemState[], previousPlan: readonly PlanItem[], nextPlan: readonly PlanItem[]): CarryOver {
  const next = new Set(nextPlan.map((i) => i.actionId));
  const latest = [...latestStates(previousStates).values()];
  return {
    states: latest.filter((s) => next.has(s.actionId)),
    completed: latest.filter((s) => s.status === 'done').map((s) => s.actionId),
    resolved: previousPlan.filter((i) => !next.has(i.actionId)).map((i) => i.actionId),
  };
}
