// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../../src/modules/i18n';
import ResultsTargets from '../../src/components/results/ResultsTargets.vue';
import type { TargetProfile } from '../../src/domain/result-types';

const modules = [
  { id: 'SRV', name: '售后', indicators: [{ id: 'SRV-01', name: '交付后活动' }, { id: 'SRV-02', name: '顾客沟通' }] },
  { id: 'MON', name: '监测', indicators: [{ id: 'MON-01', name: '监视与测量' }] },
];
const levels = ([1, 2, 3, 4, 5] as const).map((level) => ({ level, name: `L${level}` }));
const mountTargets = (targets: TargetProfile) =>
  mount(ResultsTargets, { props: { modules, levels, targets }, global: { plugins: [createAppI18n('zh-CN')] } });

describe('ResultsTargets', () => {
  it('sets a module target and keeps indicator targets', async () => {
    const w = mountTargets({ modules: {}, indicators: { 'MON-01': 5 } });
    await w.get('#target-SRV').setValue('4');
    expect(w.emitted('change')).toEqual([[{ modules: { SRV: 4 }, indicators: { 'MON-01': 5 } }]]);
  });

  it('sets and clears an indicator target; the default names the module target', async () => {
    const w = mountTargets({ modules: { SRV: 3 }, indicators: { 'SRV-02': 5 } });
    expect(w.get('#target-SRV-01 option[value=""]').text()).toContain('3级');
    await w.get('#target-SRV-01').setValue('4');
    await w.get('#target-SRV-02').setValue('');
    expect(w.emitted('change')).toEqual([
      [{ modules: { SRV: 3 }, indicators: { 'SRV-02': 5, 'SRV-01': 4 } }],
      [{ modules: { SRV: 3 }, indicators: {} }],
    ]);
  });
});
