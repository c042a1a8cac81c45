// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../../src/modules/i18n';
import ResultsComparison from '../../src/components/results/ResultsComparison.vue';
import type { Comparison } from '../../src/domain/result-types';

const comparison: Comparison = {
  beforeId: 'a1',
  afterId: 'a2',
  overallDelta100: 6.25,
  stageBefore: 1,
  stageAfter: 2,
  modules: [
    { moduleId: 'SRV', before: 1, after: 3, delta100: 50, levelBefore: 1, levelAfter: 3 },
    { moduleId: 'STR', before: 2, after: 2, delta100: 0, levelBefore: 2, levelAfter: 2 },
    { moduleId: 'MON', before: 3, after: 2.5, delta100: -12.5, levelBefore: 3, levelAfter: 2 },
  ],
  indicators: [
    { indicatorId: 'SRV-01', moduleId: 'SRV', before: 1, after: 3, delta: 2, kind: 'up' },
    { indicatorId: 'STR-01', moduleId: 'STR', before: 2, after: 2, delta: 0, kind: 'same' },
    { indicatorId: 'PRD-05', moduleId: 'PRD', before: null, after: 'na', delta: null, kind: 'new' },
  ],
  completedActions: ['SRV-01-L1-1'],
};

describe('ResultsComparison', () => {
  it('shows module changes with signs, changed indicators only, and the actions completed', () => {
    const w = mount(ResultsComparison, {
      props: { comparison, beforeLabel: '2025-11-20', afterLabel: '2026-11-20', moduleName: (id: string) => ({ SRV: '售后', STR: '战略', MON: '监测' })[id] ?? id, indicatorName: (id: string) => `名称${id}`, actionText: (id: string) => `措施${id}` },
      global: { plugins: [createAppI18n('zh-CN')] },
    });
    expect(w.get('[data-testid="comparison-overall"]').text()).toContain('+6.3');
    expect(w.get('[data-testid="comparison-overall"]').text()).toContain('从 1 级变为 2 级');
    const rows = w.findAll('[data-testid="comparison-modules"] tbody tr').map((r) => r.text());
    expect(rows[0]).toContain('售后');
    expect(rows[0]).toContain('+50.0');
    expect(rows[2]).toContain('-12.5');
    expect(w.find('td.down').exists()).toBe(true);
    const list = w.findAll('.cmp__list')[0]!.text();
    expect(list).toContain('SRV-01');
    expect(list).toContain('PRD-05');
    expect(list).toContain('不适用');
    expect(list).not.toContain('STR-01');
    expect(w.text()).toContain('措施SRV-01-L1-1');
  });
});
