// The sample portfolio in one click, the programme view filtered to a district, checked against the domain.
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './app';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { seriousViolations } from './axe';
import { recordErrors } from './harness';
import sample from '../../src/content/sample/portfolio.json';
import { catalogue } from '../../src/content/index';
import { parseExportFile } from '../../src/domain/file-format';
import { filterRows, portfolioRows } from '../../src/domain/portfolio';

const app = useBuiltApp();
const SHOTS = process.env.SCREENSHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

describe('programme view', () => {
  it('loads the sample portfolio, filters by district, exports the table, and removes the sample', async () => {
    const parsed = parseExportFile(sample);
    if (!parsed.ok) throw new Error('sample portfolio is invalid');
    const rows = portfolioRows(catalogue, parsed.file.firms, parsed.file.assessments);
    const district = rows[0]!.district;
    const inDistrict = filterRows(rows, { district });

    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(app.url);
    await page.getByTestId('load-sample').click();
    await expect.poll(() => page.getByTestId('firm-card').count(), { timeout: 30_000 }).toBe(rows.length);
    await page.getByTestId('open-programme').click();
    await expect.poll(() => page.getByTestId('portfolio-row').count(), { timeout: 30_000 }).toBe(rows.length);
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/programme-1280.png`, fullPage: true });

    await page.getByLabel('所在区县').selectOption(district);
    await expect.poll(() => page.getByTestId('portfolio-row').count()).toBe(inDistrict.length);
    expect(await page.getByTestId('programme-count').textContent()).toContain(`显示 ${inDistrict.length} 家 / 共 ${rows.length} 家企业`);
    const names = await page.getByTestId('portfolio-row').locator('th').allTextContents();
    expect(names.sort()).toEqual(inDistrict.map((r) => r.name).sort());

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('programme-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    const blank = lines.indexOf('');
    expect(blank - 1).toBe(inDistrict.length); // header + one line per firm shown
    for (const r of inDistrict) expect(csv).toContain(r.name);

    // Charts of the selection: drawn when scrolled into view; the heat map has one row per firm shown.
    await page.getByTestId('programme-charts').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('heat-row').count()).toBe(inDistrict.length);
    expect(await page.getByTestId('heat-row').locator('th').allTextContents()).toEqual(names);
    expect(await seriousViolations(page)).toEqual([]);

    // The programme summary PDF of the same selection: real text with every firm of the district and no other.
    const [pdfDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('programme-pdf').click()]);
    expect(pdfDownload.suggestedFilename()).toMatch(/^质量管理成熟度分类汇总_\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = execFileSync('pdftotext', [(await pdfDownload.path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('质量管理成熟度分类汇总');
    expect(text).toContain(district);
    for (const r of inDistrict) expect(text).toContain(r.name.replace(/\s+/g, ''));
    for (const r of rows.filter((x) => x.district !== district)) expect(text).not.toContain(r.name.replace(/\s+/g, ''));

    await page.goto(app.url);
    await page.getByTestId('remove-sample').click();
    await expect.poll(() => page.getByTestId('firm-card').count(), { timeout: 30_000 }).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
