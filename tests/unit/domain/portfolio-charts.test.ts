import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { portfolioRows, stageMovement, type PortfolioAssessment, type PortfolioFirm } from '../../../src/domain/portfolio';
import { heatRows, percent, stageTransitions } from '../../../src/domain/portfolio-charts';
import { MODULE_IDS, answersFromProfile, even, makeCatalogue, type Cell, type Profile } from '../fixtures';

const catalogue = makeCatalogue();
const T = '2026-01-01T00:00:00.000Z';
const firm = (id: string, name = id): PortfolioFirm => ({
  id, name, creditCode: '', industry: 'C', sizeClass: 'small', district: '', employees: null, contact: '', createdAt: T, updatedAt: T,
});
const assessment = (id: string, firmId: string, assessedOn: string, profile: Profile): PortfolioAssessment => ({
  id, firmId, catalogueVersion: '2026.1.0', assessor: 'X', assessedOn, status: 'completed', previousId: null, createdAt: T, updatedAt: T,
  completedAt: T, answers: answersFromProfile(profile), planStates: [],
});

// a: 1 → 3 (up). b: 3 → 2 (down). c: 2 → 2 (same). d: one assessment. e: none. f: first has too few answers.
const rows = portfolioRows(
  catalogue,
  ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => firm(id)),
  [
    assessment('a1', 'a', '2025-01-01', even(1)),
    assessment('a2', 'a', '2026-01-01', even(3)),
    assessment('b1', 'b', '2025-01-01', even(3)),
    assessment('b2', 'b', '2026-01-01', { ...even(2), SRV: [3, 3, 3, 3, 3] }),
    assessment('c1', 'c', '2025-01-01', even(2)),
    assessment('c2', 'c', '2025-06-01', even(2)),
    assessment('d1', 'd', '2026-01-01', { ...even(4), PRD: [4, 4, 'na', 4, 4] }),
    assessment('f1', 'f', '2025-01-01', { STR: [2, 2, 2, 2, 2] }),
    assessment('f2', 'f', '2026-01-01', even(2)),
  ],
);
const byId = (id: string) => rows.find((r) => r.firmId === id)!;

describe('stageTransitions', () => {
  it('counts firms from their first stage to their latest stage', () => {
    const { counts, total } = stageTransitions(rows);
    expect(total).toBe(3);
    expect(counts[0]![2]).toBe(1); // a: 1 → 3
    expect(counts[2]![1]).toBe(1); // b: 3 → 2
    expect(counts[1]![1]).toBe(1); // c: 2 → 2
    expect(counts.flat().reduce((s, n) => s + n, 0)).toBe(3);
    expect(stageMovement(rows)).toMatchObject({ up: 1, same: 1, down: 1, single: 2, unknown: 1 });
  });

  it('gives an empty 5 × 5 matrix for no firms', () => {
    expect(stageTransitions([])).toEqual({ counts: Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]), total: 0 });
  });

  it('has as many firms as stageMovement finds up, same or down, with up above the diagonal', () => {
    const cell = fc.constantFrom<Cell>(1, 2, 3, 4, 5, null, 'na');
    // Mostly whole stages (so that firms move up and down), sometimes any answers (insufficient, none, mixed).
    const profile = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(1, 2, 3, 4, 5).map((l) => even(l as 1 | 2 | 3 | 4 | 5)) },
      { weight: 1, arbitrary: fc.array(cell, { minLength: 40, maxLength: 40 }).map((cells) => Object.fromEntries(MODULE_IDS.map((m, i) => [m, cells.slice(i * 5, i * 5 + 5)])) as Profile) },
    );
    const firmArb = fc.array(profile, { maxLength: 3 });
    fc.assert(
      fc.property(fc.array(firmArb, { maxLength: 12 }), (spec) => {
        const firms = spec.map((_, i) => firm(`f${i}`));
        const list = spec.flatMap((ps, i) => ps.map((p, j) => assessment(`f${i}-${j}`, `f${i}`, `202${j}-01-01`, p)));
        const many = portfolioRows(catalogue, firms, list);
        const { counts, total } = stageTransitions(many);
        const m = stageMovement(many);
        const sum = (pick: (from: number, to: number) => boolean) => counts.flatMap((row, f) => row.filter((_, t) => pick(f, t))).reduce((s, n) => s + n, 0);
        expect(total).toBe(m.up + m.same + m.down);
        expect(sum(() => true)).toBe(total);
        expect(sum((f, t) => t > f)).toBe(m.up);
        expect(sum((f, t) => t === f)).toBe(m.same);
        expect(sum((f, t) => t < f)).toBe(m.down);
      }),
      { numRuns: 100 },
    );
  });
});

describe('heatRows', () => {
  it('keeps the given order and limit, with null for modules not rated and firms not assessed', () => {
    const order = [byId('d'), byId('e'), byId('b')];
    const heat = heatRows(order, MODULE_IDS, 2);
    expect(heat.map((h) => h.firmId)).toEqual(['d', 'e']);
    expect(heat[0]!.levels).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
    expect(heat[1]!.levels).toEqual(Array(8).fill(null));
    expect(heatRows(order, ['SRV', 'STR'])[2]!.levels).toEqual([3, 2]);
  });
});

describe('percent', () => {
  it('rounds to whole percent and gives 0 for an empty total', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBe(0);
  });
});
