// Two tabs on the same assessment: each sees the other's answers, and neither overwrites them silently.
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './app';


const app = useBuiltApp();

describe('two tabs', () => {
  it('an answer given in one tab appears in the other, and both survive', async () => {
    const context = await app.browser.newContext();
    const a = await context.newPage();
    await a.goto(app.url);
    await a.getByTestId('new-firm').click();
    await a.getByLabel('企业名称').fill('双窗口测试企业');
    await a.getByTestId('save-firm').click();
    await a.getByTestId('start-assessment').click();
    await a.waitForURL(/\/i\/STR-01$/);
    const b = await context.newPage();
    await b.goto(a.url());
    await b.getByTestId('level-1').waitFor();

    await a.getByTestId('level-2').click();
    await expect.poll(() => b.locator('[data-testid="level-2"] input').isChecked()).toBe(true);

    // B answers another indicator; A's answer stays.
    await b.getByTestId('next').click();
    await b.getByTestId('level-4').click();
    await expect.poll(() => a.getByTestId('overall-progress').textContent()).toContain('2/40');
    await b.getByTestId('prev').click();
    expect(await b.locator('[data-testid="level-2"] input').isChecked()).toBe(true);

    // A note typed in B reaches A without touching A's level.
    await b.getByLabel('备注').fill('来自第二个窗口');
    await expect.poll(() => a.getByLabel('备注').inputValue()).toBe('来自第二个窗口');
    expect(await a.locator('[data-testid="level-2"] input').isChecked()).toBe(true);
    await context.close();
  });
});
