// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, type PropType } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '../../src/modules/i18n';
import { catalogue } from '../../src/content/index';
import { summarizeCatalogue } from '../../src/domain/summary';
import { portfolioRows, type PortfolioAssessment, type PortfolioFirm } from '../../src/domain/portfolio';
import ProgrammeCharts from '../../src/components/programme/ProgrammeCharts.vue';
import ProgrammeLazy from '../../src/components/programme/ProgrammeLazy.vue';
import { answersFromProfile, even, type Profile } from '../unit/fixtures';

// jsdom has no canvas: the charts become a <canvas> that keeps the data they were given.
vi.mock('vue-chartjs', () => {
  const chart = defineComponent({
    props: { data: { type: Object as PropType<{ labels: string[]; datasets: { data: unknown[] }[] }>, required: true } },
    setup: (p) => () => h('canvas', { 'data-chart': JSON.stringify({ labels: p.data.labels, data: p.data.datasets.map((d) => d.data) }) }),
  });
  return { Bar: chart, Radar: chart };
});

const summary = summarizeCatalogue(catalogue);
const T = '2026-01-01T00:00:00.000Z';
const firm = (id: string, name = id): PortfolioFirm => ({
  id, name, creditCode: '', industry: 'C', sizeClass: 'small', district: '', employees: null, contact: '', createdAt: T, updatedAt: T,
});
const assessment = (id: string, firmId: string, assessedOn: string, profile: Profile): PortfolioAssessment => ({
  id, firmId, catalogueVersion: catalogue.version, assessor: 'X', assessedOn, status: 'completed', previousId: null, createdAt: T, updatedAt: T,
  completedAt: T, answers: answersFromProfile(profile), planStates: [],
});

// A: 1 → 3 (up). B: 3 → stage 2 with 售后 at 3 (down). C: 2 → 2 (same). D: once, at 4. E: never. F: too few answers → 2.
const rows = portfolioRows(
  catalogue,
  [firm('a', '甲'), firm('b', '乙'), firm('c', '丙'), firm('d', '丁'), firm('e', '戊'), firm('f', '己')],
  [
    assessment('a1', 'a', '2025-01-01', even(1)),
    assessment('a2', 'a', '2026-01-01', even(3)),
    assessment('b1', 'b', '2025-01-01', even(3)),
    assessment('b2', 'b', '2026-01-01', { ...even(2), SRV: [3, 3, 3, 3, 3] }),
    assessment('c1', 'c', '2025-01-01', even(2)),
    assessment('c2', 'c', '2025-06-01', even(2)),
    assessment('d1', 'd', '2026-01-01', even(4)),
    assessment('f1', 'f', '2025-01-01', { STR: [2, 2, 2, 2, 2] }),
    assessment('f2', 'f', '2026-01-01', even(2)),
  ],
);
const makeRouter = () =>
  createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { render: () => null } }, { path: '/firms/:firmId', name: 'firm', component: { render: () => null } }] });
const pick = (...ids: string[]) => ids.map((id) => rows.find((r) => r.firmId === id)!);

function mountCharts(selection = rows, all = rows, router = makeRouter()) {
  const i18n = createAppI18n('zh-CN');
  // Messages that show their parameters, so that the notes' numbers can be read whatever the wording.
  i18n.global.mergeLocaleMessage('zh-CN', { programme_charts: { compared_note: 'compared={n}', single_note: 'single={n}', unknown_note: 'unknown={n}', heat_shown: 'shown={shown}/{total}' } });
  return mount(ProgrammeCharts, { props: { rows: all, selection, summary }, global: { plugins: [i18n, router] } });
}
const cells = (tr: { findAll: (s: string) => { text: () => string }[] }) => tr.findAll('th, td').map((c) => c.text());
/** Switches the n-th chart figure (0: stages, 1: profile) to its table. */
const showTable = (w: ReturnType<typeof mountCharts>, n: number) => w.findAll('figure')[n]!.get('figcaption button').trigger('click');

describe('ProgrammeCharts', () => {
  it('counts the selected firms per stage, in the chart and in its table', async () => {
    const w = mountCharts();
    const chart = JSON.parse(w.findAll('canvas')[0]!.attributes('data-chart')!);
    expect(chart.labels).toEqual(['1 初始级', '2 基础级', '3 规范级', '4 精细级', '5 卓越级', '作答不足', '未评价']);
    expect(chart.data).toEqual([[0, 3, 1, 1, 0, 0, 1]]); // b, c, f at 2; a at 3; d at 4; e none
    await showTable(w, 0);
    const table = w.findAll('[data-testid="stage-table"] tbody tr').map(cells);
    expect(table[1]).toEqual(['2 基础级', '3', '50%']);
    expect(table[6]).toEqual(['未评价', '1', '17%']);
  });

  it('sets the mean module levels of the selection against the whole portfolio, with firm counts', async () => {
    const w = mountCharts(pick('a', 'b'));
    const radar = JSON.parse(w.findAll('canvas')[1]!.attributes('data-chart')!);
    expect(radar.labels).toEqual(summary.modules.map((m) => m.name.zh));
    expect(radar.data[0]).toEqual([2.5, 2.5, 2.5, 2.5, 2.5, 3, 2.5, 2.5]); // a all 3; b all 2 but 售后 3
    await showTable(w, 1);
    const srv = w.findAll('[data-testid="profile-table"] tbody tr').map(cells)[5]!;
    // selection: (3 + 3) / 2 over 2 firms; all: a 3, b 3, c 2, d 4, f 2 → 14 / 5 over 5 firms (e has no assessment)
    expect(srv).toEqual([summary.modules[5]!.name.zh, '3.00', '2', '2.80', '5']);
    const str = w.findAll('[data-testid="profile-table"] tbody tr').map(cells)[0]!;
    expect(str).toEqual([summary.modules[0]!.name.zh, '2.50', '2', '2.60', '5']);
  });

  it('shows how many firms moved up, stayed and moved down, and from which stage to which', () => {
    const w = mountCharts();
    expect(w.get('[data-testid="movement-up"] .move__n').text()).toBe('↑ 1');
    expect(w.get('[data-testid="movement-same"] .move__n').text()).toBe('→ 1');
    expect(w.get('[data-testid="movement-down"] .move__n').text()).toBe('↓ 1');
    expect(w.get('[data-testid="movement-down"]').text()).toContain('33%');
    // d (once) and e (never) cannot be compared; f's first assessment has no stage
    expect(w.get('[data-testid="movement-note"]').text()).toBe('compared=3single=2unknown=1');
    const matrix = w.findAll('[data-testid="transition-table"] tbody tr').map(cells);
    expect(matrix[0]).toEqual(['1 初始级', '0', '0', '1', '0', '0']); // a: 1 → 3
    expect(matrix[1]).toEqual(['2 基础级', '0', '1', '0', '0', '0']); // c: 2 → 2
    expect(matrix[2]).toEqual(['3 规范级', '0', '1', '0', '0', '0']); // b: 3 → 2
    expect(matrix.slice(3).flatMap((r) => r.slice(1)).every((n) => n === '0')).toBe(true);
  });

  it('says there is nothing to compare when no selected firm was assessed twice with a stage', () => {
    const w = mountCharts(pick('d', 'e', 'f'));
    expect(w.find('[data-testid="movement-empty"]').exists()).toBe(true);
    expect(w.find('[data-testid="movement-up"]').exists()).toBe(false);
    expect(w.find('[data-testid="transition-table"]').exists()).toBe(false);
    expect(w.get('[data-testid="movement-note"]').text()).toBe('single=2unknown=1');
  });

  it('draws each firm\'s module levels in the table order, with links and empty cells', () => {
    const w = mountCharts(pick('b', 'e', 'd'));
    const heat = w.findAll('[data-testid="heat-row"]');
    expect(heat.map((r) => r.get('th').text())).toEqual(['乙', '戊', '丁']);
    expect(heat[0]!.findAll('td').map((c) => c.text())).toEqual(['2', '2', '2', '2', '2', '3', '2', '2']);
    expect(heat[0]!.findAll('td')[5]!.classes()).toContain('lv3');
    expect(heat[1]!.findAll('td').map((c) => c.text())).toEqual(Array(8).fill('—'));
    expect(heat[1]!.findAll('td')[0]!.classes()).toContain('lv0');
    expect(heat[2]!.findAll('td').every((c) => c.text() === '4' && c.classes().includes('lv4'))).toBe(true);
    expect(heat[0]!.get('a').attributes('href')).toBe('/firms/b');
    expect(w.findAll('[data-testid="heat-table"] thead th').map((c) => c.text())).toEqual(['企业', ...summary.modules.map((m) => m.name.zh)]);
    expect(w.find('[data-testid="heat-toggle"]').exists()).toBe(false);
  });

  it('copes with a selection that is empty', async () => {
    const w = mountCharts([]);
    expect(JSON.parse(w.findAll('canvas')[0]!.attributes('data-chart')!).data).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
    expect(JSON.parse(w.findAll('canvas')[1]!.attributes('data-chart')!).data[0]).toEqual(Array(8).fill(null));
    await showTable(w, 1);
    expect(cells(w.findAll('[data-testid="profile-table"] tbody tr')[0]!)).toEqual([summary.modules[0]!.name.zh, '—', '0', '2.60', '5']);
    expect(w.find('[data-testid="movement-empty"]').exists()).toBe(true);
    expect(w.find('[data-testid="heat-table"]').exists()).toBe(false);
  });

  it('opens a firm from its name in the heat map', async () => {
    const router = makeRouter();
    const w = mountCharts(pick('b', 'd'), rows, router);
    await w.findAll('[data-testid="heat-row"]')[1]!.get('a').trigger('click', { button: 0 });
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/firms/d');
  });

  it('shows the first 50 firms of a long selection and all of them on request', async () => {
    const many = portfolioRows(catalogue, Array.from({ length: 120 }, (_, i) => firm(`m${String(i).padStart(3, '0')}`)), [assessment('x', 'm000', '2026-01-01', even(5))]);
    const w = mountCharts(many, many);
    expect(w.findAll('[data-testid="heat-row"]')).toHaveLength(50);
    expect(w.get('[data-testid="heat-shown"]').text()).toBe('shown=50/120');
    expect(w.findAll('[data-testid="heat-row"]')[0]!.findAll('td.lv5')).toHaveLength(8);
    const toggle = w.get('[data-testid="heat-toggle"]');
    expect(toggle.attributes('aria-pressed')).toBe('false');
    await toggle.trigger('click');
    expect(w.findAll('[data-testid="heat-row"]')).toHaveLength(120);
    expect(w.get('[data-testid="heat-shown"]').text()).toBe('shown=120/120');
    expect(toggle.attributes('aria-pressed')).toBe('true');
    expect(w.findAll('[data-testid="heat-row"]')[119]!.get('th').text()).toBe('m119');
    await toggle.trigger('click');
    expect(w.findAll('[data-testid="heat-row"]')).toHaveLength(50);
  });
});

describe('ProgrammeLazy', () => {
  it('draws its content only once it comes near the screen', async () => {
    let notify: ((entries: { isIntersecting: boolean }[]) => void) | null = null;
    const disconnect = vi.fn();
    vi.stubGlobal('IntersectionObserver', class {
      constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
        notify = cb;
      }
      observe() {}
      disconnect = disconnect;
    });
    try {
      const w = mount(ProgrammeLazy, { props: { minHeight: '300px' }, slots: { default: '<p data-testid="inside">chart</p>' } });
      expect(w.find('[data-testid="inside"]').exists()).toBe(false);
      expect((w.element as HTMLElement).style.minHeight).toBe('300px');
      notify!([{ isIntersecting: false }]);
      await nextTick();
      expect(w.find('[data-testid="inside"]').exists()).toBe(false);
      notify!([{ isIntersecting: true }]);
      await nextTick();
      expect(w.find('[data-testid="inside"]').exists()).toBe(true);
      expect((w.element as HTMLElement).style.minHeight).toBe('');
      expect(disconnect).toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
