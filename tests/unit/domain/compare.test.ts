import { describe, expect, it } from 'vitest';
import { compareAssessments, trend, type ComparedAssessment } from '../../../src/domain/compare';
import { scoreAssessment } from '../../../src/domain/score';
import type { PlanItemState } from '../../../src/domain/result-types';
import { answersFromProfile, even, makeCatalogue, type Profile } from '../fixtures';

const catalogue = makeCatalogue();
const assessed = (id: string, profile: Profile, planStates?: PlanItemState[]): ComparedAssessment => {
  const answers = answersFromProfile(profile);
  return { id, score: scoreAssessment(catalogue, answers), answers, planStates };
};
const done = (actionId: string, status: PlanItemState['status'] = 'done'): PlanItemState => ({
  actionId,
  status,
  text: '',
  owner: '',
  dueDate: '',
  note: '',
  updatedAt: '2026-02-01T00:00:00.000Z',
});

describe('compareAssessments', () => {
  const before = assessed('a1', { ...even(2), SRV: [1, 1, 1, 1, 'na'], MON: [2, 2, 2, 2, 2] }, [done('SRV-01-L1-1'), done('SRV-02-L1-1', 'accepted')]);
  const after = assessed('a2', { ...even(2), SRV: [2, 1, 1, null, 3], MON: [2, 3, 3, 3, 1] });
  const c = compareAssessments(before, after);
  const ind = (id: string) => c.indicators.find((i) => i.indicatorId === id)!;

  it('classifies indicator changes: up, down, same, new, gone', () => {
    expect(ind('SRV-01')).toEqual({ indicatorId: 'SRV-01', moduleId: 'SRV', before: 1, after: 2, delta: 1, kind: 'up' });
    expect(ind('MON-05')).toEqual({ indicatorId: 'MON-05', moduleId: 'MON', before: 2, after: 1, delta: -1, kind: 'down' });
    expect(ind('SRV-02')).toMatchObject({ before: 1, after: 1, delta: 0, kind: 'same' });
    expect(ind('SRV-05')).toEqual({ indicatorId: 'SRV-05', moduleId: 'SRV', before: 'na', after: 3, delta: null, kind: 'new' });
    expect(ind('SRV-04')).toEqual({ indicatorId: 'SRV-04', moduleId: 'SRV', before: 1, after: null, delta: null, kind: 'gone' });
    expect(c.indicators).toHaveLength(40);
  });

  it('gives module and overall differences on the 0–100 scale, and the stages', () => {
    const srv = c.modules.find((m) => m.moduleId === 'SRV')!;
    // SRV: 4/4 = 1.0 (0) → (2+1+1+3)/4 = 1.75 (18.75)
    expect(srv).toEqual({ moduleId: 'SRV', before: 1, after: 1.75, delta100: 18.75, levelBefore: 1, levelAfter: 1 });
    const mon = c.modules.find((m) => m.moduleId === 'MON')!;
    // MON: 2.0 (25) → 12/5 = 2.4 (35)
    expect(mon.delta100).toBeCloseTo(10, 10);
    // overall: (30 × 2 + 4 × 1 + 5 × 2) / 39 = 74/39 → (30 × 2 + 7 + 12) / 39 = 79/39; 5/39 levels = 500/156 points
    expect(c.overallDelta100).toBeCloseTo(500 / 156, 10);
    expect(c.stageBefore).toBe(2);
    expect(c.stageAfter).toBe(2);
    expect(c.beforeId).toBe('a1');
    expect(c.afterId).toBe('a2');
  });

  it('reports the earlier plan actions marked done', () => {
    expect(c.completedActions).toEqual(['SRV-01-L1-1']);
    expect(compareAssessments(after, before).completedActions).toEqual([]);
  });

  it('handles a catalogue that gained or lost an indicator', () => {
    const small = makeCatalogue({ perModule: 4 });
    const answers = answersFromProfile(even(3)).filter((a) => !a.indicatorId.endsWith('-05'));
    const older: ComparedAssessment = { id: 'old', score: scoreAssessment(small, answers), answers };
    const newer = assessed('new', even(3));
    const forward = compareAssessments(older, newer);
    expect(forward.indicators.find((i) => i.indicatorId === 'STR-05')).toMatchObject({ before: null, after: 3, kind: 'new' });
    const backward = compareAssessments(newer, older);
    expect(backward.indicators.find((i) => i.indicatorId === 'STR-05')).toMatchObject({ before: 3, after: null, kind: 'gone' });
    expect(backward.indicators).toHaveLength(40);
  });

  it('gives null stages and differences when a stage or value is missing', () => {
    const empty = assessed('e', {});
    const r = compareAssessments(empty, assessed('x', even(3)));
    expect(r.stageBefore).toBeNull();
    expect(r.stageAfter).toBe(3);
    expect(r.overallDelta100).toBeNull();
    expect(r.modules.every((m) => m.delta100 === null && m.before === null)).toBe(true);
    expect(r.indicators.every((i) => i.kind === 'new')).toBe(true);
  });
});

describe('trend', () => {
  it('sorts by assessment date, then creation time, then id', () => {
    const point = (id: string, assessedOn: string, createdAt: string, profile: Profile) => ({
      assessment: { id, assessedOn, createdAt },
      score: scoreAssessment(catalogue, answersFromProfile(profile)),
    });
    const points = trend([
      point('c', '2026-06-01', '2026-06-01T09:00:00.000Z', even(3)),
      point('a', '2025-12-01', '2025-12-01T09:00:00.000Z', even(1)),
      point('b2', '2026-03-01', '2026-03-01T10:00:00.000Z', { ...even(2), MON: [2, 2, null, null, null] }),
      point('b1', '2026-03-01', '2026-03-01T08:00:00.000Z', even(2)),
    ]);
    expect(points.map((p) => p.assessmentId)).toEqual(['a', 'b1', 'b2', 'c']);
    expect(points[0]).toMatchObject({ assessedOn: '2025-12-01', overall100: 0, stage: 1 });
    expect(points[2]!.stage).toBeNull();
    expect(points[3]!.modules).toEqual({ STR: 50, PLN: 50, RES: 50, BUS: 50, PRD: 50, SRV: 50, MON: 50, IMP: 50 });
  });

  it('returns an empty trend for no assessments', () => {
    expect(trend([])).toEqual([]);
  });
});
