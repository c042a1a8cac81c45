import { describe, expect, it } from 'vitest';
import { portfolioRows, type PortfolioAssessment, type PortfolioFirm } from '../../../src/domain/portfolio';
import { groupsOf, needGroups } from '../../../src/domain/need-groups';
import programmeText from '../../../src/content/programme-text.json';
import { answersFromProfile, even, makeCatalogue, MODULE_IDS, type Profile } from '../fixtures';

const catalogue = makeCatalogue();
const T = '2026-01-01T00:00:00.000Z';
const firm = (id: string, industry = 'F'): PortfolioFirm => ({
  id, name: id, creditCode: '', industry, sizeClass: '', district: '', employees: null, contact: '', createdAt: T, updatedAt: T,
});
const assessment = (firmId: string, profile: Profile, planDone: string[] = []): PortfolioAssessment => ({
  id: `${firmId}-1`, firmId, catalogueVersion: '2026.1.0', assessor: '', assessedOn: '2026-01-01', status: 'completed', previousId: null,
  createdAt: T, updatedAt: T, completedAt: T, answers: answersFromProfile(profile),
  planStates: planDone.map((actionId) => ({ actionId, status: 'done', text: '', owner: '', dueDate: '', note: '', updatedAt: T })),
});
const set = (base: Profile, moduleId: string, levels: Profile[string]): Profile => ({ ...base, [moduleId]: levels });

const firms = [firm('even3'), firm('srv2'), firm('srv1'), firm('none'), firm('partial'), firm('imp3', 'C'), firm('low')];
const rows = portfolioRows(catalogue, firms, [
  assessment('even3', even(3)),
  assessment('srv2', set(even(4), 'SRV', [2, 2, 2, 2, 2])), // stage 3
  assessment('srv1', set(even(2), 'SRV', [1, 1, 1, 1, 1]), ['SRV-01-L1-1']), // stage 2
  assessment('partial', { STR: [2, 2, 2, 2, 2] }),
  // stage 4; 改进 3.0 is the weakest, 监测 3.4 is level 3 too but not the weakest
  assessment('imp3', set(set(even(4), 'IMP', [3, 3, 3, 3, 3]), 'MON', [3, 3, 3, 4, 4])),
  assessment('low', even(1)),
]);
const row = (id: string) => rows.find((r) => r.firmId === id)!;

describe('groupsOf: the rules', () => {
  it('puts a firm ready for QMS certification in that group and in financing', () => {
    expect(groupsOf(row('even3'))).toEqual(['qms_ready', 'financing']);
  });

  it('adds a weak-module group when a module at level 2 or below sits under the stage (a firm in several groups)', () => {
    expect(groupsOf(row('srv2'))).toEqual(['qms_ready', 'financing', 'weak_SRV']);
    expect(groupsOf(row('srv1'))).toEqual(['basics', 'weak_SRV']);
  });

  it('counts a higher module as weak only when it is the weakest and below the stage', () => {
    expect(row('imp3').stage).toBe(4);
    expect(groupsOf(row('imp3'))).toEqual(['manufacturing', 'financing', 'weak_IMP']);
  });

  it('does not call an even low profile weak anywhere, and sorts out unassessed and incomplete firms', () => {
    expect(groupsOf(row('low'))).toEqual(['basics']);
    expect(groupsOf(row('none'))).toEqual(['unassessed']);
    expect(groupsOf(row('partial'))).toEqual(['incomplete', 'basics']);
  });
});

describe('needGroups', () => {
  const groups = needGroups(rows, MODULE_IDS);
  const group = (id: string) => groups.find((g) => g.id === id)!;

  it('lists the non-empty groups in a fixed order with their firms', () => {
    expect(groups.map((g) => [g.id, g.count])).toEqual([
      ['unassessed', 1], ['incomplete', 1], ['basics', 3], ['qms_ready', 2], ['financing', 3], ['manufacturing', 1], ['weak_SRV', 2], ['weak_IMP', 1],
    ]);
    expect(group('weak_SRV')).toMatchObject({ kind: 'weakModule', moduleId: 'SRV', firmIds: ['srv1', 'srv2'] });
    expect(group('financing').firmIds).toEqual(['even3', 'imp3', 'srv2']);
  });

  it('names the open actions most firms of a group share, the module’s own for a weak-module group', () => {
    // srv1's plan lifts 售后 from 1 (SRV-01-L1-1 is done), srv2's from 2: one firm each, by id.
    expect(group('weak_SRV').topActions).toEqual(['SRV-01-L2-1', 'SRV-02-L1-1', 'SRV-02-L2-1', 'SRV-03-L1-1', 'SRV-03-L2-1'].map((actionId) => ({ actionId, firms: 1 })));
    // basics = low (all 1), partial (战略 2) and srv1 (2, 售后 1, SRV-01-L1-1 done). Shared by two firms:
    // SRV-02..05-L1-1 (low, srv1) and STR-01..05-L2-1 (partial, srv1); the first five by id.
    expect(group('basics').topActions).toEqual(['SRV-02-L1-1', 'SRV-03-L1-1', 'SRV-04-L1-1', 'SRV-05-L1-1', 'STR-01-L2-1'].map((actionId) => ({ actionId, firms: 2 })));
    expect(group('unassessed').topActions).toEqual([]);
  });

  it('refers to wording that exists in both languages', () => {
    const texts = programmeText as Record<string, { zh: string; en: string }>;
    for (const g of groups) {
      for (const key of [g.text.title, g.text.description, g.text.help]) {
        expect(texts[key]?.zh, key).toBeTruthy();
        expect(texts[key]?.en, key).toBeTruthy();
      }
    }
    expect(group('weak_SRV').text).toEqual({ title: 'group.weak_module.title', description: 'group.weak_module.description', help: 'group.weak_module.help', params: { module: 'module:SRV' } });
  });
});
