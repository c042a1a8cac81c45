import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreAssessment } from '../../../src/domain/score';
import { levelOf, toScore100 } from '../../../src/domain/levels';
import type { MaturityLevel } from '../../../src/domain/types';
import { answer, answersFromProfile, even, makeCatalogue, MODULE_IDS, type Cell } from '../fixtures';

const catalogue = makeCatalogue();

describe('worked example of docs/scoring.md', () => {
  const answers = answersFromProfile({
    STR: [3, 3, 2, 3, 3],
    PLN: [2, 3, 2, 2, 3],
    RES: [3, 3, 3, 4, 3],
    BUS: [4, 3, 3, 3, 4],
    PRD: [3, 4, 4, 3, 'na'],
    SRV: [2, 1, 1, 2, 1],
    MON: [2, 2, 1, 2, 2],
    IMP: [2, 2, 2, 1, 2],
  });
  const result = scoreAssessment(catalogue, answers);
  const mod = (id: string) => result.modules.find((m) => m.moduleId === id)!;

  it('gives each module its mean, 0–100 value and level', () => {
    expect(mod('STR').value).toBeCloseTo(2.8, 10);
    expect(mod('STR').score100).toBeCloseTo(45, 10);
    expect(mod('STR').level).toBe(2);
    expect(mod('BUS').value).toBeCloseTo(3.4, 10);
    expect(mod('BUS').level).toBe(3);
    expect(mod('SRV').value).toBeCloseTo(1.4, 10);
    expect(mod('SRV').level).toBe(1);
  });

  it('leaves a not-applicable indicator out of numerator and denominator', () => {
    expect(mod('PRD').value).toBeCloseTo(3.5, 10);
    expect(mod('PRD').coverage).toEqual({ total: 5, answered: 4, notApplicable: 1, unanswered: 0, responded: 1 });
  });

  it('averages all answered indicators for the overall value', () => {
    expect(result.value).toBeCloseTo(98 / 39, 10);
    expect(result.score100).toBeCloseTo(37.82, 2);
    expect(result.coverage).toMatchObject({ total: 40, answered: 39, notApplicable: 1, unanswered: 0 });
  });

  it('gives stage 2 (5 of 8 modules reached 2, none reached 3 in most; 售后, 监测, 改进 at 1 allow at most 2)', () => {
    expect(result.stage).toEqual({ kind: 'given', stage: 2, reachedByMost: 2, limitingModules: [] });
  });
});

describe('stage rule', () => {
  it('seven modules at 3 and one at 2 is stage 3, even though the mean is under 3', () => {
    const profile = { ...even(3), PRD: [3, 3, 2, 3, 'na'] as Cell[], SRV: [2, 2, 2, 2, 3] as Cell[] };
    const r = scoreAssessment(catalogue, answersFromProfile(profile));
    expect(r.value!).toBeLessThan(3);
    expect(r.stage).toEqual({ kind: 'given', stage: 3, reachedByMost: 3, limitingModules: [] });
  });

  it('four of eight modules at a level is not most of them', () => {
    const profile = { ...even(4), STR: [3, 3, 3, 3, 3], PLN: [3, 3, 3, 3, 3], RES: [3, 3, 3, 3, 3], BUS: [3, 3, 3, 3, 3] } as const;
    const r = scoreAssessment(catalogue, answersFromProfile(profile as unknown as Record<string, Cell[]>));
    expect(r.stage).toMatchObject({ kind: 'given', stage: 3, reachedByMost: 3 });
  });

  it('an even profile sits at its level', () => {
    for (const level of [1, 2, 3, 4, 5] as MaturityLevel[]) {
      const r = scoreAssessment(catalogue, answersFromProfile(even(level)));
      expect(r.stage).toMatchObject({ kind: 'given', stage: level });
      expect(r.score100).toBeCloseTo(toScore100(level), 10);
    }
  });

  it('a spiky profile: seven modules at 4 and 售后 at 1 is stage 2, held by 售后', () => {
    const profile = { ...even(4), SRV: [1, 1, 1, 1, 1] as MaturityLevel[] };
    const r = scoreAssessment(catalogue, answersFromProfile(profile));
    expect(r.value).toBeCloseTo(3.625, 10);
    expect(r.stage).toEqual({ kind: 'given', stage: 2, reachedByMost: 4, limitingModules: ['SRV'] });
  });

  it('a partial profile: no stage while a module has under 80% of its indicators responded', () => {
    const profile = { ...even(3), MON: [3, 3, 3, null, null] as Cell[] };
    const r = scoreAssessment(catalogue, answersFromProfile(profile));
    expect(r.value).toBeCloseTo(3, 10);
    expect(r.stage).toEqual({ kind: 'insufficient', modulesLackingAnswers: ['MON'] });
    expect(r.modules.find((m) => m.moduleId === 'MON')!.coverage.unanswered).toBe(2);
  });

  it('4 of 5 responded is enough', () => {
    const profile = { ...even(3), MON: [3, 3, 3, 3, null] as Cell[] };
    expect(scoreAssessment(catalogue, answersFromProfile(profile)).stage).toMatchObject({ kind: 'given', stage: 3 });
  });

  it('a module with every indicator not applicable has no value and takes no part in the cap', () => {
    const profile = { ...even(4), SRV: ['na', 'na', 'na', 'na', 'na'] as Cell[] };
    const r = scoreAssessment(catalogue, answersFromProfile(profile));
    const srv = r.modules.find((m) => m.moduleId === 'SRV')!;
    expect(srv.value).toBeNull();
    expect(srv.level).toBeNull();
    expect(srv.score100).toBeNull();
    expect(r.stage).toMatchObject({ kind: 'given', stage: 4 });
  });

  it('no answers: no value and no stage', () => {
    const r = scoreAssessment(catalogue, []);
    expect(r.value).toBeNull();
    expect(r.stage).toEqual({ kind: 'none' });
    expect(r.coverage.unanswered).toBe(40);
  });
});

describe('weights', () => {
  it('an indicator of weight 3 counts three times', () => {
    const weighted = makeCatalogue({ weights: { 'STR-01': 3 } });
    const answers = [answer('STR-01', 5), answer('STR-02', 1)];
    const r = scoreAssessment(weighted, answers);
    expect(r.modules[0]!.value).toBeCloseTo((5 * 3 + 1) / 4, 10);
  });
});

describe('levelOf', () => {
  it('rounds down, tolerant of float noise', () => {
    expect(levelOf(3.999)).toBe(3);
    expect(levelOf(0.1 + 0.2 + 2.7)).toBe(3);
    expect(levelOf(5)).toBe(5);
    expect(levelOf(1)).toBe(1);
  });
});

// ---- properties ----
const levelArb = fc.constantFrom<MaturityLevel | 'na' | null>(1, 2, 3, 4, 5, 'na', null);
const profileArb = fc.record(
  Object.fromEntries(MODULE_IDS.map((id) => [id, fc.array(levelArb, { minLength: 5, maxLength: 5 })])) as Record<
    string,
    fc.Arbitrary<(MaturityLevel | 'na' | null)[]>
  >,
);
const weightsArb = fc.dictionary(
  fc.constantFrom(...MODULE_IDS.flatMap((m) => [1, 2, 3, 4, 5].map((i) => `${m}-0${i}`))),
  fc.double({ min: 0.1, max: 10, noNaN: true }),
);

describe('properties', () => {
  it('values stay within 1–5 and 0–100, and the stage never exceeds the mean level', () => {
    fc.assert(
      fc.property(profileArb, weightsArb, (profile, weights) => {
        const r = scoreAssessment(makeCatalogue({ weights }), answersFromProfile(profile));
        for (const v of [r.value, ...r.modules.map((m) => m.value)]) {
          if (v === null) continue;
          expect(v).toBeGreaterThanOrEqual(1 - 1e-9);
          expect(v).toBeLessThanOrEqual(5 + 1e-9);
        }
        for (const s of [r.score100, ...r.modules.map((m) => m.score100)]) {
          if (s === null) continue;
          expect(s).toBeGreaterThanOrEqual(-1e-9);
          expect(s).toBeLessThanOrEqual(100 + 1e-9);
        }
        const stage = r.stage;
        if (stage.kind === 'given') {
          expect(stage.stage).toBeLessThanOrEqual(stage.reachedByMost);
          const rated = r.modules.filter((m) => m.level !== null);
          const atStage = rated.filter((m) => m.level! >= stage.stage).length;
          expect(atStage / rated.length).toBeGreaterThanOrEqual(0.6 - 1e-9);
          for (const m of r.modules) if (m.level !== null) expect(stage.stage).toBeLessThanOrEqual(m.level + 1);
        }
        expect(r.coverage.answered + r.coverage.notApplicable + r.coverage.unanswered).toBe(40);
      }),
    );
  });

  it('raising one answered level never lowers any value or the stage', () => {
    fc.assert(
      fc.property(profileArb, fc.constantFrom(...MODULE_IDS), fc.integer({ min: 0, max: 4 }), (profile, moduleId, i) => {
        const current = profile[moduleId]![i];
        fc.pre(typeof current === 'number' && current < 5);
        const raised = { ...profile, [moduleId]: profile[moduleId]!.map((l, j) => (j === i ? ((current as number) + 1) as MaturityLevel : l)) };
        const before = scoreAssessment(catalogue, answersFromProfile(profile));
        const after = scoreAssessment(catalogue, answersFromProfile(raised));
        expect(after.value!).toBeGreaterThan(before.value!);
        before.modules.forEach((m, k) => {
          if (m.value !== null) expect(after.modules[k]!.value!).toBeGreaterThanOrEqual(m.value - 1e-9);
        });
        if (before.stage.kind === 'given' && after.stage.kind === 'given') expect(after.stage.stage).toBeGreaterThanOrEqual(before.stage.stage);
      }),
    );
  });

  it('marking an indicator not applicable is the same as leaving it out of a catalogue with weight ~0', () => {
    fc.assert(
      fc.property(profileArb, fc.constantFrom(...MODULE_IDS), fc.integer({ min: 0, max: 4 }), (profile, moduleId, i) => {
        const na = { ...profile, [moduleId]: profile[moduleId]!.map((l, j) => (j === i ? 'na' : l)) } as typeof profile;
        const withNa = scoreAssessment(catalogue, answersFromProfile(na));
        const tiny = scoreAssessment(
          makeCatalogue({ weights: { [`${moduleId}-0${i + 1}`]: 1e-12 } }),
          answersFromProfile({ ...profile, [moduleId]: profile[moduleId]!.map((l, j) => (j === i ? 3 : l)) }),
        );
        if (withNa.value === null) return;
        expect(tiny.value!).toBeCloseTo(withNa.value, 6);
      }),
    );
  });

  it('scaling every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(profileArb, fc.double({ min: 0.1, max: 100, noNaN: true }), (profile, k) => {
        const ids = MODULE_IDS.flatMap((m) => [1, 2, 3, 4, 5].map((i) => `${m}-0${i}`));
        const scaled = makeCatalogue({ weights: Object.fromEntries(ids.map((id) => [id, k])) });
        const a = scoreAssessment(catalogue, answersFromProfile(profile));
        const b = scoreAssessment(scaled, answersFromProfile(profile));
        if (a.value === null) return expect(b.value).toBeNull();
        expect(b.value!).toBeCloseTo(a.value, 9);
        expect(b.stage).toEqual(a.stage);
      }),
    );
  });
});
