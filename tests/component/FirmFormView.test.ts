// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '../../src/modules/i18n';
import { routes } from '../../src/modules/router';
import { AppDatabase, useDatabase } from '../../src/db/schema';
import FirmFormView from '../../src/views/FirmFormView.vue';

let db: AppDatabase;
beforeEach(() => {
  db = new AppDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(db);
});

async function mountForm() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/firms/new');
  const w = mount(FirmFormView, { global: { plugins: [createAppI18n('zh-CN'), pinia, router] } });
  return { w, router };
}

describe('FirmFormView', () => {
  it('requires a name and stores nothing without it', async () => {
    const { w } = await mountForm();
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.text()).toContain('请填写企业名称');
    expect(await db.firms.count()).toBe(0);
  });

  it('explains a wrong check character and stores nothing', async () => {
    const { w } = await mountForm();
    await w.get('#firm-name').setValue('甲公司');
    await w.get('#firm-creditCode').setValue('91440300708461136A');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.get('#firm-creditCode').attributes('aria-invalid')).toBe('true');
    expect(w.text()).toContain('校验位不正确');
    expect(await db.firms.count()).toBe(0);
  });

  it('saves a valid firm, normalised, and opens its page', async () => {
    const { w, router } = await mountForm();
    await w.get('#firm-name').setValue(' 甲公司 ');
    await w.get('#firm-creditCode').setValue('91440300708461136t');
    await w.get('#firm-employees').setValue('12');
    await w.get('#firm-industry').setValue('C');
    await w.get('form').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('firm'));
    const firms = await db.firms.toArray();
    expect(firms).toHaveLength(1);
    expect(firms[0]).toMatchObject({ name: '甲公司', creditCode: '91440300708461136T', employees: 12, industry: 'C' });
    expect(router.currentRoute.value.params.firmId).toBe(firms[0]!.id);
  });

  it('rejects a negative number of employees', async () => {
    const { w } = await mountForm();
    await w.get('#firm-name').setValue('乙');
    await w.get('#firm-employees').setValue('-3');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.text()).toContain('请填写不小于0的整数');
    expect(await db.firms.count()).toBe(0);
  });
});
