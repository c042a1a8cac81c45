// After the first visit the app works with no network: reload offline, assess, and the data stays.
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './app';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';


const app = useBuiltApp();

describe('offline', () => {
  it('installs a service worker that serves the whole app offline', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The worker has precached everything once it controls a page.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('new-firm').click();
    await page.getByLabel('企业名称').fill('离线企业');
    await page.getByTestId('save-firm').click();
    await page.getByTestId('start-assessment').click();
    await page.waitForURL(/\/i\/STR-01$/);
    for (let i = 0; i < 40; i++) {
      await page.locator('body').press('3');
      await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
      if (i < 39) await page.locator('body').press('ArrowRight');
    }
    await page.getByTestId('go-finish').click();
    await page.getByTestId('complete').click();
    await page.waitForURL(/\/results$/);
    await expect.poll(() => page.getByTestId('overall-score').textContent()).toContain('50.0');
    await page.reload();
    await expect.poll(() => page.getByTestId('overall-score').textContent()).toContain('50.0');
    // The PDF code and fonts come from the service worker's cache.
    await page.getByTestId('report-number').filter({ hasText: 'QMM-' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-pdf').click()]);
    const path = await download.path();
    expect(readFileSync(path!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdftotext', [path!, '-'], { encoding: 'utf8' })).toContain('离线企业');
    await context.close();
  });
});
