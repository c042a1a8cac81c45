// User text is never run as code: a strict CSP, and text rendered as text everywhere.
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './app';
import { recordErrors } from './harness';

const app = useBuiltApp();

const PAYLOADS = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '"><svg onload=alert(3)>', "javascript:alert(4)", '{{ 7*7 }}'];

describe('security', () => {
  it('the page forbids inline script and eval', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // Code evaluated by the test itself bypasses the policy, so both probes run later in the page's own context.
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean; evalRan?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.appendChild(s);
      (setTimeout as unknown as (code: string, ms: number) => void)('window.evalRan = true', 0);
      await new Promise((r) => setTimeout(r, 100));
      return { inline: w.injected === true, eval: w.evalRan === true };
    });
    expect(ran).toEqual({ inline: false, eval: false });
    await page.close();
  });

  it('markup typed into every text field is shown as text and never runs', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const errors = recordErrors(page);
    const p = PAYLOADS.join(' ');
    await page.goto(app.url);
    await page.getByTestId('new-firm').click();
    for (const label of ['企业名称', '所在区县', '联系人及电话']) await page.getByLabel(label).fill(`${label}${p}`.slice(0, 190));
    await page.getByTestId('save-firm').click();
    await page.getByLabel('评价人').fill(p);
    await page.getByTestId('start-assessment').click();
    await page.waitForURL(/\/i\/STR-01$/);
    await page.getByTestId('na-toggle').click();
    await page.getByLabel('不适用的原因').fill(p);
    await page.getByLabel('备注').fill(p);
    await page.getByLabel('证据（可查看的文件、记录）').fill(p);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    await page.reload();
    await expect.poll(() => page.getByLabel('备注').inputValue()).toBe(p);
    for (const path of ['#/', page.url().replace(/.*#/, '#').replace(/\/i\/.*$/, '/finish'), page.url().replace(/.*#/, '#').replace(/\/i\/.*$/, '/results')]) {
      await page.goto(`${app.url}/${path}`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('img[src="x"], svg[onload], main script').count(), path).toBe(0);
    }
    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('firm-card').first().textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(dialogs).toEqual([]);
    expect(errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
    await context.close();
  });
});
