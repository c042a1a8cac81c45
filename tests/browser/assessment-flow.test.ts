// A consultant's path: record a firm, answer all 40 indicators (mouse and keyboard), reload in the middle,
// finish, and start a re-assessment. Screens are checked with axe-core along the way.
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './app';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { recordErrors, recordForeignRequests } from './harness';
import { seriousViolations } from './axe';
import { catalogue } from '../../src/content/index';
import { scoreAssessment } from '../../src/domain/score';
import type { Answer, MaturityLevel } from '../../src/domain/types';

const app = useBuiltApp();
const SHOTS = process.env.SCREENSHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });


const indicators = catalogue.modules.flatMap((m) => m.indicators);
/** A varied, deterministic answer for indicator i; one not applicable. */
const planned = (i: number): MaturityLevel | 'na' => (i === 24 ? 'na' : ((((i * 7) % 5) + 1) as MaturityLevel));

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function expectNoSeriousA11yIssues(page: Page, screen: string) {
  expect(await seriousViolations(page), screen).toEqual([]);
}

describe('assessment workflow', () => {
  it('creates a firm, answers 40 indicators across a reload, finishes and re-assesses', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const foreign = recordForeignRequests(context, new URL(app.url).origin);
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(app.url);
    await page.getByTestId('new-firm').click();

    // The firm: a wrong credit code is explained, nothing is saved until it is right.
    await page.getByLabel('企业名称').fill('天津市曌明精密机械有限公司');
    await page.getByLabel('统一社会信用代码').fill('91440300708461136A');
    await page.getByLabel('所属行业').selectOption('C');
    await page.getByLabel('小型企业').click();
    await page.getByLabel('所在区县').fill('滨海新区');
    await page.getByTestId('save-firm').click();
    await expect.poll(() => page.getByText('校验位不正确').count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'firm form');
    await shot(page, 'firm-form-error-1280');
    await page.getByLabel('统一社会信用代码').fill('91440300708461136T');
    await page.getByTestId('save-firm').click();

    // Start the assessment.
    await page.getByLabel('评价人').fill('李顾问');
    await page.getByTestId('start-assessment').click();
    await page.waitForURL(/#\/assessments\/.+\/i\/STR-01$/);
    const assessmentUrl = page.url();
    await expectNoSeriousA11yIssues(page, 'questionnaire');
    await shot(page, 'questionnaire-1280');

    const answerOne = async (i: number) => {
      const plan = planned(i);
      await expect.poll(() => page.locator('h1').first().textContent()).toBe(indicators[i]!.name.zh);
      if (plan === 'na') {
        await page.getByTestId('na-toggle').click();
        await expect.poll(() => page.getByTestId('na-toggle').isChecked()).toBe(true);
        await page.getByLabel('不适用的原因').fill('本企业只做来图加工，不做售后安装');
      } else if (i % 2 === 0) {
        await page.getByTestId(`level-${plan}`).click();
      } else {
        await page.locator('body').press(String(plan));
      }
      if (i === 3) await page.getByLabel('备注').fill('<img src=x onerror=alert(1)> 有会议纪要');
      await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
      if (i < indicators.length - 1) {
        if (i % 3 === 0) await page.getByTestId('next').click();
        else await page.locator('body').press('ArrowRight');
      }
    };

    for (let i = 0; i < 20; i++) await answerOne(i);
    // Reload in the middle: every answer is still there.
    await page.reload();
    await expect.poll(() => page.getByTestId('overall-progress').textContent()).toContain('20/40');
    expect(page.url()).toContain(`/i/${indicators[20]!.id}`);
    await page.goto(`${assessmentUrl.replace(/STR-01$/, indicators[3]!.id)}`);
    await expect.poll(() => page.getByLabel('备注').inputValue()).toBe('<img src=x onerror=alert(1)> 有会议纪要');
    await page.goto(`${assessmentUrl.replace(/STR-01$/, indicators[20]!.id)}`);
    for (let i = 20; i < 40; i++) await answerOne(i);
    await shot(page, 'questionnaire-na-1280');

    // Finish: nothing is missing, so it completes and shows the results.
    await page.getByTestId('go-finish').click();
    await page.getByTestId('complete').click();
    await page.waitForURL(/\/results$/);
    const expected = scoreAssessment(
      catalogue,
      indicators.map((ind, i): Answer => {
        const p = planned(i);
        return { indicatorId: ind.id, level: p === 'na' ? null : p, notApplicable: p === 'na', naReason: 'x', note: '', evidence: '', updatedAt: '' };
      }),
    );
    await expect.poll(() => page.getByTestId('overall-score').textContent()).toContain(expected.score100!.toFixed(1));
    await expectNoSeriousA11yIssues(page, 'results');
    await shot(page, 'results-1280');

    // Re-assess from the firm page: a new draft starting from a copy of the answers.
    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('firm-card').count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'home');
    await shot(page, 'home-1280');
    await page.getByRole('button', { name: '再评价' }).click();
    await page.waitForURL(/#\/assessments\/.+\/i\/.+$/);
    expect(page.url()).not.toBe(assessmentUrl);
    await expect.poll(() => page.getByTestId('overall-progress').textContent()).toContain('40/40');
    await page.getByTestId('level-5').click();
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    await page.goto(app.url);
    await page.getByRole('link', { name: '天津市曌明精密机械有限公司' }).click();
    await expect.poll(() => page.getByTestId('assessment-item').count()).toBe(2);
    expect(await page.getByTestId('assessment-item').first().textContent()).toContain('再评价');

    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 390 px the questionnaire stacks the levels and stays usable', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('new-firm').click();
    await page.getByLabel('企业名称').fill('小微餐饮店');
    await page.getByTestId('save-firm').click();
    await page.getByTestId('start-assessment').click();
    await page.waitForURL(/\/i\/STR-01$/);
    const boxes = await Promise.all([1, 2].map((l) => page.getByTestId(`level-${l}`).boundingBox()));
    expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('level-2').tap();
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    await expectNoSeriousA11yIssues(page, 'questionnaire 390');
    await shot(page, 'questionnaire-390');
    await page.goto(app.url);
    await shot(page, 'home-390');
    await context.close();
  });

  it('deleting a firm asks first, and Cancel keeps it', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('new-firm').click();
    await page.getByLabel('企业名称').fill('待删除的企业');
    await page.getByTestId('save-firm').click();
    await page.getByTestId('delete-firm').click();
    await page.locator('dialog').getByRole('button', { name: '取消' }).click();
    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('firm-card').count()).toBe(1);
    await page.getByRole('link', { name: '待删除的企业' }).click();
    await page.getByTestId('delete-firm').click();
    await page.keyboard.press('Enter'); // focus starts on Cancel: Enter must not delete
    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('firm-card').count()).toBe(1);
    await page.getByRole('link', { name: '待删除的企业' }).click();
    await page.getByTestId('delete-firm').click();
    await page.getByTestId('confirm-button').click();
    await page.waitForURL(/#\/$/);
    await expect.poll(() => page.getByTestId('firm-card').count()).toBe(0);
    await context.close();
  });
});
