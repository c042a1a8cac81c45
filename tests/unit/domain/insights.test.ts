import { describe, expect, it } from 'vitest';
import { buildInsights, hiddenWeaknesses } from '../../../src/domain/insights';
import { scoreAssessment } from '../../../src/domain/score';
import { summarizeCatalogue } from '../../../src/domain/summary';
import type { TargetProfile } from '../../../src/domain/result-types';
import { answersFromProfile, even, makeCatalogue, type Profile } from '../fixtures';

const catalogue = makeCatalogue({ weights: { 'SRV-03': 2 } });
const summary = summarizeCatalogue(catalogue);
const insightsOf = (profile: Profile, targets?: TargetProfile) => buildInsights(summary, scoreAssessment(catalogue, answersFromProfile(profile)), targets);
const keys = (profile: Profile, targets?: TargetProfile) => insightsOf(profile, targets).summary.map((s) => s.key);

describe('buildInsights: even profile', () => {
  const ins = insightsOf(even(3));

  it('names no strongest or weakest module or indicator when all are level', () => {
    expect(ins.strongestModules).toEqual([]);
    expect(ins.weakestModules).toEqual([]);
    expect(ins.strongestIndicators).toEqual([]);
    expect(ins.weakestIndicators).toEqual([]);
    expect(ins.hiddenWeaknesses).toEqual([]);
  });

  it('says the stage, the score, that the profile is even, and the first step', () => {
    expect(ins.summary).toEqual([
      { key: 'summary.stage_3', params: { stage: 'level:3', n: 3 } },
      { key: 'summary.overall', params: { score: '50.0', value: '3.00' } },
      { key: 'summary.even', params: { level: 'level:3' } },
      // All modules at 3.0, none limiting: gap × weight decides, and SRV-03 weighs 2.
      { key: 'summary.first_step', params: { indicator: 'indicator:SRV-03', module: 'module:SRV', from: 'level:3', to: 'level:4' } },
    ]);
  });
});

describe('buildInsights: spiky profile (seven modules at 4, 售后 at 1)', () => {
  const ins = insightsOf({ ...even(4), SRV: [1, 1, 1, 1, 1] });

  it('lists at most 3 tied strongest modules and the weakest one', () => {
    expect(ins.strongestModules).toEqual([
      { moduleId: 'STR', value: 4, level: 4 },
      { moduleId: 'PLN', value: 4, level: 4 },
      { moduleId: 'RES', value: 4, level: 4 },
    ]);
    expect(ins.weakestModules).toEqual([{ moduleId: 'SRV', value: 1, level: 1 }]);
  });

  it('lists at most 5 extreme indicators, heavier first', () => {
    expect(ins.strongestIndicators.map((i) => i.indicatorId)).toEqual(['STR-01', 'STR-02', 'STR-03', 'STR-04', 'STR-05']);
    expect(ins.weakestIndicators.map((i) => i.indicatorId)).toEqual(['SRV-03', 'SRV-01', 'SRV-02', 'SRV-04', 'SRV-05']);
    expect(ins.weakestIndicators[0]).toEqual({ indicatorId: 'SRV-03', moduleId: 'SRV', level: 1 });
  });

  it('names the stage-limiting module and starts with it', () => {
    expect(ins.summary.map((s) => s.key)).toEqual(['summary.stage_2', 'summary.overall', 'summary.strongest', 'summary.weakest', 'summary.limiting', 'summary.first_step']);
    expect(ins.summary[2]!.params).toEqual({ modules: 'modules:STR,PLN,RES', level: 'level:4' });
    expect(ins.summary[3]!.params).toEqual({ modules: 'module:SRV', level: 'level:1' });
    expect(ins.summary[4]!.params).toEqual({ modules: 'module:SRV', reached: 'level:4', stage: 'level:2' });
    // SRV-03 weighs 2: the highest priority in the stage-limiting module.
    expect(ins.summary[5]!.params).toEqual({ indicator: 'indicator:SRV-03', module: 'module:SRV', from: 'level:1', to: 'level:2' });
    // overall = (35 × 4 + 4 × 1 + 2 × 1) / 41
    expect(ins.summary[1]!.params).toEqual({ score: ((((146 / 41 - 1) / 4) * 100).toFixed(1)), value: (146 / 41).toFixed(2) });
  });
});

describe('buildInsights: all level 1 and all level 5', () => {
  it('all-1: even, no weakest, the first step is the heaviest indicator', () => {
    const ins = insightsOf(even(1));
    expect(ins.weakestModules).toEqual([]);
    expect(ins.strongestModules).toEqual([]);
    expect(keys(even(1))).toEqual(['summary.stage_1', 'summary.overall', 'summary.even', 'summary.first_step']);
    // SRV-03 weighs 2, but every module is at 1.0 and none limits the stage: gap × weight decides.
    expect(ins.summary[3]!.params.indicator).toBe('indicator:SRV-03');
  });

  it('all-5: even, and no first step but keeping it up', () => {
    expect(keys(even(5))).toEqual(['summary.stage_5', 'summary.overall', 'summary.even', 'summary.all_top']);
  });

  it('says the targets are met when every target is reached below 5', () => {
    expect(keys(even(3), { modules: { STR: 3, PLN: 3, RES: 3, BUS: 3, PRD: 3, SRV: 3, MON: 3, IMP: 3 }, indicators: {} }).at(-1)).toBe('summary.targets_met');
  });
});

describe('hidden weaknesses', () => {
  it('flags an indicator two or more levels below its module level, not one level below', () => {
    const profile = { ...even(3), BUS: [4, 4, 4, 4, 1], PLN: [3, 3, 3, 3, 1], PRD: [5, 5, 5, 5, 2] } as Profile;
    const score = scoreAssessment(catalogue, answersFromProfile(profile));
    // BUS 3.4 → level 3, BUS-05 at 1: flagged. PLN 2.6 → level 2, PLN-05 at 1: one below, not flagged.
    // PRD 4.4 → level 4, PRD-05 at 2: flagged.
    expect(hiddenWeaknesses(score)).toEqual([
      { moduleId: 'BUS', moduleLevel: 3, weakIndicators: [{ indicatorId: 'BUS-05', moduleId: 'BUS', level: 1 }] },
      { moduleId: 'PRD', moduleLevel: 4, weakIndicators: [{ indicatorId: 'PRD-05', moduleId: 'PRD', level: 2 }] },
    ]);
    const ins = buildInsights(summary, score);
    expect(ins.summary.find((s) => s.key === 'summary.hidden')!.params).toEqual({ modules: 'modules:BUS,PRD', indicators: 'indicators:BUS-05,PRD-05' });
  });

  it('lists every weak indicator of a module, in catalogue order', () => {
    const score = scoreAssessment(catalogue, answersFromProfile({ ...even(4), STR: [5, 1, 5, 5, 1] }));
    // STR 3.4 → level 3: STR-02 and STR-05 at 1.
    expect(hiddenWeaknesses(score)).toEqual([
      {
        moduleId: 'STR',
        moduleLevel: 3,
        weakIndicators: [
          { indicatorId: 'STR-02', moduleId: 'STR', level: 1 },
          { indicatorId: 'STR-05', moduleId: 'STR', level: 1 },
        ],
      },
    ]);
  });

  it('finds none in all-1, all-5 and even profiles', () => {
    for (const level of [1, 3, 5] as const) expect(hiddenWeaknesses(scoreAssessment(catalogue, answersFromProfile(even(level))))).toEqual([]);
  });
});

describe('buildInsights: partial and empty assessments', () => {
  it('insufficient answers: says which modules to finish first, and counts the unanswered', () => {
    const ins = insightsOf({ ...even(3), MON: [3, 3, 3, null, null] });
    expect(ins.summary).toEqual([
      { key: 'summary.insufficient', params: { modules: 'module:MON', percent: 80 } },
      { key: 'summary.overall', params: { score: '50.0', value: '3.00' } },
      { key: 'summary.even', params: { level: 'level:3' } },
      { key: 'summary.unanswered', params: { n: 2 } },
      { key: 'summary.first_answer', params: { modules: 'module:MON' } },
    ]);
  });

  it('reports not-applicable indicators and modules without a value', () => {
    const k = keys({ ...even(3), SRV: ['na', 'na', 'na', 'na', 'na'], PRD: [2, 3, 3, 3, 'na'] });
    expect(k).toEqual(['summary.stage_3', 'summary.overall', 'summary.strongest', 'summary.weakest', 'summary.no_value', 'summary.not_applicable', 'summary.first_step']);
    const ins = insightsOf({ ...even(3), SRV: ['na', 'na', 'na', 'na', 'na'], PRD: [2, 3, 3, 3, 'na'] });
    expect(ins.weakestModules).toEqual([{ moduleId: 'PRD', value: 2.75, level: 2 }]);
    expect(ins.summary[4]!.params).toEqual({ modules: 'module:SRV' });
    expect(ins.summary[5]!.params).toEqual({ n: 6 });
  });

  it('no answers at all: one sentence', () => {
    expect(insightsOf({}).summary).toEqual([{ key: 'summary.none', params: {} }]);
  });
});
