import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capacityHorizon, buildPlan, carryOver, mergePlanState, rankIndicatorGaps } from '../../../src/domain/plan';
import { scoreAssessment } from '../../../src/domain/score';
import { NO_TARGETS, targetLevel } from '../../../src/domain/targets';
import type { PlanItem, PlanItemState, TargetProfile } from '../../../src/domain/result-types';
import type { ActionEffort, Catalogue, MaturityLevel } from '../../../src/domain/types';
import { answersFromProfile, even, makeCatalogue, MODULE_IDS, type Cell, type Profile } from '../fixtures';

/** Replaces the actions of one indicator level with actions of the given efforts (ids …-a, …-b, …). */
function withActions(catalogue: Catalogue, indicatorId: string, level: MaturityLevel, efforts: ActionEffort[]): Catalogue {
  const copy = structuredClone(catalogue);
  const levelDef = copy.modules.flatMap((m) => m.indicators).find((i) => i.id === indicatorId)!.levels[level - 1]!;
  levelDef.actions = efforts.map((effort, k) => ({ id: `${indicatorId}-L${level}-${'abc'[k]}`, effort, text: { zh: 'x', en: 'x' } }));
  return copy;
}

const plan = (catalogue: Catalogue, profile: Profile, targets: TargetProfile = NO_TARGETS) =>
  buildPlan(catalogue, scoreAssessment(catalogue, answersFromProfile(profile)), targets);
const indicatorOrder = (items: PlanItem[]) => [...new Set(items.map((i) => i.indicatorId))];

describe('buildPlan ranking', () => {
  it('puts the stage-limiting module first (spiky profile: 售后 at 1 holds the stage at 2)', () => {
    const catalogue = makeCatalogue();
    const items = plan(catalogue, { ...even(4), SRV: [1, 1, 1, 1, 1] });
    expect(items).toHaveLength(40);
    expect(items.slice(0, 5).map((i) => i.actionId)).toEqual(['SRV-01-L1-1', 'SRV-02-L1-1', 'SRV-03-L1-1', 'SRV-04-L1-1', 'SRV-05-L1-1']);
    expect(items.slice(0, 5).every((i) => i.stageLimiting && i.fromLevel === 1 && i.targetLevel === 2)).toBe(true);
    // Then every other module, all at 4.0 with priority 1: catalogue order.
    expect(items[5]!.actionId).toBe('STR-01-L4-1');
    expect(items[39]!.actionId).toBe('IMP-05-L4-1');
    expect(items.slice(5).some((i) => i.stageLimiting)).toBe(false);
    expect(items.map((i) => i.rank)).toEqual(Array.from({ length: 40 }, (_, k) => k + 1));
  });

  it('then weakest module value, then gap × weight', () => {
    const catalogue = makeCatalogue({ weights: { 'PLN-03': 2 } });
    const profile = { ...even(3), PLN: [2, 2, 2, 2, 2], RES: [2, 3, 3, 3, 3], MON: [3, 3, 'na', 3, null] } as Profile;
    const targets: TargetProfile = { modules: { RES: 3 }, indicators: { 'STR-01': 5 } };
    const items = plan(catalogue, profile, targets);
    // Stage 3 (6 of 8 modules at 3, lowest 2): nothing is stage-limiting.
    expect(items.some((i) => i.stageLimiting)).toBe(false);
    expect(indicatorOrder(items)).toEqual([
      // PLN (2.0): PLN-03 weighs 2, the rest follow in order
      'PLN-03', 'PLN-01', 'PLN-02', 'PLN-04', 'PLN-05',
      // RES (2.8): module target 3, so only RES-01 (at 2) has a gap
      'RES-01',
      // modules at 3.0: STR-01 has gap 2 (target 5), then catalogue order; MON skips n/a and unanswered
      'STR-01', 'STR-02', 'STR-03', 'STR-04', 'STR-05',
      'BUS-01', 'BUS-02', 'BUS-03', 'BUS-04', 'BUS-05',
      'PRD-01', 'PRD-02', 'PRD-03', 'PRD-04', 'PRD-05',
      'SRV-01', 'SRV-02', 'SRV-03', 'SRV-04', 'SRV-05',
      'MON-01', 'MON-02', 'MON-04',
      'IMP-01', 'IMP-02', 'IMP-03', 'IMP-04', 'IMP-05',
    ]);
    const first = items[0]!;
    expect(first).toMatchObject({ indicatorId: 'PLN-03', fromLevel: 2, targetLevel: 3, gap: 1, weight: 2, priority: 2, rank: 1 });
    const str01 = items.find((i) => i.indicatorId === 'STR-01')!;
    expect(str01).toMatchObject({ fromLevel: 3, targetLevel: 5, gap: 2, priority: 2, actionId: 'STR-01-L3-1' });
  });

  it('on equal priority, takes the lower indicator first, then catalogue order', () => {
    // Worked example of docs/scoring.md: 售后 (1.4) is the weakest module; its indicators at 1 come before those at 2.
    const catalogue = makeCatalogue();
    const profile = { STR: [3, 3, 2, 3, 3], PLN: [2, 3, 2, 2, 3], RES: [3, 3, 3, 4, 3], BUS: [4, 3, 3, 3, 4], PRD: [3, 4, 4, 3, 'na'], SRV: [2, 1, 1, 2, 1], MON: [2, 2, 1, 2, 2], IMP: [2, 2, 2, 1, 2] } as Profile;
    const order = indicatorOrder(plan(catalogue, profile));
    expect(order.slice(0, 15)).toEqual([
      'SRV-02', 'SRV-03', 'SRV-05', 'SRV-01', 'SRV-04', // 售后 1.4
      // 监测 and 改进 both 1.8: the indicators at 1 first, then catalogue order
      'MON-03', 'IMP-04', 'MON-01', 'MON-02', 'MON-04', 'MON-05', 'IMP-01', 'IMP-02', 'IMP-03', 'IMP-05',
    ]);
    expect(order.slice(15, 20)).toEqual(['PLN-01', 'PLN-03', 'PLN-04', 'PLN-02', 'PLN-05']); // 策划 2.4
    expect(order).toHaveLength(39);
    expect([...new Set(order.map((id) => id.slice(0, 3)))]).toEqual(['SRV', 'MON', 'IMP', 'PLN', 'STR', 'RES', 'BUS', 'PRD']);
  });

  it('gives no item to an indicator at level 5 or at its target', () => {
    const catalogue = makeCatalogue();
    expect(plan(catalogue, even(5))).toEqual([]);
    expect(plan(catalogue, even(2), { modules: Object.fromEntries(MODULE_IDS.map((m) => [m, 2])), indicators: { 'MON-02': 4 } }).map((i) => i.actionId)).toEqual([
      'MON-02-L2-1',
    ]);
  });
});

describe('buildPlan horizons', () => {
  it('maps effort S/M/L to 30/90/180 days, but the top indicator never later than 90', () => {
    let catalogue = makeCatalogue();
    catalogue = withActions(catalogue, 'SRV-01', 1, ['L', 'M', 'S']);
    catalogue = withActions(catalogue, 'SRV-02', 1, ['L', 'M']);
    const items = plan(catalogue, { ...even(4), SRV: [1, 1, 1, 1, 1] });
    expect(items.slice(0, 5).map((i) => [i.actionId, i.effort, i.horizon, i.rank])).toEqual([
      ['SRV-01-L1-a', 'L', 90, 1],
      ['SRV-01-L1-b', 'M', 90, 2],
      ['SRV-01-L1-c', 'S', 30, 3],
      ['SRV-02-L1-a', 'L', 180, 4],
      ['SRV-02-L1-b', 'M', 90, 5],
    ]);
  });

  it('spreads a long plan by capacity: ranks 1–6 within 30 days, 7–18 within 90, the rest 180', () => {
    const efforts = ['S', 'S', 'S'] as const;
    let catalogue = makeCatalogue();
    for (const id of ['SRV-01', 'SRV-02', 'SRV-03', 'SRV-04', 'SRV-05', 'MON-01', 'MON-02']) catalogue = withActions(catalogue, id, 1, [...efforts]);
    const items = plan(catalogue, { ...even(5), SRV: [1, 1, 1, 1, 1], MON: [1, 1, 5, 5, 5] });
    expect(items).toHaveLength(21);
    expect(items.map((i) => i.horizon)).toEqual([...Array(6).fill(30), ...Array(12).fill(90), ...Array(3).fill(180)]);
  });

  it('makes the first indicator that has actions the top group', () => {
    let catalogue = makeCatalogue();
    catalogue = withActions(catalogue, 'SRV-01', 1, []);
    catalogue = withActions(catalogue, 'SRV-02', 1, ['L']);
    const items = plan(catalogue, { ...even(4), SRV: [1, 1, 1, 1, 1] });
    expect(items[0]).toMatchObject({ actionId: 'SRV-02-L1-a', horizon: 90, rank: 1 });
  });
});

const cellArb = fc.constantFrom<Cell>(1, 2, 3, 4, 5, 'na', null);
const profileArb = fc.record(Object.fromEntries(MODULE_IDS.map((id) => [id, fc.array(cellArb, { minLength: 5, maxLength: 5 })])) as Record<string, fc.Arbitrary<Cell[]>>);
const levelArb = fc.constantFrom<MaturityLevel>(1, 2, 3, 4, 5);
const targetsArb = fc.record({
  modules: fc.dictionary(fc.constantFrom(...MODULE_IDS), levelArb),
  indicators: fc.dictionary(fc.constantFrom(...MODULE_IDS.flatMap((m) => [1, 2, 3, 4, 5].map((i) => `${m}-0${i}`))), levelArb),
});
const effortsArb = fc.array(fc.constantFrom<ActionEffort>('S', 'M', 'L'), { minLength: 0, maxLength: 3 });

describe('buildPlan properties', () => {
  it('holds only answered indicators below target, ranks 1..n, horizons 30/90/180, stage-limiting first', () => {
    fc.assert(
      fc.property(profileArb, targetsArb, effortsArb, (profile, targets, efforts) => {
        const catalogue = withActions(makeCatalogue(), 'STR-01', 1, efforts);
        const answers = answersFromProfile(profile);
        const score = scoreAssessment(catalogue, answers);
        const items = buildPlan(catalogue, score, targets);
        const byId = new Map(score.modules.flatMap((m) => m.indicators).map((i) => [i.indicatorId, i]));
        for (const item of items) {
          const s = byId.get(item.indicatorId)!;
          expect(s.status).toBe('answered');
          expect(item.fromLevel).toBe(s.level);
          expect(item.targetLevel).toBeGreaterThan(item.fromLevel);
          expect(item.gap).toBe(item.targetLevel - item.fromLevel);
          expect(item.priority).toBe(item.gap * item.weight);
          expect([30, 90, 180]).toContain(item.horizon);
          if (item.indicatorId !== items[0]!.indicatorId) expect(item.horizon).toBeGreaterThanOrEqual(capacityHorizon(item.rank));
        }
        expect(items.map((i) => i.rank)).toEqual(items.map((_, k) => k + 1));
        const firstNonLimiting = items.findIndex((i) => !i.stageLimiting);
        if (firstNonLimiting >= 0) expect(items.slice(firstNonLimiting).every((i) => !i.stageLimiting)).toBe(true);
        const top = items[0]?.indicatorId;
        expect(items.filter((i) => i.indicatorId === top).every((i) => i.horizon <= 90)).toBe(true);
        const below = score.modules
          .flatMap((m) => m.indicators)
          .filter((i) => i.level !== null && targetLevel(i.indicatorId, i.moduleId, i.level, targets) > i.level)
          .map((i) => i.indicatorId);
        expect(new Set(rankIndicatorGaps(score, targets).map((g) => g.indicatorId))).toEqual(new Set(below));
        // One item per action of the current level of every gap indicator.
        const expected = rankIndicatorGaps(score, targets).flatMap(
          (g) => catalogue.modules.flatMap((m) => m.indicators).find((i) => i.id === g.indicatorId)!.levels[g.fromLevel - 1]!.actions,
        );
        expect(items.map((i) => i.actionId)).toEqual(expected.map((a) => a.id));
      }),
      { numRuns: 150 },
    );
  });
});

const state = (actionId: string, status: PlanItemState['status'], updatedAt = '2026-01-01T00:00:00.000Z', owner = ''): PlanItemState => ({
  actionId,
  status,
  text: '',
  owner,
  dueDate: '',
  note: '',
  updatedAt,
});

describe('mergePlanState', () => {
  const catalogue = makeCatalogue();
  const items = plan(catalogue, { ...even(5), SRV: [1, 1, 5, 5, 5] });

  it('pairs each generated item with its stored state, or a proposed default', () => {
    const merged = mergePlanState(items, [state('SRV-02-L1-1', 'accepted', '2026-01-02T00:00:00.000Z', '王会计')]);
    expect(merged.map((e) => [e.actionId, e.state.status, e.stored, e.orphaned])).toEqual([
      ['SRV-01-L1-1', 'proposed', false, false],
      ['SRV-02-L1-1', 'accepted', true, false],
    ]);
    expect(merged[1]!.state.owner).toBe('王会计');
    expect(merged[0]!.item).toBe(items[0]);
  });

  it('keeps states of actions no longer generated, flagged, after the generated ones', () => {
    const merged = mergePlanState(items, [state('MON-03-L2-1', 'inProgress'), state('SRV-01-L1-1', 'done')]);
    expect(merged.map((e) => [e.actionId, e.state.status, e.orphaned, e.item === null])).toEqual([
      ['SRV-01-L1-1', 'done', false, false],
      ['SRV-02-L1-1', 'proposed', false, false],
      ['MON-03-L2-1', 'inProgress', true, true],
    ]);
  });

  it('uses the latest state when an action has several', () => {
    const merged = mergePlanState(items, [state('SRV-01-L1-1', 'done', '2026-03-01T00:00:00.000Z'), state('SRV-01-L1-1', 'accepted', '2026-02-01T00:00:00.000Z')]);
    expect(merged[0]!.state.status).toBe('done');
  });
});

describe('carryOver', () => {
  const catalogue = makeCatalogue();
  const before = plan(catalogue, { ...even(5), SRV: [1, 1, 1, 5, 5] });
  // Re-assessed: SRV-01 rose to 2 (new action SRV-01-L2-1), SRV-02 rose to 5, SRV-03 unchanged.
  const after = plan(catalogue, { ...even(5), SRV: [2, 5, 1, 5, 5] });

  it('carries states of actions that still apply, unchanged, and reports done and resolved actions', () => {
    const states = [state('SRV-01-L1-1', 'done'), state('SRV-02-L1-1', 'accepted'), state('SRV-03-L1-1', 'inProgress', '2026-01-05T00:00:00.000Z', '李工')];
    const result = carryOver(states, before, after);
    expect(after.map((i) => i.actionId)).toEqual(['SRV-03-L1-1', 'SRV-01-L2-1']);
    expect(result.states).toEqual([states[2]]);
    expect(result.completed).toEqual(['SRV-01-L1-1']);
    expect(result.resolved).toEqual(['SRV-01-L1-1', 'SRV-02-L1-1']);
  });

  it('keeps a done action that the new answers still generate, and reports it as done', () => {
    const result = carryOver([state('SRV-03-L1-1', 'done')], before, after);
    expect(result.states.map((s) => [s.actionId, s.status])).toEqual([['SRV-03-L1-1', 'done']]);
    expect(result.completed).toEqual(['SRV-03-L1-1']);
  });

  it('carries nothing from an empty history', () => {
    expect(carryOver([], [], after)).toEqual({ states: [], completed: [], resolved: [] });
  });
});
