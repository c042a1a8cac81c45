// Steps a person takes, shared by browser tests, benchmarks and screenshot scripts (Playwright waits only).
import type { Page } from 'playwright-core';

export async function createFirm(page: Page, url: string, name: string, industry = ''): Promise<void> {
  await page.goto(url);
  await page.getByTestId('new-firm').click();
  await page.getByLabel('企业名称').fill(name);
  if (industry) await page.getByLabel('所属行业').selectOption(industry);
  await page.getByTestId('save-firm').click();
  await page.getByTestId('start-form').waitFor();
}

/** Picks a level with the keyboard and waits until it is stored (the radio reflects the stored answer). */
export async function pickLevel(page: Page, level: number): Promise<void> {
  await page.getByTestId('level-1').waitFor();
  await page.locator('body').press(String(level));
  await page.locator(`[data-testid="level-${level}"] input:checked`).waitFor();
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
}

export async function nextIndicator(page: Page): Promise<void> {
  const before = page.url();
  await page.locator('body').press('ArrowRight');
  await page.waitForFunction((u) => location.href !== u, before);
}

/** Answers all 40 indicators from the questionnaire page with the keyboard: level(i) for indicator i. */
export async function answerAll(page: Page, level: (i: number) => number): Promise<void> {
  await page.waitForURL(/\/i\/[A-Z]{3}-\d{2}$/);
  for (let i = 0; i < 40; i++) {
    await pickLevel(page, level(i));
    if (i < 39) await nextIndicator(page);
  }
}

/** Completes the open assessment and waits for its results. */
export async function finish(page: Page): Promise<void> {
  await page.getByTestId('go-finish').click();
  await page.getByTestId('complete').click();
  await page.waitForURL(/\/results$/);
  await page.getByTestId('overall-score').waitFor();
}
