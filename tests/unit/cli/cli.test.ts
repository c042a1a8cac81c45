import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildExportFile } from '../../../src/domain/file-format';
import { catalogue } from '../../../src/content/index';
import { answer } from '../fixtures';
import type { MaturityLevel } from '../../../src/domain/types';

const exec = promisify(execFile);
const run = (script: string, args: string[] = []) =>
  exec(process.execPath, ['--import', 'tsx', `scripts/cli/${script}.ts`, ...args], { maxBuffer: 20 * 1024 * 1024 });
const dir = mkdtempSync(join(tmpdir(), 'qmm-cli-'));
const NOW = '2026-11-23T08:00:00.000Z';

function writeFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const allThree = catalogue.modules.flatMap((m) => m.indicators.map((i) => answer(i.id, 3 as MaturityLevel)));
const file = buildExportFile(
  [{ id: 'f1', name: '测试企业', creditCode: '', industry: 'C', sizeClass: 'micro', district: '', employees: 8, contact: '', createdAt: NOW, updatedAt: NOW }],
  [{ id: 'a1', firmId: 'f1', catalogueVersion: catalogue.version, assessor: '', assessedOn: '2026-11-23', status: 'completed', previousId: null, createdAt: NOW, updatedAt: NOW, completedAt: NOW, answers: allThree }],
  { appVersion: 'test', exportedAt: NOW },
);

describe('npm run -s catalogue', () => {
  it('prints the catalogue as JSON in the documented shape', async () => {
    const { stdout } = await run('catalogue');
    const printed = JSON.parse(stdout);
    expect(printed.version).toBe(catalogue.version);
    expect(printed.levels).toHaveLength(5);
    expect(printed.levels[0]).toMatchObject({ level: 1, name: { zh: '初始级', en: 'Initial' } });
    expect(printed.modules).toHaveLength(8);
    const ind = printed.modules[0].indicators[0];
    expect(Object.keys(ind)).toEqual(expect.arrayContaining(['id', 'name', 'question', 'levels', 'evidence', 'clauses', 'weight']));
    expect(ind.levels[0]).toMatchObject({ level: 1, descriptor: { zh: expect.any(String), en: expect.any(String) }, actions: expect.any(Array) });
  });
});

describe('npm run -s score -- FILE', () => {
  it('prints the scores of a valid file', async () => {
    const { stdout } = await run('score', [writeFile('good.json', file)]);
    const out = JSON.parse(stdout);
    expect(out.assessments).toHaveLength(1);
    expect(out.assessments[0]).toMatchObject({ assessmentId: 'a1', firmName: '测试企业', value: 3, score100: 50, stage: { kind: 'given', stage: 3 } });
    expect(out.assessments[0].modules).toHaveLength(8);
  });

  it('names what is wrong and where, and exits non-zero', async () => {
    const bad = JSON.parse(JSON.stringify(file));
    bad.assessments[0].answers[2].level = 9;
    const err = await run('score', [writeFile('bad.json', bad)]).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('assessments[0].answers[2].level');
    expect(err.stderr).toContain('取值不在允许的范围内');
  });

  it('says so for a truncated file and for a missing one', async () => {
    const truncated = await run('score', [writeFile('cut.json', JSON.stringify(file).slice(0, 100))]).catch((e) => e);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('不是有效的 JSON');
    const missing = await run('score', [join(dir, 'nope.json')]).catch((e) => e);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read file');
  });
});
