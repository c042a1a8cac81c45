// Synthetic data for storage benchmarks: seedFile(n) is a valid export file of n assessments with 40
// answers and 8 plan decisions each (firms with targets), to import into a browser (bench/run.ts) or into fake-indexeddb.
// `npx tsx bench/data.ts [n]` measures export and import of n stored assessments on fake-indexeddb in Node.
import { buildExportFile, type ExportFile, type FileAssessment, type FileFirm } from '../src/domain/file-format';
import type { PlanItemState, PlanStatus } from '../src/domain/result-types';
import type { Answer, MaturityLevel } from '../src/domain/types';

const MODULES = ['STR', 'PLN', 'RES', 'BUS', 'PRD', 'SRV', 'MON', 'IMP'];
const INDICATORS = MODULES.flatMap((m) => [1, 2, 3, 4, 5].map((i) => `${m}-0${i}`));
const T = '2026-11-23T08:00:00.000Z';
const STATUSES: PlanStatus[] = ['accepted', 'inProgress', 'done', 'rejected'];

/** n assessments, 5 per firm, every indicator answered with a short note, 8 decisions each. Deterministic. */
export function seedFile(n: number, perFirm = 5): ExportFile {
  const firms: FileFirm[] = [];
  const assessments: FileAssessment[] = [];
  for (let i = 0; i < n; i++) {
    const f = Math.floor(i / perFirm);
    if (i % perFirm === 0) {
      firms.push({
        id: `bench-firm-${f}`, name: `基准企业${f}有限公司`, creditCode: '', industry: 'C', sizeClass: 'small', district: '滨海新区',
        employees: 20 + (f % 50), contact: '', createdAt: T, updatedAt: T,
        targets: { modules: { STR: 4, PRD: 3 }, indicators: { 'STR-01': 5 } },
      });
    }
    const answers: Answer[] = INDICATORS.map((indicatorId, k) => ({
      indicatorId, level: (((i + k) % 5) + 1) as MaturityLevel, notApplicable: false, naReason: '',
      note: `第${k + 1}项：已有制度文件，执行记录保存在办公室。`, evidence: '制度文件、记录表', updatedAt: T,
    }));
    const planStates: PlanItemState[] = MODULES.map((m, k) => ({
      actionId: `${m}-0${(k % 5) + 1}-L${(k % 4) + 1}-1`, status: STATUSES[(i + k) % STATUSES.length]!, text: '', owner: '质量主管',
      dueDate: '2027-06-30', note: `第${k + 1}条措施的进展记录。`, updatedAt: T,
    }));
    assessments.push({
      id: `bench-a-${i}`, firmId: `bench-firm-${f}`, catalogueVersion: '2026.1.0', assessor: '基准', status: 'completed',
      assessedOn: `20${20 + (i % perFirm)}-06-01`, previousId: i % perFirm === 0 ? null : `bench-a-${i - 1}`,
      createdAt: T, updatedAt: T, completedAt: T, answers, planStates,
    });
  }
  return buildExportFile(firms, assessments, { appVersion: 'bench', exportedAt: T });
}

async function measure(n: number): Promise<void> {
  const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
  const { AppDatabase, useDatabase } = await import('../src/db/schema');
  const { applyImport, exportAll, previewImport, serialize } = await import('../src/db/transfer');
  const { parseExportFile } = await import('../src/domain/file-format');
  const time = async <T>(label: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await work();
    console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
    return result;
  };
  const file = seedFile(n);
  console.log(`${n} assessments × (40 answers + 8 plan decisions), fake-indexeddb ${process.version}`);
  useDatabase(new AppDatabase(`bench-${Date.now()}`, { indexedDB, IDBKeyRange }));
  const text = JSON.stringify(file);
  const parsed = await time('parse + validate (parseExportFile)', () => parseExportFile(text));
  if (!parsed.ok) throw new Error('seed file invalid');
  const plan = await time('plan against an empty store (previewImport)', () => previewImport(parsed.file));
  await time('apply (one transaction)', () => applyImport(parsed.file, plan));
  const again = await time('plan again: all identical', () => previewImport(parsed.file));
  console.log(`  identical: ${again.assessments.filter((a) => a.kind === 'identical').length}`);
  const edited = { ...parsed.file, assessments: parsed.file.assessments.map((a) => ({ ...a, assessor: '改过' })) };
  const conflicts = await time('plan: every assessment in conflict', () => previewImport(edited));
  const replaceAll = Object.fromEntries(conflicts.conflicts.map((c) => [c.key, 'replace' as const]));
  await time('apply, replacing every assessment', () => applyImport(edited, conflicts, replaceAll));
  const out = await time('exportAll', () => exportAll());
  const json = await time('serialize', () => serialize(out));
  console.log(`  file size ${(json.length / 1024 / 1024).toFixed(1)} M characters`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) {
  await measure(Number(process.argv[2] ?? 1000));
}
