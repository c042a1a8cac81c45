import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildExportFile } from '../../../src/domain/file-format';
import { catalogue } from '../../../src/content/index';
import { answer } from '../fixtures';
import type { MaturityLevel } from '../../../src/domain/types';

const exec = promisify(execFile);
const NOW = '2026-11-23T08:00:00.000Z';
type Result = { code: number; stdout: string; stderr: string };
const run = (args: string[]): Promise<Result> =>
  exec(process.execPath, ['--import', 'tsx', 'scripts/cli/aggregate.ts', ...args], { maxBuffer: 20 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: Result) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

const all = (level: MaturityLevel) => catalogue.modules.flatMap((m) => m.indicators.map((i) => answer(i.id, level)));
const firm = (id: string, name: string) => ({
  id, name, creditCode: '', industry: 'C', sizeClass: 'micro' as const, district: '滨海新区', employees: 8, contact: '', createdAt: NOW, updatedAt: NOW,
});
const assessment = (id: string, firmId: string, assessedOn: string, level: MaturityLevel) => ({
  id, firmId, catalogueVersion: catalogue.version, assessor: '评价员', assessedOn, status: 'completed' as const, previousId: null,
  createdAt: NOW, updatedAt: NOW, completedAt: NOW, answers: all(level),
});
const fileOf = (firms: ReturnType<typeof firm>[], list: ReturnType<typeof assessment>[]) => buildExportFile(firms, list, { appVersion: 'test', exportedAt: NOW });

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qmm-agg-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const good = {
  'a.json': fileOf([firm('f1', '甲公司')], [assessment('a1', 'f1', '2025-05-01', 2)]),
  'sub/deeper/b.json': fileOf([firm('f1', '甲公司'), firm('f2', '乙公司')], [assessment('a2', 'f1', '2026-05-01', 3), assessment('b1', 'f2', '2026-01-01', 1)]),
  'notes.txt': 'not read',
};
const badLevel = JSON.parse(JSON.stringify(fileOf([firm('f9', '丙公司')], [assessment('c1', 'f9', '2026-01-01', 2)])));
badLevel.assessments[0].answers[2].level = 9;
const bad = { 'bad-level.json': badLevel, 'cut.json': JSON.stringify(good['a.json']).slice(0, 80) };

describe('npm run -s aggregate -- DIR', () => {
  it('merges the firms of a good folder, latest assessment first, and prints JSON', async () => {
    const { code, stdout, stderr } = await run([folder(good)]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ files: 2, badFiles: 0, firms: 2, stageMovement: { up: 1, same: 0, down: 0, single: 1, unknown: 0 } });
    expect(out.stageDistribution).toMatchObject({ 1: 1, 3: 1 });
    const f1 = out.rows.find((r: { firmId: string }) => r.firmId === 'f1');
    expect(f1).toMatchObject({ assessments: 2, assessmentId: 'a2', assessedOn: '2026-05-01', stage: 3, overall100: 50, previousId: 'a1', overallDelta100: 25, stageBefore: 2 });
    expect(f1.modules).toEqual({ STR: 3, PLN: 3, RES: 3, BUS: 3, PRD: 3, SRV: 3, MON: 3, IMP: 3 });
    expect(f1.coverage).toEqual({ answered: 40, notApplicable: 0, total: 40 });
    expect(out.groups.map((g: { id: string }) => g.id)).toEqual(['basics', 'qms_ready', 'financing']);
    expect(out.groups[1]).toMatchObject({ firmIds: ['f1'], count: 1 });
    expect(out.groups[1].topActions).toHaveLength(5);
  });

  it('prints CSV with a BOM: the table, a blank line, then the groups', async () => {
    const { code, stdout } = await run([folder(good), '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFFfirmId,name,')).toBe(true);
    const lines = stdout.slice(1).split('\r\n');
    expect(lines[0]).toContain(',stage,overall100,STR,PLN,RES,BUS,PRD,SRV,MON,IMP,weakest,');
    // rows by name in code-point order: 乙 (U+4E59) before 甲 (U+7532)
    expect(lines[1]).toMatch(/^f2,乙公司,/);
    expect(lines[2]).toMatch(/^f1,甲公司,,C,micro,滨海新区,2,a2,2026-05-01,评价员,completed,3,50,3,3,3,3,3,3,3,3,,40,0,40,a1,25,2,qmsCertification$/);
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe('group,module,count,firmIds,topActions');
    expect(lines[5]).toMatch(/^basics,,1,f2,BUS-01-L1-1\(1\)/);
  });

  it('reports every bad file with its path and each issue, and exits 1', async () => {
    const dir = folder(bad);
    const { code, stdout, stderr } = await run([dir]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ files: 2, badFiles: 2, firms: 0, rows: [], groups: [] });
    expect(stderr).toContain(`${join(dir, 'bad-level.json')}: not a valid assessment file`);
    expect(stderr).toContain('assessments[0].answers[2].level: 取值不在允许的范围内');
    expect(stderr).toContain(`${join(dir, 'cut.json')}: not a valid assessment file`);
    expect(stderr).toContain('不是有效的 JSON');
  });

  it('keeps going past bad files in a mixed folder', async () => {
    const dir = folder({ ...good, ...bad });
    const { code, stdout, stderr } = await run([dir, '--format=json']);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ files: 4, badFiles: 2, firms: 2 });
    expect(stderr).toContain('bad-level.json');
    expect(stderr).not.toContain('b.json:');
  });

  it('exits 2 on usage errors', async () => {
    const dir = folder(good);
    for (const args of [[], [dir, dir], [dir, '--format', 'xml'], [dir, '--nope'], [join(dir, 'missing')]]) {
      const { code, stderr, stdout } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('usage: npm run -s aggregate -- DIR');
      expect(stdout).toBe('');
    }
  });

  it('reports its peak memory when QMM_REPORT_RSS=1', async () => {
    const { stderr } = await exec(process.execPath, ['--import', 'tsx', 'scripts/cli/aggregate.ts', folder(good)], { env: { ...process.env, QMM_REPORT_RSS: '1' } });
    expect(stderr).toMatch(/^qmm-aggregate: files=2 firms=2 maxRSS=\d+ KB$/m);
  });
});
