// npm run bench — measures the built app in Debian's Chromium and prints figures against the targets.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedFile } from './data';
import { serialize } from '../src/db/transfer';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launch, startServer } from '../tests/browser/harness';

type Row = [label: string, value: string, target: string, ok: boolean | null];
const rows: Row[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const tmp = mkdtempSync(join(tmpdir(), 'qmm-bench-'));
const { server, url } = await startServer();
const browser = await launch();
try {
  // 1. JavaScript loaded for the first screen (home), gzipped.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await page.goto(url);
    await page.getByTestId('new-firm').waitFor();
    await page.waitForLoadState('networkidle');
    let gz = 0;
    const outDir = process.env.QMM_OUT_DIR ?? 'dist';
    for (const path of scripts) gz += gzipSync(readFileSync(`${outDir}${path}`), { level: 9 }).length;
    const raw = [...scripts].reduce((n, p) => n + statSync(`${outDir}${p}`).size, 0);
    rows.push(['first-screen JavaScript (gzip)', `${(gz / 1024).toFixed(1)} KB (${scripts.size} files, ${(raw / 1024).toFixed(0)} KB raw)`, '< 150 KB', gz < 150 * 1024]);
    await context.close();
  }

  // A firm with a draft assessment, made through the interface.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('new-firm').click();
  await page.getByLabel('企业名称').fill('基准测试企业');
  await page.getByTestId('save-firm').click();
  await page.getByTestId('start-assessment').click();
  await page.waitForURL(/\/i\/STR-01$/);
  const questionnaireUrl = page.url();

  // 2. Navigation to an interactive questionnaire (cold: new context with empty cache; warm: reload).
  const interactive = async (p: Page) =>
    p.waitForFunction(
      () => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="level-1"] input');
        return input && !input.disabled ? performance.now() : false;
      },
      undefined,
      { polling: 'raf' },
    ).then((h) => h.jsonValue() as Promise<number>);
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const p = await context.newPage();
    await p.goto(questionnaireUrl, { waitUntil: 'commit' });
    cold.push(await interactive(p));
    await p.close();
  }
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.reload({ waitUntil: 'commit' });
    warm.push(await interactive(page));
  }
  rows.push(['navigation → interactive questionnaire', `median ${ms(median(warm))} (first load ${ms(cold[0]!)}, ${cold.length} fresh tabs median ${ms(median(cold))})`, '< 1000 ms', Math.max(median(warm), median(cold)) < 1000]);

  // 3. Picking a level → answer committed in IndexedDB, over all 40 indicators.
  const latencies: number[] = [];
  for (let i = 0; i < 40; i++) {
    const level = (i % 5) + 1;
    const latency = await page.evaluate(async (lv) => {
      const done = new Promise<number>((resolve) => {
        const obs = new PerformanceObserver((list) => {
          const mark = list.getEntries().find((e) => e.name === 'qmm:answer-saved');
          if (mark) {
            obs.disconnect();
            resolve(mark.startTime);
          }
        });
        obs.observe({ type: 'mark' });
      });
      const input = document.querySelector<HTMLInputElement>(`[data-testid="level-${lv}"] input`)!;
      const t0 = performance.now();
      input.click();
      return (await done) - t0;
    }, level);
    latencies.push(latency);
    if (i < 39) {
      const before = page.url();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((u) => location.href !== u, before);
      await page.getByTestId('level-1').waitFor();
    }
  }
  rows.push(['level picked → committed to IndexedDB', `median ${ms(median(latencies))}, p95 ${ms(pct(latencies, 95))} (n=${latencies.length})`, 'p95 < 16 ms', pct(latencies, 95) < 16]);

  // 4. PDF report of the completed assessment: first export (loads the report code and fonts) and a second.
  await page.getByTestId('go-finish').click();
  await page.getByTestId('complete').click();
  await page.waitForURL(/\/results$/);
  await page.getByTestId('report-number').filter({ hasText: 'QMM-' }).waitFor();
  const exportOnce = async () => {
    const t0 = Date.now();
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-pdf').click()]);
    const path = join(tmp, `report-${t0}.pdf`);
    await d.saveAs(path);
    return { ms: Date.now() - t0, size: statSync(path).size };
  };
  const first = await exportOnce();
  const second = await exportOnce();
  rows.push(['PDF report, first export', `${ms(first.ms)}, ${(first.size / 1024).toFixed(0)} KB`, '< 2000 ms, < 1.5 MB', first.ms < 2000 && first.size < 1.5 * 1024 * 1024]);
  rows.push(['PDF report, second export', ms(second.ms), '', null]);
  await context.close();

  // 5. 1,000 stored assessments (200 firms): import, export, home screen.
  {
    const n = 1000;
    const file = join(tmp, 'seed-1000.json');
    writeFileSync(file, serialize(seedFile(n)));
    const ctx = await browser.newContext({ acceptDownloads: true });
    const p = await ctx.newPage();
    await p.goto(url);
    await p.getByTestId('nav-data').click();
    let t0 = Date.now();
    await p.getByTestId('import-file').setInputFiles(file);
    await p.getByTestId('import-preview').waitFor({ timeout: 300_000 });
    const previewMs = Date.now() - t0;
    t0 = Date.now();
    await p.getByTestId('import-confirm').click();
    await p.getByTestId('import-done').waitFor({ timeout: 300_000 });
    const applyMs = Date.now() - t0;
    rows.push([`import ${n} assessments (preview + write)`, `${ms(previewMs)} + ${ms(applyMs)}`, '', null]);
    t0 = Date.now();
    const [d] = await Promise.all([p.waitForEvent('download', { timeout: 300_000 }), p.getByTestId('backup-all').click()]);
    await d.saveAs(join(tmp, 'export-1000.json'));
    rows.push([`export ${n} assessments`, `${ms(Date.now() - t0)} (${(statSync(join(tmp, 'export-1000.json')).size / 1024 / 1024).toFixed(1)} MB)`, '', null]);
    const homes: number[] = [];
    for (let i = 0; i < 3; i++) {
      await p.goto('about:blank');
      await p.goto(url, { waitUntil: 'commit' });
      const shown = await p
        .waitForFunction((count) => (document.querySelectorAll('[data-testid="firm-card"]').length >= count ? performance.now() : false), n / 5, { polling: 'raf', timeout: 120_000 })
        .then((h) => h.jsonValue() as Promise<number>);
      homes.push(shown);
    }
    rows.push([`home screen with ${n} assessments`, `median ${ms(median(homes))} from navigation to all ${n / 5} firms shown`, '', null]);
    await ctx.close();
  }

  // 6. Programme screen with 1,000 firms (2 assessments each): from the click on the menu until the table's first
  // page is shown and the count says all 1,000.
  {
    const firms = 1000;
    const file = join(tmp, 'seed-programme.json');
    writeFileSync(file, serialize(seedFile(firms * 2, 2)));
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    await p.goto(url);
    await p.getByTestId('nav-data').click();
    await p.getByTestId('import-file').setInputFiles(file);
    await p.getByTestId('import-preview').waitFor({ timeout: 300_000 });
    await p.getByTestId('import-confirm').click();
    await p.getByTestId('import-done').waitFor({ timeout: 600_000 });
    const visit = async (reload = false) => {
      await p.getByTestId('nav-data').click();
      await p.getByTestId('backup-all').waitFor();
      if (reload) {
        await p.reload();
        // Let the data screen finish its own reading (storage use, unexported count) first: it is not part of
        // the programme screen's time.
        await p.getByTestId('storage-usage').waitFor();
        await p.waitForLoadState('networkidle');
      }
      const t0 = await p.evaluate(() => performance.now());
      await p.getByTestId('nav-programme').click();
      const t1 = await p
        .waitForFunction(
          (count) =>
            document.querySelectorAll('[data-testid="portfolio-row"]').length > 0 && document.querySelector('[data-testid="programme-count"]')?.textContent?.includes(String(count))
              ? performance.now()
              : false,
          firms,
          { polling: 'raf', timeout: 120_000 },
        )
        .then((h) => h.jsonValue() as Promise<number>);
      return t1 - t0;
    };
    // After an import nothing is scored yet; the first visit scores every assessment and keeps the snapshots.
    const afterImport = await visit();
    const later = [await visit(), await visit(), await visit()];
    // A new session (reload): the snapshots kept in IndexedDB are read instead of 80,000 answers.
    const newSession: number[] = [];
    for (let i = 0; i < 3; i++) newSession.push(await visit(true));
    rows.push([`programme screen, ${firms} firms, right after importing them`, `${ms(afterImport)} (reads and scores ${firms * 2} assessments once)`, '', null]);
    rows.push([`programme screen, ${firms} firms, first visit of a session`, `median ${ms(median(newSession))} (${newSession.map((x) => x.toFixed(0)).join(', ')} ms)`, '< 500 ms', median(newSession) < 500]);
    rows.push([`programme screen, ${firms} firms, later visits`, `median ${ms(median(later))} (${later.map((x) => x.toFixed(0)).join(', ')} ms)`, '< 500 ms', median(later) < 500]);
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log('\nBenchmarks (built app, Debian Chromium headless)\n');
for (const [label, value, target, ok] of rows) {
  console.log(`${label.padEnd(width)}  ${value}   target ${target}${ok === null ? '' : ok ? '  ✓' : '  ✗ over target'}`);
}
