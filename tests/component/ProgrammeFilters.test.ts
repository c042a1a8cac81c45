// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '../../src/modules/i18n';
import { routes } from '../../src/modules/router';
import { AppDatabase, useDatabase } from '../../src/db/schema';
import ProgrammeFilters from '../../src/components/programme/ProgrammeFilters.vue';
import ProgrammeView from '../../src/views/ProgrammeView.vue';
import { useProgrammeStore } from '../../src/stores/programme';
import type { ProgrammeFilter } from '../../src/domain/portfolio-sources';
import sample from '../../src/content/sample/portfolio.json';
import { catalogue } from '../../src/content/index';
import { buildExportFile, parseExportFile } from '../../src/domain/file-format';
import { filterRows, portfolioRows } from '../../src/domain/portfolio';

beforeEach(() => {
  useDatabase(new AppDatabase(`test-${crypto.randomUUID()}`));
  setActivePinia(createPinia());
});

const options = { districts: ['北辰区', '滨海新区'], industries: ['C', 'F'], sources: false };
function mountFilters(modelValue: ProgrammeFilter = {}, opts = options) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const w = mount(ProgrammeFilters, {
    props: { modelValue, options: opts, 'onUpdate:modelValue': (v: ProgrammeFilter) => w.setProps({ modelValue: v }) },
    global: { plugins: [createAppI18n('zh-CN'), pinia] },
  });
  return w;
}
const emitted = (w: ReturnType<typeof mountFilters>) => (w.emitted('update:modelValue') ?? []).map((e) => e[0]);
const optionTexts = (w: ReturnType<typeof mountFilters>, id: string) => w.findAll(`#${id} option`).map((o) => [o.attributes('value'), o.text()]);

describe('ProgrammeFilters', () => {
  it('lists the options it is given', () => {
    const w = mountFilters();
    expect(optionTexts(w, 'f-district')).toEqual([['', '全部'], ['北辰区', '北辰区'], ['滨海新区', '滨海新区']]);
    expect(optionTexts(w, 'f-industry')).toEqual([['', '全部'], ['C', 'C 制造业'], ['F', 'F 批发和零售业']]);
    expect(optionTexts(w, 'f-size').map((o) => o[0])).toEqual(['', 'micro', 'small', 'medium']);
    expect(optionTexts(w, 'f-stage').map((o) => o[0])).toEqual(['', '1', '2', '3', '4', '5', 'insufficient', 'none']);
    expect(optionTexts(w, 'f-status')).toEqual([['', '全部'], ['completed', '已完成'], ['draft', '草稿']]);
    expect(w.find('#f-source').exists()).toBe(false);
    expect(w.get('label[for="f-district"]').text()).toBe('所在区县');
  });

  it('offers the source filter when files are brought in', () => {
    const w = mountFilters({}, { ...options, sources: true });
    expect(optionTexts(w, 'f-source')).toEqual([['', '全部'], ['local', '本机'], ['files', '来自文件（未导入）']]);
  });

  it('sets and clears each filter in the model', async () => {
    const w = mountFilters();
    await w.get('#f-query').setValue('精密');
    await w.get('#f-district').setValue('滨海新区');
    await w.get('#f-industry').setValue('C');
    await w.get('#f-size').setValue('micro');
    await w.get('#f-stage').setValue('3');
    await w.get('#f-status').setValue('draft');
    await w.get('#f-district').setValue('');
    await w.get('#f-stage').setValue('insufficient');
    const all = { query: '精密', district: '滨海新区', industry: 'C', sizeClass: 'micro', stage: 3, status: 'draft' };
    expect(emitted(w)).toEqual([
      { query: '精密' },
      { query: '精密', district: '滨海新区' },
      { query: '精密', district: '滨海新区', industry: 'C' },
      { query: '精密', district: '滨海新区', industry: 'C', sizeClass: 'micro' },
      { query: '精密', district: '滨海新区', industry: 'C', sizeClass: 'micro', stage: 3 },
      all,
      { query: '精密', industry: 'C', sizeClass: 'micro', stage: 3, status: 'draft' },
      { query: '精密', industry: 'C', sizeClass: 'micro', stage: 'insufficient', status: 'draft' },
    ]);
    expect((w.get('#f-stage').element as HTMLSelectElement).value).toBe('insufficient');
  });

  it('sets the source', async () => {
    const w = mountFilters({ district: '北辰区' }, { ...options, sources: true });
    await w.get('#f-source').setValue('files');
    expect(emitted(w)).toEqual([{ district: '北辰区', source: 'files' }]);
  });
});

describe('ProgrammeView filters', () => {
  it('shows exactly the firms of the chosen district', async () => {
    const parsed = parseExportFile(sample);
    if (!parsed.ok) throw new Error('sample portfolio is invalid');
    const { firms, assessments } = parsed.file;
    const rows = portfolioRows(catalogue, firms, assessments);
    const district = '滨海新区';
    const inDistrict = filterRows(rows, { district });
    expect(inDistrict.length).toBeGreaterThan(1);

    const pinia = createPinia();
    setActivePinia(pinia);
    const router = createRouter({ history: createMemoryHistory(), routes });
    await router.push('/programme');
    // The sample, one file per firm, brought in as files from others.
    const meta = { appVersion: '0.1.0', exportedAt: '2026-11-23T08:00:00.000Z' };
    const files = firms.map((f, i) => {
      const body = JSON.stringify(buildExportFile([f], assessments.filter((a) => a.firmId === f.id), meta));
      return { name: `firm-${i}.json`, size: body.length, lastModified: 0, text: async () => body };
    });
    await useProgrammeStore().readFiles(files);
    const w = mount(ProgrammeView, { global: { plugins: [createAppI18n('zh-CN'), pinia, router], stubs: { ProgrammeCharts: true } } }); // charts: see ProgrammeCharts.test.ts
    await vi.waitFor(() => expect(w.findAll('[data-testid="portfolio-row"]')).toHaveLength(rows.length));
    await vi.waitFor(() => expect(w.find('[data-testid="programme-count"]').exists()).toBe(true)); // this device's (empty) data read

    await w.get('#f-district').setValue(district);
    await flushPromises();
    const shown = w.findAll('[data-testid="portfolio-row"]');
    expect(shown).toHaveLength(inDistrict.length);
    expect(shown.map((r) => r.get('th').text()).map((t) => t.replace('未导入', '').trim()).sort()).toEqual(inDistrict.map((r) => r.name).sort());
    expect(w.get('[data-testid="programme-count"]').text()).toBe(`显示 ${inDistrict.length} 家 / 共 ${rows.length} 家企业`);
    w.unmount();
  });

  it('shows the table 50 firms a page, back to page 1 when a filter changes, or all at once', async () => {
    const parsed = parseExportFile(sample);
    if (!parsed.ok) throw new Error('sample portfolio is invalid');
    // Three copies of the sample under other ids: 90 firms.
    const meta = { appVersion: '0.1.0', exportedAt: '2026-11-23T08:00:00.000Z' };
    const files = ['甲', '乙', '丙'].map((k) => {
      const firms = parsed.file.firms.map((f) => ({ ...f, id: `${f.id}-${k}`, name: `${f.name}（${k}）`, creditCode: '' }));
      const assessments = parsed.file.assessments.map((a) => ({ ...a, id: `${a.id}-${k}`, firmId: `${a.firmId}-${k}`, previousId: a.previousId && `${a.previousId}-${k}` }));
      const body = JSON.stringify(buildExportFile(firms, assessments, meta));
      return { name: `copy-${k}.json`, size: body.length, lastModified: 0, text: async () => body };
    });
    const pinia = createPinia();
    setActivePinia(pinia);
    const router = createRouter({ history: createMemoryHistory(), routes });
    await router.push('/programme');
    await useProgrammeStore().readFiles(files);
    const total = useProgrammeStore().rows.length;
    expect(total).toBe(parsed.file.firms.length * 3);
    const w = mount(ProgrammeView, { global: { plugins: [createAppI18n('zh-CN'), pinia, router], stubs: { ProgrammeCharts: true } } });
    const shown = () => w.findAll('[data-testid="portfolio-row"]').map((r) => r.get('th').text().replace('未导入', '').trim());
    await vi.waitFor(() => expect(shown()).toHaveLength(50));
    const all = useProgrammeStore().visible.map((r) => r.name);
    expect(shown()).toEqual(all.slice(0, 50));
    expect(w.get('[data-testid="page-range"]').text()).toBe(`第 1–50 家，共 ${total} 家`);
    expect(w.get('[data-testid="page-prev"]').attributes('disabled')).toBeDefined();

    await w.get('[data-testid="page-next"]').trigger('click');
    expect(shown()).toEqual(all.slice(50));
    expect(w.get('[data-testid="page-next"]').attributes('disabled')).toBeDefined();

    await w.get('#f-query').setValue('（丙）');
    await flushPromises();
    const matching = useProgrammeStore().visible.map((r) => r.name);
    expect(matching.length).toBe(parsed.file.firms.length);
    expect(shown()).toEqual(matching); // a new selection starts on its first page (30 firms: one page, no pager)
    expect(w.find('[data-testid="table-pager"]').exists()).toBe(false);

    await w.get('#f-query').setValue('');
    await flushPromises();
    await w.get('[data-testid="page-all"]').trigger('click');
    expect(shown()).toHaveLength(total);
    w.unmount();
  });
});
