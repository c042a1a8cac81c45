// Files from others in the programme view: a folder and several files read at once, bad ones listed and
// skipped, nothing stored until the files are imported through the data screen's preview.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBuiltApp } from './app';
import { recordErrors, recordForeignRequests } from './harness';
import { seriousViolations } from './axe';
import sample from '../../src/content/sample/portfolio.json';
import { catalogue } from '../../src/content/index';
import { buildExportFile, parseExportFile } from '../../src/domain/file-format';
import { filterRows, portfolioRows } from '../../src/domain/portfolio';

const app = useBuiltApp();
const SHOTS = process.env.SCREENSHOTS_DIR;

const parsed = parseExportFile(sample);
if (!parsed.ok) throw new Error('sample portfolio is invalid');
const { firms, assessments } = parsed.file;
const rows = portfolioRows(catalogue, firms, assessments);
const part = (from: number, to: number) => {
  const ids = new Set(firms.slice(from, to).map((f) => f.id));
  return JSON.stringify(buildExportFile(firms.slice(from, to), assessments.filter((a) => ids.has(a.firmId)), { appVersion: '0.1.0', exportedAt: '2026-11-23T08:00:00.000Z' }));
};

// A folder: two good files that overlap in five firms, a broken one, one with a schema error, and a note.
const root = mkdtempSync(join(tmpdir(), 'qmm-files-'));
const folder = join(root, 'incoming');
mkdirSync(folder);
const schemaError = JSON.parse(part(0, 1));
schemaError.assessments[0].assessedOn = '2026-13-45';
writeFileSync(join(folder, 'first.json'), part(0, 15));
writeFileSync(join(folder, 'second.json'), part(10, 30));
writeFileSync(join(folder, 'broken.json'), part(0, 2).slice(0, 500));
writeFileSync(join(folder, 'schema.json'), JSON.stringify(schemaError));
writeFileSync(join(folder, 'readme.txt'), '各企业交来的评价文件');

const rowCount = (page: Page) => page.getByTestId('portfolio-row').count();

describe('programme view with files from others', () => {
  it('reads a folder and several files, stores nothing, then imports them through the preview', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const foreign = recordForeignRequests(context, app.url);
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(app.url);
    await page.getByText('还没有企业').waitFor();
    await page.getByTestId('nav-programme').click();

    // A whole folder.
    await page.getByTestId('source-folder').setInputFiles(folder);
    const summary = page.getByTestId('sources-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(`已读取 4 个文件：${firms.length} 家企业，${assessments.length} 项评价。`);
    expect(await summary.textContent()).toContain('其中 2 个文件有问题，已跳过。');
    expect(await page.getByTestId('sources-skipped').textContent()).toBe('1 个不是 .json 的文件没有读取。');
    const bad = (await page.getByTestId('bad-file').allTextContents()).map((s) => s.trim());
    expect(bad).toHaveLength(2);
    expect(bad[0]).toBe('incoming/broken.json：不是有效的 JSON 文件，可能已损坏或被截断。');
    expect(bad[1]).toContain('incoming/schema.json：内容不符合评价文件的格式：');
    expect(bad[1]).toContain('assessments[0].assessedOn：日期格式不正确');
    await expect.poll(() => rowCount(page)).toBe(rows.length);
    expect(await page.getByTestId('row-from-files').count()).toBe(rows.length);
    expect(await page.getByTestId('programme-count').textContent()).toContain(`显示 ${rows.length} 家 / 共 ${rows.length} 家企业`);
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/programme-files-1280.png`, fullPage: true });

    // Filters work on the files' firms.
    const district = rows[0]!.district;
    await page.getByLabel('所在区县').selectOption(district);
    await expect.poll(() => rowCount(page)).toBe(filterRows(rows, { district }).length);
    await page.getByLabel('来源').selectOption('local');
    await expect.poll(() => rowCount(page)).toBe(0);
    await page.getByLabel('来源').selectOption('');
    await page.getByLabel('所在区县').selectOption('');

    // Nothing was stored: the home screen still has no firm.
    await page.getByRole('link', { name: '首页' }).first().click();
    await page.getByText('还没有企业').waitFor();
    expect(await page.getByTestId('firm-card').count()).toBe(0);

    // Several files chosen at once, after clearing the folder's.
    await page.getByTestId('nav-programme').click();
    await expect.poll(() => rowCount(page)).toBe(rows.length);
    await page.getByTestId('clear-files').click();
    await expect.poll(() => rowCount(page)).toBe(0);
    expect(await page.getByTestId('sources-summary').count()).toBe(0);
    await page.getByTestId('source-files').setInputFiles([join(folder, 'second.json'), join(folder, 'broken.json'), join(folder, 'first.json')]);
    await expect.poll(() => page.getByTestId('sources-summary').textContent()).toContain(`已读取 3 个文件：${firms.length} 家企业`);
    expect((await page.getByTestId('bad-file').allTextContents()).map((s) => s.trim())).toEqual(['broken.json：不是有效的 JSON 文件，可能已损坏或被截断。']);
    await expect.poll(() => rowCount(page)).toBe(rows.length);

    // Import: the data screen's preview; stored only after confirming.
    await page.getByTestId('import-files').click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain(`新增企业 ${firms.length} 家`);
    expect(await preview.textContent()).toContain(`新增评价 ${assessments.length} 项`);
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();

    await page.getByTestId('nav-programme').click();
    await expect.poll(() => rowCount(page)).toBe(rows.length);
    await expect.poll(() => page.getByTestId('row-from-files').count()).toBe(0);
    await page.getByRole('link', { name: '首页' }).first().click();
    await expect.poll(() => page.getByTestId('firm-card').count(), { timeout: 30_000 }).toBe(firms.length);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
