// 评价 → 改进 → 再评价: two assessments of one firm, the plan carried over, and the comparison.
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './app';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { recordErrors } from './harness';
import { seriousViolations } from './axe';
import { answerAll, createFirm, finish, nextIndicator, pickLevel } from './flows';

const app = useBuiltApp();
const SHOTS = process.env.SCREENSHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};


describe('results and re-assessment', () => {
  it('shows results, keeps plan decisions, and compares a re-assessment with the first assessment', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = recordErrors(page);
    await createFirm(page, app.url, '滨海精工机械厂', 'C');
    await page.getByTestId('start-assessment').click();
    // First assessment: 2 everywhere, 售后 (indicators 25–29) at 1.
    await answerAll(page, (i) => (i >= 25 && i < 30 ? 1 : 2));
    await finish(page);
    await expect.poll(() => page.getByTestId('stage').textContent()).toContain('基础级');
    await expect.poll(() => page.getByTestId('weakest-modules').textContent()).toContain('售后');
    expect(await page.getByTestId('summary').textContent()).toContain('售后');
    const firstItem = page.getByTestId('plan-item').first();
    await expect.poll(() => firstItem.getAttribute('data-action')).toMatch(/^SRV-\d{2}-L1-\d+$/);
    // Mark the first action done, with an owner.
    await firstItem.locator('summary').click();
    await firstItem.getByLabel('状态').selectOption('done');
    await firstItem.getByLabel('负责人').fill('王经理');
    await firstItem.getByLabel('负责人').blur();
    const doneAction = await firstItem.getAttribute('data-action');
    // The decision shows once it is stored; then it survives a reload.
    await expect.poll(() => firstItem.locator('.plan__status').textContent()).toContain('王经理');
    await page.reload();
    await expect.poll(() => page.locator(`[data-action="${doneAction}"]`).textContent()).toContain('王经理');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'results-first-1280');

    // Re-assessment: 售后 improves to 3, everything else stays.
    await page.getByRole('link', { name: '滨海精工机械厂' }).click();
    await page.getByTestId('reassess').click();
    await page.waitForURL(/\/i\/[A-Z]{3}-\d{2}$/);
    await page.goto(page.url().replace(/\/i\/.*$/, '/i/SRV-01'));
    for (let i = 0; i < 5; i++) {
      await pickLevel(page, 3);
      await nextIndicator(page);
    }
    await finish(page);
    await expect.poll(() => page.getByTestId('comparison-overall').textContent()).toContain('+6.3');
    const srvRow = page.getByTestId('comparison-modules').locator('tr', { hasText: '售后' });
    expect(await srvRow.textContent()).toContain('+50.0');
    expect(await page.getByText('两次评价之间完成的改进措施（1项）').count()).toBe(1);
    await shot(page, 'results-reassessed-1280');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an all-level-1 firm and an all-level-5 firm read sensibly', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    for (const level of [1, 5]) {
      await createFirm(page, app.url, `全部${level}级企业`, 'I');
      await page.getByTestId('start-assessment').click();
      await answerAll(page, () => level);
      await finish(page);
      await expect.poll(() => page.getByTestId('overall-score').textContent()).toContain(level === 1 ? '0.0' : '100.0');
      const steps = page.getByTestId('cert-step');
      const current = await steps.evaluateAll((els) => els.filter((e) => e.getAttribute('data-status') === 'current').map((e) => e.querySelector('h3')?.textContent));
      expect(current).toHaveLength(1);
      if (level === 5) expect(await page.getByText('所有已评指标都已达到目标等级').count()).toBe(1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, `results-all-${level}-390`);
    }
    await context.close();
  });
});
