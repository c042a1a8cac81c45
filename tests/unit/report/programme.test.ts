// Programme summary PDFs generated in Node from the sample portfolio with the real rules, checked with poppler.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/content';
import { STAGE_KEYS, stageDistribution, stageMovement } from '../../../src/domain/portfolio';
import { renderText } from '../../../src/domain/result-types';
import { catalogueNames } from '../../../src/domain/result';
import { fill } from '../../../src/report/format';
import { uncoveredCharacters } from '../../../src/report/fonts';
import { renderPdf } from '../../../src/report/generate';
import { buildProgrammeDocument } from '../../../src/report/programme/document';
import { describeFilter } from '../../../src/report/programme/filter';
import { collectProgrammeTexts } from '../../../src/report/programme/texts';
import type { ProgrammeReportInput } from '../../../src/report/programme/types';
import { fullFonts, mainFonts, nodeReportFonts } from '../../fixtures/report/fonts';
import { compact, inkPerPage, pageCount, pdfFonts, pdfText } from '../../fixtures/report/pdf';
import { RARE_NAME, programmeInput, programmeLabels, repeatedFile } from '../../fixtures/report/programme-input';

const dir = mkdtempSync(join(tmpdir(), 'qmm-programme-'));
const T = 120_000;
// Landscape A4: header and footer bands of the page height.
const BAND = { top: 60 / 595.28, bottom: 54 / 595.28 };

interface Rendered {
  file: string;
  bytes: number;
  text: string;
  pages: number;
}

async function render(name: string, input: ProgrammeReportInput): Promise<Rendered> {
  const pdf = await renderPdf((plan) => buildProgrammeDocument(input, plan), await nodeReportFonts(collectProgrammeTexts(input)));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return { file, bytes: pdf.length, text: compact(pdfText(file)), pages: pageCount(file) };
}

function expectNoBlankPage(r: Rendered, name: string): void {
  const pagesDir = join(dir, `${name}-pages`);
  mkdirSync(pagesDir);
  const ink = inkPerPage(r.file, pagesDir, BAND);
  expect(ink).toHaveLength(r.pages);
  for (const [i, share] of ink.entries()) expect(share, `page ${i + 1}`).toBeGreaterThan(0.005);
}

/** The rows of a two-column count table, as pdftotext -layout sets them: label, count, share. */
const countRow = (label: string, n: number, total: number) => new RegExp(`${label}\\s+${n}\\s+${total > 0 ? Math.round((n / total) * 100) : '—'}%`);

const text = (input: ProgrammeReportInput, key: string, params: Record<string, string> = {}) =>
  renderText(input.programmeText, { key, params }, input.locale, catalogueNames(catalogue));

describe('programme summary of the whole sample portfolio (zh, one firm renamed with 𠀾)', () => {
  const { input } = programmeInput({ rare: true });
  let r: Rendered;
  let layout: string;
  beforeAll(async () => {
    r = await render('all-zh', input);
    layout = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', r.file, '-'], { encoding: 'utf8' });
  }, T);

  it('is a PDF of a few pages, under 1 MB', () => {
    expect(r.bytes).toBeGreaterThan(10_000);
    expect(r.bytes).toBeLessThan(1024 * 1024);
    expect(r.pages).toBeGreaterThanOrEqual(4);
    expect(r.pages).toBeLessThanOrEqual(12);
  });

  it('has the title block: title, selection in words, counts and the disclaimer', () => {
    const l = input.labels;
    expect(r.text).toContain(compact(l.title));
    expect(r.text).toContain(compact('区县：全部；行业：全部；规模：全部；阶段：全部'));
    expect(r.text).toContain(compact(fill(l.meta_firms_value, { n: 30, total: 30 })));
    const assessed = input.rows.filter((x) => x.latest !== null).length;
    const reassessed = input.rows.filter((x) => x.assessmentCount >= 2).length;
    expect(layout).toMatch(new RegExp(`${l.meta_assessed}\\s+${assessed} 家\\s+${l.meta_reassessed}\\s+${reassessed} 家`));
    expect(r.text).toContain(compact(l.disclaimer));
    expect(r.text).toContain(compact(text(input, 'note.guidance')));
  });

  it('counts firms per stage and stage movement as the domain does', () => {
    const dist = stageDistribution(input.rows);
    const total = input.rows.length;
    const names = catalogueNames(catalogue);
    for (const s of STAGE_KEYS) {
      const label = typeof s === 'number' ? `${s} ${names.level(s, 'zh')}` : s === 'insufficient' ? input.labels.stage_insufficient : input.labels.stage_none;
      expect(layout, String(s)).toMatch(countRow(label, dist[String(s)]!, total));
    }
    const m = stageMovement(input.rows);
    expect(layout).toMatch(countRow(input.labels.movement_up, m.up, total));
    expect(layout).toMatch(countRow(input.labels.movement_single, m.single, total));
    expect(m.up + m.same + m.down + m.single + m.unknown).toBe(total);
  });

  it('names the 8 modules, every need group with its help and shared actions, and every firm', () => {
    for (const m of catalogue.modules) expect(r.text, m.id).toContain(`${m.id}${compact(m.name.zh)}`);
    expect(input.groups.length).toBeGreaterThan(5);
    const actions = new Map(catalogue.modules.flatMap((m) => m.indicators.flatMap((i) => i.levels.flatMap((lv) => lv.actions.map((a) => [a.id, a.text.zh] as const)))));
    for (const g of input.groups) {
      expect(r.text, g.id).toContain(compact(text(input, g.text.title, g.text.params)));
      // Help sits in a column beside the firm names; pdftotext interleaves wrapped lines, so its start is checked.
      expect(r.text, g.id).toContain(compact(text(input, g.text.help, g.text.params)).slice(0, 15));
      for (const a of g.topActions) expect(r.text, a.actionId).toContain(compact(actions.get(a.actionId)!));
    }
    for (const row of input.rows) expect(r.text, row.name).toContain(compact(row.name));
    expect(r.text).toContain(RARE_NAME);
    expect(r.text).not.toContain('[U+');
    expect(r.text).not.toMatch(/\{\w+\}/);
  });

  it('repeats the firm table header on every page it spans and numbers every page', () => {
    const first = Array.from({ length: r.pages }, (_, i) => i + 1).find((p) => compact(pdfText(r.file, p)).includes('四、企业明细'))!;
    expect(first).toBeGreaterThan(1);
    expect(first).toBeLessThan(r.pages);
    for (let p = first; p <= r.pages; p++) expect(compact(pdfText(r.file, p)), `page ${p}`).toContain('序号企业名称');
    expect(r.text).toContain(`第1页/共${r.pages}页`);
    expect(r.text).toContain(`第${r.pages}页/共${r.pages}页`);
  });

  it('embeds every font as a subset, HanaMinB for 𠀾', () => {
    const fonts = pdfFonts(r.file);
    // RARE_NAME has 曌 (outside the common set: the whole Noto Sans SC) and 𠀾 (HanaMinB).
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['HanaMinB', 'NotoSansSC-Bold', 'NotoSansSC-Bold', 'NotoSansSC-Regular', 'NotoSansSC-Regular']);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subset, f.name).toBe(true);
    }
  });

  it('renders every page, none blank', () => expectNoBlankPage(r, 'all-zh'));
});

describe('programme summary of one district', () => {
  it('lists only that district’s firms and says which selection it is', async () => {
    const filter = { district: '滨海新区' };
    const { input, all } = programmeInput({ filter });
    expect(input.rows.length).toBeGreaterThan(0);
    expect(input.rows.length).toBeLessThan(all.length);
    const r = await render('district', input);
    expect(r.text).toContain(compact('区县：滨海新区'));
    expect(r.text).toContain(compact(fill(input.labels.meta_firms_value, { n: input.rows.length, total: all.length })));
    for (const row of input.rows) expect(r.text).toContain(compact(row.name));
    for (const row of all.filter((x) => x.district !== '滨海新区')) expect(r.text, row.name).not.toContain(compact(row.name));
    // The selection is compared with the whole portfolio.
    expect(r.text).toContain(compact(input.labels.col_portfolio));
    expectNoBlankPage(r, 'district');
  }, T);
});

describe('English summary, an empty selection and a large one', () => {
  it('uses the English labels and module ids in the firm table', async () => {
    const { input } = programmeInput({ locale: 'en' });
    const r = await render('all-en', input);
    expect(r.text).toContain(compact('Quality Management Maturity — Programme Summary'));
    expect(r.text).toContain(compact('District: all; Industry: all; Size: all; Stage: all'));
    expect(r.text).toContain('No.FirmDistrict');
    expect(r.text).toContain('STRPLNRESBUSPRDSRVMONIMP');
    expect(r.text).toMatch(/Page1of\d+/);
    expectNoBlankPage(r, 'all-en');
  }, T);

  it('says when the selection has no firm', async () => {
    const { input } = programmeInput({ filter: { district: '—' } });
    expect(input.rows).toHaveLength(0);
    const r = await render('empty', input);
    expect(r.text).toContain(compact(input.labels.firms_empty));
    expect(r.text).toContain(compact(input.labels.groups_empty));
    expectNoBlankPage(r, 'empty');
  }, T);

  it('lists every firm of 200 in the table, starts groups and table on new pages and caps the names a group lists', async () => {
    const { input } = programmeInput({ file: repeatedFile(200) });
    expect(input.rows).toHaveLength(200);
    const r = await render('many', input);
    for (const row of input.rows.filter((x) => x.name.endsWith('（7）'))) expect(r.text).toContain(compact(row.name));
    const big = input.groups.find((g) => g.count > 40)!;
    expect(r.text).toContain(compact(fill(input.labels.group_more, { count: big.count })));
    expect(r.text).toContain('200示例·');
    const starts = (heading: string) => Array.from({ length: r.pages }, (_, i) => i + 1).find((p) => compact(pdfText(r.file, p)).includes(heading))!;
    for (const heading of ['三、按帮扶需要分组', '四、企业明细']) {
      const page = compact(pdfText(r.file, starts(heading)));
      expect(page.indexOf(heading), heading).toBeLessThan(40);
    }
    expectNoBlankPage(r, 'many');
  }, T);
});

describe('selection in words and character coverage', () => {
  it('describes the filters, every dimension named', () => {
    const labels = programmeLabels('zh');
    const names = { labels, locale: 'zh' as const, levels: catalogue.levels, industryNames: { C: '制造业' } };
    expect(describeFilter({ district: '滨海新区', industry: 'C', stage: 3, query: ' 机械 ' }, names)).toBe('区县：滨海新区；行业：C 制造业；规模：全部；阶段：3 规范级；检索词：“机械”');
    expect(describeFilter({ sizeClass: 'micro', stage: 'insufficient', status: 'draft' }, names)).toBe('区县：全部；行业：全部；规模：微型；阶段：作答不足，暂不评定；评价状态：草稿');
  });

  it('finds 𠀾 missing from Noto Sans SC and covered once the fallback is loaded', async () => {
    const { input } = programmeInput({ rare: true });
    const texts = collectProgrammeTexts(input);
    expect(texts).toContain(RARE_NAME);
    expect(uncoveredCharacters(texts, { ...(await mainFonts()), full: await fullFonts(), fallbacks: [] })).toEqual(['𠀾']);
    expect(uncoveredCharacters(texts, await nodeReportFonts(texts))).toEqual([]);
  }, T);
});
