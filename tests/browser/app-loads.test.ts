import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './app';
import { recordErrors, recordForeignRequests } from './harness';
import { catalogue } from '../../src/content/index';

const app = useBuiltApp();


describe('the built app', () => {
  it('loads, shows the 8 modules of the catalogue and requests nothing from another host', async () => {
    const context = await app.browser.newContext();
    const foreign = recordForeignRequests(context, new URL(app.url).origin);
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(app.url);
    const modules = page.getByTestId('method-modules').locator('h3');
    await expect.poll(() => modules.count()).toBe(8);
    expect(await modules.allTextContents()).toEqual(catalogue.modules.map((m) => m.name.zh));
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to English and remembers it', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByLabel('界面语言').selectOption('en');
    await expect.poll(() => page.getByTestId('method-modules').locator('h3').first().textContent()).toBe(catalogue.modules[0]!.name.en);
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('method-modules').locator('h3').allTextContents()).toEqual(catalogue.modules.map((m) => m.name.en));
    await context.close();
  });
});
