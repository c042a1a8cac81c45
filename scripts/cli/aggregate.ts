// npm run -s aggregate -- DIR [--format json|csv] — the programme view of every export file under DIR:
// one row per firm (latest assessment wins) and the need groups. Files are read one at a time and only a
// per-firm summary is kept. Exit: 0 all files good, 1 some file bad, 2 usage error. Rules: docs/programme.md.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue } from '../../src/content/index';
import { parseExportFile } from '../../src/domain/file-format';
import { PortfolioBuilder, averageProfile, stageDistribution, stageMovement, type PortfolioRow } from '../../src/domain/portfolio';
import { needGroups, type NeedGroup } from '../../src/domain/need-groups';
import { csvCell, type CsvValue } from '../../src/domain/csv';
import { formatIssue } from './messages';

const USAGE = 'usage: npm run -s aggregate -- DIR [--format json|csv]';
const MODULES = catalogue.modules.map((m) => m.id);

/** *.json files under dir, depth first, names in code-point order. */
function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile() && e.name.toLowerCase().endsWith('.json')) yield path;
  }
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/** A row as printed: flat, without the plan. */
function printed(r: PortfolioRow) {
  const a = r.latest;
  return {
    firmId: r.firmId,
    name: r.name,
    creditCode: r.creditCode,
    industry: r.industry,
    sizeClass: r.sizeClass,
    district: r.district,
    assessments: r.assessmentCount,
    assessmentId: a?.id ?? null,
    assessedOn: a?.assessedOn ?? null,
    assessor: a?.assessor ?? null,
    status: a?.status ?? null,
    stage: r.stage,
    overall100: round1(r.overall100),
    modules: Object.fromEntries(MODULES.map((m) => [m, a?.moduleLevels[m] ?? null])),
    moduleValues: Object.fromEntries(MODULES.map((m) => [m, round2(a?.moduleValues[m] ?? null)])),
    weakest: a?.weakest ?? [],
    coverage: a?.coverage ?? null,
    previousId: r.previousId,
    overallDelta100: round1(r.overallDelta100),
    stageBefore: r.stageBefore,
    certificationStep: a?.certificationStep ?? null,
  };
}

const ROW_HEADER = [
  'firmId', 'name', 'creditCode', 'industry', 'sizeClass', 'district', 'assessments', 'assessmentId', 'assessedOn', 'assessor', 'status',
  'stage', 'overall100', ...MODULES, 'weakest', 'answered', 'notApplicable', 'total', 'previousId', 'overallDelta100', 'stageBefore', 'certificationStep',
];

function csvRow(values: CsvValue[]): string {
  return values.map(csvCell).join(',');
}

function toCsv(rows: ReturnType<typeof printed>[], groups: NeedGroup[]): string {
  const lines = [csvRow(ROW_HEADER)];
  for (const r of rows) {
    lines.push(
      csvRow([
        r.firmId, r.name, r.creditCode, r.industry, r.sizeClass, r.district, r.assessments, r.assessmentId, r.assessedOn, r.assessor, r.status,
        String(r.stage), r.overall100, ...MODULES.map((m) => r.modules[m] ?? null), r.weakest.join(' '),
        r.coverage?.answered ?? null, r.coverage?.notApplicable ?? null, r.coverage?.total ?? null,
        r.previousId, r.overallDelta100, r.stageBefore === null ? null : String(r.stageBefore), r.certificationStep,
      ]),
    );
  }
  lines.push('', csvRow(['group', 'module', 'count', 'firmIds', 'topActions']));
  for (const g of groups) {
    lines.push(csvRow([g.id, g.moduleId, g.count, g.firmIds.join(' '), g.topActions.map((t) => `${t.actionId}(${t.firms})`).join(' ')]));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function main(): number {
  const args = process.argv.slice(2);
  let format: 'json' | 'csv' = 'json';
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value !== 'json' && value !== 'csv') {
        console.error(`--format must be json or csv\n${USAGE}`);
        return 2;
      }
      format = value;
    } else if (arg.startsWith('-')) {
      console.error(`unknown option ${arg}\n${USAGE}`);
      return 2;
    } else dirs.push(arg);
  }
  if (dirs.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const dir = dirs[0]!;
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`${dir}: not a folder\n${USAGE}`);
    return 2;
  }

  const builder = new PortfolioBuilder(catalogue);
  let files = 0;
  let bad = 0;
  for (const path of walk(dir)) {
    files += 1;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      bad += 1;
      console.error(`${path}: cannot read file: ${(e as Error).message}`);
      continue;
    }
    const result = parseExportFile(text);
    if (!result.ok) {
      bad += 1;
      console.error(`${path}: not a valid assessment file (${result.issues.length} problem(s)):`);
      for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
      continue;
    }
    const other = result.file.assessments.filter((a) => a.catalogueVersion !== catalogue.version).length;
    if (other > 0) console.error(`${path}: ${other} assessment(s) answered against another catalogue version; scored with ${catalogue.version}`);
    builder.add(result.file.firms, result.file.assessments);
  }

  const rows = builder.rows();
  const groups = needGroups(rows, MODULES);
  const table = rows.map(printed);
  if (format === 'csv') process.stdout.write(toCsv(table, groups));
  else {
    const out = {
      catalogueVersion: catalogue.version,
      files,
      badFiles: bad,
      firms: table.length,
      stageDistribution: stageDistribution(rows),
      stageMovement: stageMovement(rows),
      averageProfile: averageProfile(rows).map((p) => ({ ...p, mean: round2(p.mean) })),
      rows: table,
      groups,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  }
  if (process.env.QMM_REPORT_RSS === '1') {
    console.error(`qmm-aggregate: files=${files} firms=${rows.length} maxRSS=${process.resourceUsage().maxRSS} KB`);
  }
  return bad > 0 ? 1 : 0;
}

process.exitCode = main();
