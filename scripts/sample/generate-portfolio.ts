// npx tsx scripts/sample/generate-portfolio.ts — writes src/content/sample/portfolio.json: a clearly fictional
// portfolio of about 30 firms (names start with 示例·) for demonstrations and tests. Deterministic: seeded PRNG,
// fixed dates; running it again gives the same bytes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogue } from '../../src/content/index';
import { buildExportFile, type FileAssessment, type FileFirm } from '../../src/domain/file-format';
import { creditCodeCheckCharacter } from '../../src/domain/credit-code';
import { scoreAssessment } from '../../src/domain/score';
import { buildPlan } from '../../src/domain/plan';
import { NO_TARGETS } from '../../src/domain/targets';
import type { PlanItemState, PlanStatus } from '../../src/domain/result-types';
import type { Answer, MaturityLevel, SizeClass } from '../../src/domain/types';

export const SAMPLE_PATH = 'src/content/sample/portfolio.json';
const FIRM_COUNT = 30;
const T = (date: string) => `${date}T08:00:00.000Z`;

/** mulberry32: small, seeded, good enough for sample data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Tianjin districts with their administrative codes (GB/T 2260).
const DISTRICTS: [string, string, string][] = [
  ['滨海新区', '滨海', '120116'], ['西青区', '西青', '120111'], ['武清区', '武清', '120114'], ['北辰区', '北辰', '120113'],
  ['津南区', '津南', '120112'], ['东丽区', '东丽', '120110'], ['静海区', '静海', '120118'], ['宝坻区', '宝坻', '120115'],
  ['南开区', '南开', '120104'], ['河西区', '河西', '120103'], ['河北区', '河北', '120105'], ['蓟州区', '蓟州', '120119'],
];
// GB/T 4754-2017 sections with a line of business each.
const TRADES: [string, string][] = [
  ['C', '精密机械'], ['C', '塑料制品'], ['C', '电子元件'], ['C', '食品'], ['C', '包装材料'], ['C', '五金制品'],
  ['E', '建筑安装'], ['F', '商贸'], ['G', '物流'], ['H', '餐饮管理'], ['I', '软件科技'], ['M', '检测技术'], ['L', '企业管理咨询'],
];
const SIZES: SizeClass[] = ['micro', 'small', 'medium'];
const MODULES = catalogue.modules.map((m) => m.id);
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

type Kind = 'even' | 'spiky' | 'low' | 'mixed' | 'partial';
const clamp = (n: number) => Math.max(1, Math.min(5, Math.round(n))) as MaturityLevel;

/** Base level per module for a profile kind. */
function baseLevels(kind: Kind, rnd: () => number): number[] {
  const base = 2 + Math.floor(rnd() * 3); // 2–4
  switch (kind) {
    case 'even':
      return MODULES.map(() => base);
    case 'spiky':
      return MODULES.map((_, i) => (i === Math.floor(rnd() * 8) || i === 5 ? 1 : 4));
    case 'low':
      return MODULES.map(() => (rnd() < 0.7 ? 1 : 2));
    default:
      return MODULES.map(() => clamp(base - 1 + rnd() * 2));
  }
}

function answersFor(levels: number[], rnd: () => number, date: string, opts: { partial?: boolean; na?: string[] } = {}): Answer[] {
  return catalogue.modules.flatMap((m, mi) =>
    m.indicators.flatMap((ind, ii): Answer[] => {
      if (opts.partial && mi >= 5 && ii >= 1) return []; // the last modules barely started
      const na = opts.na?.includes(ind.id) ?? false;
      const noise = rnd() < 0.25 ? (rnd() < 0.5 ? -1 : 1) : 0;
      return [
        {
          indicatorId: ind.id,
          level: na ? null : clamp(levels[mi]! + noise),
          notApplicable: na,
          naReason: na ? '示例：本企业为软件服务企业，无实物产品的生产和交付，此项经评价人员确认不适用。' : '',
          note: '',
          evidence: '',
          updatedAt: T(date),
        },
      ];
    }),
  );
}

function creditCode(district: string, rnd: () => number): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CODE_CHARS[Math.floor(rnd() * 10)]; // digits only, like most codes
  const first17 = `91${district}${org}`;
  return first17 + creditCodeCheckCharacter(first17)!;
}

const DATES = ['2025-04-15', '2025-10-20', '2026-05-18'];
const STATUSES: PlanStatus[] = ['done', 'done', 'inProgress', 'accepted'];

/** The sample portfolio as the text of one export file (version 2). */
export function generatePortfolio(): string {
  const rnd = prng(20261123);
  const firms: FileFirm[] = [];
  const assessments: FileAssessment[] = [];
  for (let i = 0; i < FIRM_COUNT; i++) {
    const [district, short, code] = DISTRICTS[i % DISTRICTS.length]!;
    const [industry, trade] = i === 7 ? ['I', '软件科技'] : TRADES[(i * 5) % TRADES.length]!;
    const id = `sample-firm-${String(i + 1).padStart(2, '0')}`;
    const created = T(DATES[0]!);
    firms.push({
      id, name: `示例·${short}某某${trade}有限公司`, creditCode: creditCode(code, rnd), industry, sizeClass: SIZES[i % 3]!, district,
      employees: [8, 35, 160][i % 3]! + Math.floor(rnd() * 20), contact: '示例数据，非真实企业', createdAt: created, updatedAt: created,
      targets: i % 6 === 0 ? { modules: { SRV: 3 }, indicators: {} } : null,
    });
    if (i === FIRM_COUNT - 1) continue; // one firm on the list, not yet assessed
    const kind: Kind = i === 7 ? 'mixed' : i === 12 ? 'partial' : (['even', 'spiky', 'low', 'mixed'] as const)[i % 4]!;
    const rounds = i < 6 ? 3 : i < 11 ? 2 : 1;
    let levels = baseLevels(kind, rnd);
    let previous: FileAssessment | null = null;
    for (let r = 0; r < rounds; r++) {
      const date = DATES[r]!;
      const last = r === rounds - 1;
      const answers = answersFor(levels, rnd, date, { partial: kind === 'partial', na: i === 7 ? ['PRD-03', 'PRD-04'] : [] });
      const draft = kind === 'partial' || (last && i === 10);
      // Decisions: earlier rounds have their first actions done; the latest some in progress.
      const plan = buildPlan(catalogue, scoreAssessment(catalogue, answers), NO_TARGETS);
      const planStates: PlanItemState[] = plan.slice(0, last ? 3 : 4).map((item, k) => ({
        actionId: item.actionId, status: last ? STATUSES[(k + 2) % 4]! : 'done', text: '', owner: '质量负责人', dueDate: DATES[r + 1] ?? '2026-12-31',
        note: '', updatedAt: T(date),
      }));
      const a: FileAssessment = {
        id: `sample-a-${String(i + 1).padStart(2, '0')}-${r + 1}`, firmId: id, catalogueVersion: catalogue.version, assessor: `示例评价员${(i % 3) + 1}`,
        assessedOn: date, status: draft ? 'draft' : 'completed', previousId: previous?.id ?? null, createdAt: T(date), updatedAt: T(date),
        completedAt: draft ? null : T(date), answers, planStates: i % 2 === 0 || !last ? planStates : [],
      };
      assessments.push(a);
      previous = a;
      // Re-assessment after help: the weakest modules rise by one, one other module by chance.
      const low = Math.min(...levels);
      levels = levels.map((l) => (l === low || rnd() < 0.2 ? Math.min(5, l + 1) : l));
    }
  }
  const file = buildExportFile(firms, assessments, { appVersion: 'sample', exportedAt: T('2026-11-23') });
  return `${JSON.stringify(file, null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SAMPLE_PATH, generatePortfolio());
  console.log(`wrote ${SAMPLE_PATH}`);
}
