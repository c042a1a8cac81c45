import { launch, startServer } from './harness';
const { server, url } = await startServer();
const b = await launch();
const page = await b.newPage();
await page.goto(url);
await page.getByTestId('new-firm').click();
await page.getByLabel('企业名称').fill('x');
await page.getByTestId('save-firm').click();
await page.getByTestId('start-assessment').click();
await page.waitForURL(/\/i\/STR-01$/);
const res = [];
for (let i = 0; i < 25; i++) {
  await page.getByTestId('level-1').waitFor();
  res.push(await page.evaluate(`(async () => {
    performance.clearMarks();
    const done = new Promise((resolve) => { const obs = new PerformanceObserver((l) => { if (l.getEntries().some(e => e.name === 'qmm:answer-saved')) { obs.disconnect(); resolve(); } }); obs.observe({ type: 'mark' }); });
    const t0 = performance.now();
    document.querySelector('[data-testid="level-${(i % 5) + 1}"] input').click();
    await done;
    const g = (n) => Math.round((performance.getEntriesByName(n)[0].startTime - t0) * 10) / 10;
    return ['dbg:save-call','dbg:tx-call','dbg:tx-body','dbg:read-done','dbg:write-done','qmm:answer-saved'].map(g).join(' ');
  })()`));
  const before = page.url();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((u) => location.href !== u, before);
}
console.log(res.join('\n'));
await b.close(); await server.close();
