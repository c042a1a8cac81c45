// Backup and restore through the interface: nothing is lost, a bad file writes nothing.
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './app';
import type { Page } from 'playwright-core';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordErrors } from './harness';
import { seriousViolations } from './axe';
import { answerAll, createFirm, finish } from './flows';

const app = useBuiltApp();
const dir = mkdtempSync(join(tmpdir(), 'qmm-data-'));

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function openData(page: Page) {
  if (!page.url().startsWith(app.url)) await page.goto(app.url);
  await page.getByTestId('nav-data').click();
  await page.getByTestId('backup-all').waitFor();
}

async function importFile(page: Page, path: string) {
  await openData(page);
  await page.getByTestId('import-file').setInputFiles(path);
}

describe('backup and import', () => {
  it('backs up, restores after deletion, and refuses a damaged file without writing', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = recordErrors(page);
    await createFirm(page, app.url, '备份测试企业', 'C');
    await page.getByTestId('start-assessment').click();
    await answerAll(page, (i) => (i % 5) + 1);
    await finish(page);

    // The home screen reminds about a completed assessment never exported.
    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('backup-reminder').count()).toBe(1);

    // CSV of the firm's answers, with a byte-order mark for Excel.
    await page.getByRole('link', { name: '备份测试企业' }).click();
    const csv = await download(page, 'export-csv');
    expect(csv.name).toMatch(/备份测试企业.*\.csv$/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('STR-01');

    // Back up everything.
    await page.getByTestId('nav-data').click();
    expect(await seriousViolations(page)).toEqual([]);
    const backup = await download(page, 'backup-all');
    const backupPath = join(dir, backup.name);
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'qm-maturity-export', firms: [{ name: '备份测试企业' }] });
    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('firm-card').count()).toBe(1);
    expect(await page.getByTestId('backup-reminder').count()).toBe(0);

    // A damaged copy is refused with where and what, and nothing is written.
    const damaged = JSON.parse(backup.text);
    damaged.assessments[0].answers[0].level = 9;
    const damagedPath = join(dir, 'damaged.json');
    writeFileSync(damagedPath, JSON.stringify(damaged));
    await importFile(page, damagedPath);
    await expect.poll(() => page.getByTestId('import-invalid').textContent()).toContain('assessments[0].answers[0].level');
    expect(await page.getByTestId('import-invalid').textContent()).toContain('本机数据没有任何改动');

    // Delete the firm, then restore it from the backup.
    await page.goto(app.url);
    await page.getByRole('link', { name: '备份测试企业' }).click();
    await page.getByTestId('delete-firm').click();
    await page.getByTestId('confirm-button').click();
    // Deleting ends on the home screen: wait for it, or a click on the menu can race the redirect.
    await page.waitForURL(/#\/$/);
    await expect.poll(() => page.getByTestId('firm-card').count()).toBe(0);
    await importFile(page, backupPath);
    await expect.poll(() => page.getByTestId('import-preview').textContent()).toContain('新增企业 1 家');
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('新增评价 1 项');
    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('firm-card').first().textContent()).toContain('备份测试企业');
    await page.getByRole('button', { name: '查看结果' }).or(page.getByRole('link', { name: '查看结果' })).first().click();
    await expect.poll(() => page.getByTestId('overall-score').textContent()).toContain('50.0');

    // Importing the same file again changes nothing: everything is identical.
    await importFile(page, backupPath);
    await expect.poll(() => page.getByTestId('import-preview').textContent()).toContain('完全相同');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an encrypted backup opens only with its passphrase', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await createFirm(page, app.url, '加密备份企业');
    await openData(page);
    await page.getByLabel('用密码加密备份').check();
    await page.locator('#backup-pass').fill('correct horse battery');
    await page.locator('#backup-pass2').fill('correct horse battery');
    const enc = await download(page, 'backup-all');
    expect(enc.text).toContain('qm-maturity-encrypted');
    expect(enc.text).not.toContain('加密备份企业');

    const fresh = await app.browser.newContext();
    const other = await fresh.newPage();
    await importFile(other, join(dir, enc.name));
    await other.locator('#unlock-pass').fill('wrong passphrase');
    await other.getByRole('button', { name: '解密并预览' }).click();
    await expect.poll(() => other.getByRole('alert').textContent()).toContain('密码不正确');
    await other.locator('#unlock-pass').fill('correct horse battery');
    await other.getByRole('button', { name: '解密并预览' }).click();
    await expect.poll(() => other.getByTestId('import-preview').textContent(), { timeout: 15_000 }).toContain('新增企业 1 家');
    await other.getByTestId('import-confirm').click();
    await other.getByTestId('import-done').waitFor();
    await other.goto(app.url);
    await expect.poll(() => other.getByTestId('firm-card').first().textContent()).toContain('加密备份企业');
    await fresh.close();
    await context.close();
  });
});
