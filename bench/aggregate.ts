// npx tsx bench/aggregate.ts [counts…] — writes 1,000 and 10,000 export files (seedFile(1) style: one firm, one
// assessment with 40 answers and 8 plan decisions each; two files per firm, a year apart) into a temp folder,
// runs the aggregate CLI on each folder as a child process and prints wall time and peak RSS (the CLI's own
// process.resourceUsage().maxRSS, printed with QMM_REPORT_RSS=1). Targets: 10,000 files < 10 s, flat memory.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { seedFile } from './data';

const exec = promisify(execFile);
const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const root = mkdtempSync(join(tmpdir(), 'qmm-bench-agg-'));

function writeFolder(n: number): string {
  const dir = join(root, String(n));
  const base = seedFile(1);
  for (let k = 0; k < n; k++) {
    const sub = join(dir, String(Math.floor(k / 1000))); // 1,000 files per folder, as an office might keep them
    if (k % 1000 === 0) mkdirSync(sub, { recursive: true });
    const firmId = `bench-firm-${Math.floor(k / 2)}`;
    base.firms[0]!.id = firmId;
    base.firms[0]!.name = `基准企业${Math.floor(k / 2)}有限公司`;
    Object.assign(base.assessments[0]!, { id: `bench-a-${k}`, firmId, previousId: null, assessedOn: k % 2 === 0 ? '2025-06-01' : '2026-06-01' });
    writeFileSync(join(sub, `export-${k}.json`), JSON.stringify(base));
  }
  return dir;
}

try {
  for (const n of counts.length ? counts : [1000, 10_000]) {
    const dir = writeFolder(n);
    for (const format of ['json', 'csv']) {
      const start = performance.now();
      const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'scripts/cli/aggregate.ts', dir, '--format', format], {
        env: { ...process.env, QMM_REPORT_RSS: '1' },
        maxBuffer: 1024 * 1024 * 1024,
      });
      const wall = (performance.now() - start) / 1000;
      const rss = Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
      const ok = n < 10_000 || wall < 10;
      console.log(
        `${String(n).padStart(6)} files, ${format.padEnd(4)}: ${wall.toFixed(2)} s wall, peak RSS ${rss.toFixed(0)} MB, output ${(stdout.length / 1024 / 1024).toFixed(1)} M chars${n >= 10_000 ? ` (target < 10 s: ${ok ? 'ok' : 'MISSED'})` : ''}`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
