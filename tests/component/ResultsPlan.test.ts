// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../../src/modules/i18n';
import ResultsPlan, { type PlanRow } from '../../src/components/results/ResultsPlan.vue';
import type { PlanItem } from '../../src/domain/result-types';

const item = (actionId: string, indicatorId: string, rank: number, horizon: 30 | 90 | 180): PlanItem => ({
  actionId, indicatorId, moduleId: indicatorId.slice(0, 3), fromLevel: 1, targetLevel: 2, gap: 1, weight: 1, priority: 1, rank, horizon, effort: 'S', stageLimiting: rank === 1,
});
const row = (i: PlanItem, text = `做 ${i.actionId}`): PlanRow => ({ item: i, state: null, catalogueText: text, indicatorName: `名称 ${i.indicatorId}`, moduleName: '售后' });

const rows = [
  row(item('SRV-01-L1-1', 'SRV-01', 1, 30)),
  row(item('SRV-01-L1-2', 'SRV-01', 2, 30)),
  ...['SRV-02', 'SRV-03', 'SRV-04', 'SRV-05', 'MON-01'].map((id, k) => row(item(`${id}-L1-1`, id, k + 3, 90))),
];
const mountPlan = (r: PlanRow[] = rows) => mount(ResultsPlan, { props: { rows: r }, global: { plugins: [createAppI18n('zh-CN')] } });

describe('ResultsPlan', () => {
  it('groups actions by horizon and indicator, in rank order, and marks what holds the stage down', () => {
    const w = mountPlan();
    const horizons = w.findAll('h3').map((h) => h.text());
    expect(horizons[0]).toContain('30天内');
    expect(horizons[1]).toContain('90天内');
    const first = w.findAll('.plan__group')[0]!;
    expect(first.text()).toContain('SRV-01');
    expect(first.findAll('[data-testid="plan-item"]')).toHaveLength(2);
    expect(first.text()).toContain('拖住阶段');
  });

  it('folds a long horizon and shows all on request', async () => {
    const w = mountPlan();
    expect(w.findAll('.plan__group')).toHaveLength(1 + 4);
    await w.get('button[aria-expanded]').trigger('click');
    expect(w.findAll('.plan__group')).toHaveLength(1 + 5);
  });

  it('emits the status, owner and reworded text of an action', async () => {
    const w = mountPlan();
    await w.get('#plan-status-SRV-01-L1-1').setValue('done');
    await w.get('#plan-owner-SRV-01-L1-1').setValue(' 王经理 ');
    await w.get('#plan-text-SRV-01-L1-1').setValue('改写后的措施');
    expect(w.emitted('update')).toEqual([
      ['SRV-01-L1-1', { status: 'done' }],
      ['SRV-01-L1-1', { owner: '王经理' }],
      ['SRV-01-L1-1', { text: '改写后的措施' }],
    ]);
  });

  it('shows the stored decision and reworded text, and an empty plan says so', () => {
    const done = { ...rows[0]!, state: { actionId: 'SRV-01-L1-1', status: 'done' as const, text: '我们的说法', owner: '李', dueDate: '2027-01-31', note: '', updatedAt: '' } };
    const w = mountPlan([done]);
    expect(w.text()).toContain('我们的说法');
    expect(w.text()).toContain('已完成');
    expect(w.text()).toContain('2027-01-31');
    expect(mountPlan([]).text()).toContain('暂无改进措施');
  });
});
