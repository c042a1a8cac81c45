// npm test: type-check, lint, unit and component tests, then browser tests in real Chromium.
// Every step runs; the last line counts every check and test: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const OUT = 'test-results';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
let passed = 0;
let failed = 0;

function run(title, cmd, args) {
  console.log(`\n━━ ${title}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  return r.status === 0;
}

function check(title, cmd, args) {
  if (run(title, cmd, args)) passed++;
  else {
    failed++;
    console.error(`✗ ${title} failed`);
  }
}

function suite(title, cmd, args, jsonFile) {
  const ok = run(title, cmd, args);
  if (!existsSync(jsonFile)) {
    failed++;
    console.error(`✗ ${title} produced no results`);
    return;
  }
  const r = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numPendingTests + r.numTodoTests;
  if (r.numPendingTests + r.numTodoTests > 0) console.error(`✗ ${title}: skipped tests count as failed`);
  // A suite that failed to load has no failed test but a failed run.
  if (!ok && r.numFailedTests === 0) failed++;
}

check('type-check', 'npx', ['vue-tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
suite('unit and component tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${OUT}/unit.json`], `${OUT}/unit.json`);
if (run('chromium', 'node', ['scripts/check-chromium.mjs']) && run('build', 'npx', ['vite', 'build'])) {
  suite(
    'browser tests',
    'npx',
    ['vitest', 'run', '--config', 'vitest.browser.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${OUT}/browser.json`],
    `${OUT}/browser.json`,
  );
} else {
  failed++;
  console.error('✗ browser tests could not run (see above)');
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
