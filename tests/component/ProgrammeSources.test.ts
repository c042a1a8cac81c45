// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '../../src/modules/i18n';
import { routes } from '../../src/modules/router';
import { AppDatabase, useDatabase } from '../../src/db/schema';
import ProgrammeSources from '../../src/components/programme/ProgrammeSources.vue';
import { useProgrammeStore, type ChosenFile } from '../../src/stores/programme';
import { useDataStore } from '../../src/stores/data';
import sample from '../../src/content/sample/portfolio.json';
import { buildExportFile, parseExportFile } from '../../src/domain/file-format';

const parsed = parseExportFile(sample);
if (!parsed.ok) throw new Error('sample portfolio is invalid');
const { firms, assessments } = parsed.file;
const meta = { appVersion: '0.1.0', exportedAt: '2026-11-23T08:00:00.000Z' };
const firmFile = (i: number) => JSON.stringify(buildExportFile([firms[i]!], assessments.filter((a) => a.firmId === firms[i]!.id), meta));
const countOf = (i: number) => assessments.filter((a) => a.firmId === firms[i]!.id).length;
const chosen = (name: string, body: string, extra: Partial<ChosenFile> = {}): ChosenFile => ({ name, size: body.length, lastModified: 1, text: async () => body, ...extra });
const schemaError = () => {
  const f = JSON.parse(firmFile(2));
  f.firms[0].sizeClass = 'huge';
  return JSON.stringify(f);
};

let db: AppDatabase;
beforeEach(() => {
  db = new AppDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(db);
});

async function mountSources() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/programme');
  const w = mount(ProgrammeSources, { global: { plugins: [createAppI18n('zh-CN'), pinia, router] } });
  return { w, router };
}

async function choose(w: Awaited<ReturnType<typeof mountSources>>['w'], testid: string, list: ChosenFile[]) {
  const input = w.get(`[data-testid="${testid}"]`);
  Object.defineProperty(input.element, 'files', { value: list, configurable: true });
  await input.trigger('change');
  await vi.waitFor(() => expect(useProgrammeStore().reading).toBeNull());
  await flushPromises();
}

describe('ProgrammeSources', () => {
  it('has two labelled buttons for files and a folder', async () => {
    const { w } = await mountSources();
    expect(w.get('[data-testid="choose-files"]').text()).toBe('选择多个文件');
    expect(w.get('[data-testid="choose-folder"]').text()).toBe('选择整个文件夹');
    const files = w.get('[data-testid="source-files"]').element as HTMLInputElement;
    const folder = w.get('[data-testid="source-folder"]').element as HTMLInputElement;
    expect([files.multiple, files.accept]).toEqual([true, '.json,application/json']);
    expect(folder.hasAttribute('webkitdirectory')).toBe(true); // jsdom has no such property; Chromium reflects it
    const click = vi.spyOn(folder, 'click').mockImplementation(() => {});
    await w.get('[data-testid="choose-folder"]').trigger('click');
    expect(click).toHaveBeenCalledOnce();
  });

  it('reads several files, lists each bad one with its reason and counts what is not JSON', async () => {
    const { w } = await mountSources();
    await choose(w, 'source-files', [
      chosen('a.json', firmFile(0)),
      chosen('b.json', firmFile(1)),
      chosen('broken.json', firmFile(0).slice(0, 100)),
      chosen('schema.json', schemaError()),
      chosen('backup.json', JSON.stringify({ format: 'qm-maturity-encrypted', formatVersion: 1 })),
      chosen('empty.json', ''),
      chosen('huge.json', '', { size: 60 * 1024 * 1024, text: () => Promise.reject(new Error('must not be read')) }),
      chosen('notes.txt', 'hello'),
    ]);
    const summary = w.get('[data-testid="sources-summary"]').text();
    expect(summary).toContain(`已读取 7 个文件：2 家企业，${countOf(0) + countOf(1)} 项评价。`);
    expect(summary).toContain('其中 5 个文件有问题，已跳过。');
    expect(w.get('[data-testid="sources-skipped"]').text()).toBe('1 个不是 .json 的文件没有读取。');
    const bad = w.findAll('[data-testid="bad-file"]').map((li) => li.text());
    expect(bad).toEqual([
      'broken.json：不是有效的 JSON 文件，可能已损坏或被截断。',
      'schema.json：内容不符合评价文件的格式： firms[0].sizeClass：取值不在允许的范围内',
      'backup.json：这是加密备份，这里不能读取。请到“数据与备份”页面输入密码后打开。',
      'empty.json：文件是空的。',
      'huge.json：文件超过 50 MB，没有读取。',
    ]);
    expect(useProgrammeStore().rows.map((r) => [r.name, r.source])).toEqual([[firms[0]!.name, 'files'], [firms[1]!.name, 'files']].sort());
    expect(await db.firms.count()).toBe(0);
  });

  it('shows the progress while reading', async () => {
    const { w } = await mountSources();
    let release!: (body: string) => void;
    const slow = chosen('slow.json', '', { text: () => new Promise<string>((r) => (release = r)) });
    const input = w.get('[data-testid="source-folder"]');
    Object.defineProperty(input.element, 'files', { value: [chosen('dir/a.json', firmFile(0), { webkitRelativePath: 'dir/a.json' }), slow], configurable: true });
    await input.trigger('change');
    await vi.waitFor(() => expect(w.text()).toContain('正在读取：已读完 1 个，共 2 个文件…'));
    expect((w.get('progress').element as HTMLProgressElement).value).toBe(1);
    expect(w.get('[data-testid="choose-files"]').attributes('disabled')).toBeDefined();
    release(firmFile(1));
    await vi.waitFor(() => expect(w.find('[data-testid="sources-summary"]').exists()).toBe(true));
    expect(useProgrammeStore().sources.good.map((g) => g.name)).toEqual(['dir/a.json', 'slow.json']);
  });

  it('does not count a file chosen twice', async () => {
    const { w } = await mountSources();
    await choose(w, 'source-files', [chosen('a.json', firmFile(0))]);
    await choose(w, 'source-files', [chosen('a.json', firmFile(0)), chosen('b.json', firmFile(1))]);
    expect(w.get('[data-testid="sources-summary"]').text()).toContain('已读取 2 个文件：2 家企业');
    expect(w.text()).toContain('1 个文件之前已经读取过，没有重复计算。');
  });

  it('hands the good files to the import preview on the data screen, writing nothing', async () => {
    const { w, router } = await mountSources();
    await choose(w, 'source-files', [chosen('a.json', firmFile(0)), chosen('a-again.json', firmFile(0)), chosen('b.json', firmFile(1)), chosen('x.json', '{')]);
    await w.get('[data-testid="import-files"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('data'));
    const data = useDataStore();
    expect(data.stage).toBe('preview');
    expect(data.fileName).toBe('项目总览中的 3 个文件');
    expect(data.plan!.firms.map((f) => [f.id, f.kind])).toEqual([[firms[0]!.id, 'new'], [firms[1]!.id, 'new']]);
    expect(data.plan!.assessments).toHaveLength(countOf(0) + countOf(1));
    expect(await db.firms.count()).toBe(0);
    await data.confirmImport({});
    expect(await db.firms.count()).toBe(2);
  });

  it('clears the files in one click', async () => {
    const { w } = await mountSources();
    await choose(w, 'source-files', [chosen('a.json', firmFile(0)), chosen('x.json', '{'), chosen('n.txt', '')]);
    const store = useProgrammeStore();
    store.filter = { source: 'files', district: '滨海新区' };
    await w.get('[data-testid="clear-files"]').trigger('click');
    expect([store.sources.good.length, store.sources.bad.length, store.sources.skipped]).toEqual([0, 0, 0]);
    expect(store.filter).toEqual({ district: '滨海新区' });
    expect(w.find('[data-testid="sources-summary"]').exists()).toBe(false);
    expect(w.find('[data-testid="bad-files"]').exists()).toBe(false);
    // The same file can be read again after clearing.
    await choose(w, 'source-files', [chosen('a.json', firmFile(0))]);
    expect(store.sources.good).toHaveLength(1);
  });
});
