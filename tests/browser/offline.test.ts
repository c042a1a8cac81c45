// After the first visit the app works with no network: reload offline, assess, and the data stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { launch, startServer } from './harness';

let server: PreviewServer;
let url: string;
let browser: Browser;
beforeAll(async () => {
  ({ server, url } = await startServer());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('offline', () => {
  it('installs a service worker that serves the whole app offline', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
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
    await context.close();
  });
});
