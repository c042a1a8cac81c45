import { describe, expect, it } from 'vitest';
import {
  PortfolioBuilder,
  averageProfile,
  filterRows,
  portfolioRows,
  sortRows,
  stageDistribution,
  stageMovement,
  type PortfolioAssessment,
  type PortfolioFirm,
  type PortfolioRow,
} from '../../../src/domain/portfolio';
import { answersFromProfile, even, makeCatalogue, type Profile } from '../fixtures';

const catalogue = makeCatalogue();
const T = '2026-01-01T00:00:00.000Z';

const firm = (id: string, name: string, extra: Partial<PortfolioFirm> = {}): PortfolioFirm => ({
  id, name, creditCode: '', industry: 'F', sizeClass: 'small', district: '', employees: null, contact: '', createdAt: T, updatedAt: T, ...extra,
});
const assessment = (id: string, firmId: string, assessedOn: string, profile: Profile, extra: Partial<PortfolioAssessment> = {}): PortfolioAssessment => ({
  id, firmId, catalogueVersion: '2026.1.0', assessor: 'X', assessedOn, status: 'completed', previousId: null, createdAt: T, updatedAt: T,
  completedAt: T, answers: answersFromProfile(profile), planStates: [], ...extra,
});
const withModule = (base: Profile, moduleId: string, levels: Profile[string]): Profile => ({ ...base, [moduleId]: levels });

// A: even 3 with PRD-05 not applicable. B: even 1, then 7 modules at 4 and 售后 at 2 (stage 3).
// C: even 3, then all 2 with 售后 at 1 (stage 2: down). D: no assessment. E: only 战略 answered (draft).
const A = firm('a', 'Delta', { industry: 'C', district: '滨海新区' });
const B = firm('b', 'Alpha', { district: '滨海新区', sizeClass: 'micro' });
const C = firm('c', 'Echo', { industry: 'C', district: '西青区' });
const D = firm('d', 'Charlie', { district: '滨海新区' });
const E = firm('e', 'Bravo', { creditCode: '91120116MA05ABCD1X' });
const assessments = [
  assessment('a1', 'a', '2026-03-01', withModule(even(3), 'PRD', [3, 3, 3, 3, 'na'])),
  assessment('b2', 'b', '2026-02-01', withModule(even(4), 'SRV', [2, 2, 2, 2, 2])),
  assessment('b1', 'b', '2025-02-01', even(1)),
  assessment('c2', 'c', '2026-01-01', withModule(even(2), 'SRV', [1, 1, 1, 1, 1]), { planStates: [{ actionId: 'SRV-01-L1-1', status: 'done', text: '', owner: '', dueDate: '', note: '', updatedAt: T }] }),
  assessment('c1', 'c', '2025-01-01', even(3)),
  assessment('e1', 'e', '2026-04-01', { STR: [2, 2, 2, 2, 2] }, { status: 'draft', completedAt: null }),
];
const rows = portfolioRows(catalogue, [A, B, C, D, E], assessments);
const byId = (id: string) => rows.find((r) => r.firmId === id)!;
const ids = (list: PortfolioRow[]) => list.map((r) => r.firmId);

describe('portfolioRows', () => {
  it('gives one row per firm, sorted by name', () => {
    expect(ids(rows)).toEqual(['b', 'e', 'd', 'a', 'c']);
  });

  it('takes the latest assessment by date and the change since the one before', () => {
    const b = byId('b');
    expect(b.latest).toMatchObject({ id: 'b2', assessedOn: '2026-02-01', assessor: 'X', status: 'completed', stage: 3, weakest: ['SRV'] });
    expect(b.assessmentCount).toBe(2);
    expect(b.overall100).toBeCloseTo(68.75); // (35 × 4 + 5 × 2) / 40 = 3.75
    expect(b.previousId).toBe('b1');
    expect(b.overallDelta100).toBeCloseTo(68.75);
    expect([b.stageBefore, b.stage, b.firstStage]).toEqual([1, 3, 1]);
    expect(b.latest!.moduleLevels).toEqual({ STR: 4, PLN: 4, RES: 4, BUS: 4, PRD: 4, SRV: 2, MON: 4, IMP: 4 });
    const c = byId('c');
    expect(c.stage).toBe(2);
    expect(c.overall100).toBeCloseTo(21.875); // (35 × 2 + 5 × 1) / 40
    expect(c.overallDelta100).toBeCloseTo(21.875 - 50);
  });

  it('reports coverage, weakest modules and the stage kinds', () => {
    expect(byId('a').latest!.coverage).toEqual({ answered: 39, notApplicable: 1, total: 40 });
    expect(byId('a').latest!.weakest).toEqual([]);
    expect(byId('a').overall100).toBe(50);
    expect(byId('e')).toMatchObject({ stage: 'insufficient', overall100: 25, previousId: null, overallDelta100: null, stageBefore: null });
    expect(byId('d')).toMatchObject({ stage: 'none', latest: null, assessmentCount: 0, overall100: null });
  });

  it('keeps the open plan actions, without those marked done', () => {
    const open = byId('c').latest!.openActions;
    expect(open).not.toContain('SRV-01-L1-1');
    expect(open.slice(0, 4)).toEqual(['SRV-02-L1-1', 'SRV-03-L1-1', 'SRV-04-L1-1', 'SRV-05-L1-1']);
    expect(open).toHaveLength(39);
  });

  it('merges firms fed file by file: the latest firm record and every assessment', () => {
    const builder = new PortfolioBuilder(catalogue);
    builder.add([B], [assessments[2]!]);
    builder.add([{ ...B, name: 'Alpha Ltd', updatedAt: '2026-06-01T00:00:00.000Z' }], [assessments[1]!]);
    builder.add([B], [{ ...assessments[1]!, assessor: 'older copy', updatedAt: '2025-12-01T00:00:00.000Z' }]);
    const [row] = builder.rows();
    expect(row).toMatchObject({ name: 'Alpha Ltd', assessmentCount: 2, previousId: 'b1' });
    expect(row!.latest).toMatchObject({ id: 'b2', assessor: 'X' });
  });
});

describe('filterRows and sortRows', () => {
  it('filters by each field and by a search text', () => {
    expect(ids(filterRows(rows, { district: '滨海新区' }))).toEqual(['b', 'd', 'a']);
    expect(ids(filterRows(rows, { industry: 'C' }))).toEqual(['a', 'c']);
    expect(ids(filterRows(rows, { sizeClass: 'micro' }))).toEqual(['b']);
    expect(ids(filterRows(rows, { stage: 3 }))).toEqual(['b', 'a']);
    expect(ids(filterRows(rows, { stage: 'none' }))).toEqual(['d']);
    expect(ids(filterRows(rows, { status: 'draft' }))).toEqual(['e']);
    expect(ids(filterRows(rows, { query: 'ALP' }))).toEqual(['b']);
    expect(ids(filterRows(rows, { query: 'ma05' }))).toEqual(['e']);
    expect(ids(filterRows(rows, { district: '滨海新区', stage: 3 }))).toEqual(['b', 'a']);
  });

  it('sorts either way with empty values last and ties by name', () => {
    expect(ids(sortRows(rows, 'overall', 'desc'))).toEqual(['b', 'a', 'e', 'c', 'd']);
    expect(ids(sortRows(rows, 'overall', 'asc'))).toEqual(['c', 'e', 'a', 'b', 'd']);
    expect(ids(sortRows(rows, 'stage', 'asc'))).toEqual(['c', 'b', 'a', 'e', 'd']);
    expect(ids(sortRows(rows, 'SRV', 'asc'))).toEqual(['c', 'b', 'a', 'e', 'd']);
    expect(ids(sortRows(rows, 'delta', 'desc'))).toEqual(['b', 'c', 'e', 'd', 'a']);
    expect(ids(sortRows(rows, 'district', 'asc'))).toEqual(['b', 'd', 'a', 'c', 'e']);
  });
});

describe('programme figures', () => {
  it('counts firms per stage', () => {
    expect(stageDistribution(rows)).toEqual({ 1: 0, 2: 1, 3: 2, 4: 0, 5: 0, insufficient: 1, none: 1 });
  });

  it('averages module values over the firms rated on them', () => {
    const profile = averageProfile(rows);
    expect(profile.map((p) => p.moduleId)).toEqual(['STR', 'PLN', 'RES', 'BUS', 'PRD', 'SRV', 'MON', 'IMP']);
    expect(profile[0]).toEqual({ moduleId: 'STR', mean: 2.75, firms: 4 }); // (3 + 4 + 2 + 2) / 4
    expect(profile[5]).toEqual({ moduleId: 'SRV', mean: 2, firms: 3 }); // (3 + 2 + 1) / 3
  });

  it('tells who moved between the first and the latest assessment', () => {
    expect(stageMovement(rows)).toEqual({ up: 1, same: 0, down: 1, single: 3, unknown: 0 });
  });

  it('handles 1,000 firms', () => {
    const firms = Array.from({ length: 1000 }, (_, i) => firm(`f${i}`, `F${i}`));
    const list = firms.map((f, i) => assessment(`x${i}`, f.id, '2026-01-01', even(((i % 5) + 1) as 1 | 2 | 3 | 4 | 5)));
    const many = portfolioRows(catalogue, firms, list);
    expect(many).toHaveLength(1000);
    expect(stageDistribution(many)).toMatchObject({ 1: 200, 5: 200 });
  });
});
