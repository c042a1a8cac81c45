// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../../src/modules/i18n';
import ResultsChartFigure from '../../src/components/results/ResultsChartFigure.vue';

describe('ResultsChartFigure', () => {
  it('switches between the chart and its table', async () => {
    const w = mount(ResultsChartFigure, {
      props: { title: '各模块成熟度' },
      slots: { default: '<canvas data-testid="chart"></canvas>', table: '<table data-testid="table"></table>' },
      global: { plugins: [createAppI18n('zh-CN')] },
    });
    expect(w.get('figcaption').text()).toContain('各模块成熟度');
    expect(w.find('[data-testid="table"]').exists()).toBe(false);
    await w.get('button').trigger('click');
    expect(w.get('button').attributes('aria-pressed')).toBe('true');
    expect(w.find('[data-testid="table"]').exists()).toBe(true);
    expect((w.get('[data-testid="chart"]').element.parentElement as HTMLElement).style.display).toBe('none');
  });
});
