// The PDF report, exported through the interface and checked with poppler: text, fonts, every page.
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './app';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordErrors, recordForeignRequests } from './harness';
import { answerAll, createFirm, finish } from './flows';
import { catalogue } from '../../src/content/index';

const app = useBuiltApp();
const dir = mkdtempSync(join(tmpdir(), 'qmm-report-'));
const FIRM = '天津市𠀾曌精密机械有限公司';


describe('PDF report', () => {
  it('exports a complete, searchable PDF with embedded fonts, whose number matches the screen', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const foreign = recordForeignRequests(context, new URL(app.url).origin);
    const page = await context.newPage();
    const errors = recordErrors(page);
    await createFirm(page, app.url, FIRM, 'C');
    await page.getByTestId('start-assessment').click();
    await answerAll(page, (i) => ((i * 3) % 5) + 1);
    await finish(page);
    await expect.poll(() => page.getByTestId('report-number').textContent()).toMatch(/^QMM-\d{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    const number = (await page.getByTestId('report-number').textContent())!;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(download.suggestedFilename()).toContain('曌');
    const pdf = join(dir, 'report.pdf');
    await download.saveAs(pdf);
    expect(statSync(pdf).size).toBeLessThan(1.5 * 1024 * 1024);

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(FIRM);
    expect(text).toContain(number);
    for (const m of catalogue.modules) expect(text, m.name.zh).toContain(m.name.zh);
    for (const ind of catalogue.modules.flatMap((m) => m.indicators)) expect(text, ind.id).toContain(ind.id);

    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // embedded, subset

    execFileSync('pdftoppm', ['-r', '30', '-gray', '-png', pdf, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toHaveLength(count);
    // A blank page compresses to almost nothing; a page with text does not.
    for (const p of pages) expect(statSync(join(dir, p)).size, p).toBeGreaterThan(2500);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
