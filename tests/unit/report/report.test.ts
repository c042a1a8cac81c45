// Full reports generated in Node from the real catalogue and real scoring, checked with poppler.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/content';
import { STEP_TEXT } from '../../../src/domain/certification';
import { generateReport } from '../../../src/report/generate';
import { collectReportTexts } from '../../../src/report/texts';
import { nodeReportFonts } from '../../../tests/fixtures/report/fonts';
import { RARE_FIRM_NAME, REPORT_NUMBER, partialInput, realResultInput, reportInput, type FixtureOptions } from '../../fixtures/report/input';
import type { ReportInput } from '../../../src/report/types';
import { compact, inkPerPage, pageCount, pdfFonts, pdfText } from '../../fixtures/report/pdf';

const dir = mkdtempSync(join(tmpdir(), 'qmm-report-'));

async function render(name: string, options: FixtureOptions | ReportInput): Promise<{ file: string; bytes: number; text: string }> {
  const input = 'variant' in options ? reportInput(options) : options;
  const pdf = await generateReport(input, await nodeReportFonts(collectReportTexts(input)));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return { file, bytes: pdf.length, text: compact(pdfText(file)) };
}

const T = 120_000;

describe('long report (every indicator answered, long notes, previous assessment)', () => {
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render('long', { variant: 'long' });
  }, T);

  it('is a PDF under 1.5 MB', () => {
    expect(r.bytes).toBeGreaterThan(10_000);
    expect(r.bytes).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('has the firm name with its rare characters, the report number, every module and every indicator id as text', () => {
    expect(r.text).toContain(RARE_FIRM_NAME);
    expect(r.text).toContain('𪚥');
    expect(r.text).not.toContain('[U+');
    expect(r.text).toContain(REPORT_NUMBER);
    for (const m of catalogue.modules) expect(r.text, m.id).toContain(compact(m.name.zh));
    for (const i of catalogue.modules.flatMap((m) => m.indicators)) expect(r.text, i.id).toContain(i.id);
  });

  it('has every section, the comparison included, and the declaration at the end', () => {
    const sections = ['评价方法', '总体结果', '模块得分', '各项指标评价结果', '优势与短板', '改进计划', '认证与帮扶路径', '与上次评价比较', '声明与签章'];
    let at = -1;
    for (const s of sections) {
      const next = r.text.indexOf(s, at + 1);
      expect(next, s).toBeGreaterThan(at);
      at = next;
    }
    expect(r.text).toContain('企业盖章');
    expect(r.text).toContain(compact('不是任何政府部门或认证机构的正式认定'));
  });

  it('sets the whole of a note longer than a page (no row cut at a page break)', () => {
    expect(r.text).toContain(compact('第 14 条：现场查看了相关记录并与负责人面谈。'));
  });

  it('repeats table headers on continued pages and numbers every page', () => {
    const pages = pageCount(r.file);
    expect(pages).toBeGreaterThan(10);
    expect(r.text).toContain(`第1页/共${pages}页`);
    expect(r.text).toContain(`第${pages}页/共${pages}页`);
    // The long BUS-03 note spans pages: the BUS table title row appears on each of them.
    expect(r.text.split('BUS业务得分60.0').length - 1).toBeGreaterThanOrEqual(2);
  });

  it('embeds every font, as a subset (common Noto files, the whole Noto for 曌, HanaMinB for Extension B)', () => {
    const fonts = pdfFonts(r.file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['HanaMinB', 'HanaMinB', 'NotoSansSC-Bold', 'NotoSansSC-Bold', 'NotoSansSC-Regular', 'NotoSansSC-Regular']);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subset, f.name).toBe(true);
    }
  });

  it('renders every page, none blank', () => {
    const pagesDir = join(dir, 'long-pages');
    mkdirSync(pagesDir);
    const ink = inkPerPage(r.file, pagesDir);
    expect(ink).toHaveLength(pageCount(r.file));
    for (const [i, share] of ink.entries()) expect(share, `page ${i + 1}`).toBeGreaterThan(0.005);
  });
});

describe('short report (every indicator at level 5, no plan, no previous assessment)', () => {
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render('short', { variant: 'short' });
  }, T);

  it('has no comparison section and says there is nothing to improve', () => {
    expect(r.text).not.toContain('与上次评价比较');
    expect(r.text).toContain(compact('所有已评指标都已达到目标等级'));
    expect(r.text).toContain('声明与签章');
  });

  it('renders every page, none blank', () => {
    const pagesDir = join(dir, 'short-pages');
    mkdirSync(pagesDir);
    for (const share of inkPerPage(r.file, pagesDir)) expect(share).toBeGreaterThan(0.005);
  });
});

describe('comparison section', () => {
  it('appears only when there is a previous assessment', async () => {
    const without = await render('long-no-previous', { variant: 'long', withPrevious: false });
    expect(without.text).not.toContain('与上次评价比较');
    expect(without.text).not.toContain('上次评价（');
    const withPrevious = await render('short-previous', { variant: 'short', withPrevious: true });
    expect(withPrevious.text).toContain('与上次评价比较');
    expect(withPrevious.text).toContain(compact('上次评价日期 2025-11-18'));
  }, T);
});

describe('English report', () => {
  it('uses the English labels and catalogue text', async () => {
    const r = await render('long-en', { variant: 'long', locale: 'en' });
    expect(r.text).toContain(compact('Quality Management Maturity Assessment Report'));
    expect(r.text).toContain(compact(catalogue.modules[0]!.indicators[0]!.name.en));
    expect(r.text).toContain(RARE_FIRM_NAME);
    expect(r.text).toMatch(/Page1of\d+/);
    const pagesDir = join(dir, 'en-pages');
    mkdirSync(pagesDir);
    for (const [i, share] of inkPerPage(r.file, pagesDir).entries()) expect(share, `page ${i + 1}`).toBeGreaterThan(0.005);
  }, T);
});

describe('partial assessment with a 200-character firm name', () => {
  it('keeps the cover on one page, shows missing values as — and says why there is no stage', async () => {
    const input = partialInput();
    const name = [...input.firm.name];
    input.firm = { ...input.firm, name: [...name, ...'华'.repeat(200 - name.length)].join('') };
    const r = await render('partial', input);
    expect(compact(pdfText(r.file, 1))).toContain('不构成官方认定。');
    expect(compact(pdfText(r.file, 2))).toContain('评价方法');
    expect(r.text).toContain(compact('暂不评定阶段：监测已作答的指标不足 80%'));
    expect(r.text).toContain(compact('产品 PRD —'));
    expect(r.text).toContain(compact('0/5（不适用 5）'));
    expect(r.text).toContain(compact('PRD 产品 得分 — · 平均等级 — · 等级 —'));
    expect(r.text).toContain('…·报告编号');
    const pagesDir = join(dir, 'partial-pages');
    mkdirSync(pagesDir);
    for (const share of inkPerPage(r.file, pagesDir)) expect(share).toBeGreaterThan(0.005);
  }, T);
});

describe('report from the real results domain and results-text.json', () => {
  for (const locale of ['zh', 'en'] as const) {
    it(`renders every generated sentence with names, no raw key or placeholder (${locale})`, async () => {
      const input = realResultInput(locale);
      const r = await render(`real-${locale}`, input);
      expect(r.text).not.toMatch(/\{\w+\}/);
      expect(r.text).not.toMatch(/(summary|cert)\.[a-z_.]+/);
      expect(r.text).not.toMatch(/(modules?|indicators?):[A-Z]{3}|level:[1-5](?![0-9])/);
      const say = (key: string) => compact(input.resultsText[key]![locale].split('{')[0]!);
      expect(r.text).toContain(say(STEP_TEXT[input.result.certification.current].title));
      for (const ref of input.result.insights.summary) expect(r.text).toContain(say(ref.key));
      expect(r.text).toContain(locale === 'zh' ? '与上次评价比较' : 'Comparisonwiththepreviousassessment');
    }, T);
  }
});
