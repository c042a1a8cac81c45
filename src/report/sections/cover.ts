// Cover page and method section.
import { fill, type ReportContext } from '../format';
import { COLOR, CONTENT_WIDTH, h1, h2, p, th, type Content } from '../layout';

export function cover(ctx: ReportContext): Content[] {
  const { input, l } = ctx;
  const { firm, assessment } = input;
  const or = (s: string) => (s.trim() === '' ? l.not_filled : s);
  const size = firm.sizeClass === '' ? l.not_filled : l[`size_${firm.sizeClass}`];
  // The cover is one page: a long firm name (≤ 200 characters) is set once, smaller, above the table.
  const long = [...firm.name].length > 40;
  const rows: [string, string][] = [
    ...(long ? [] : [[l.cover_firm, firm.name] as [string, string]]),
    [l.cover_credit_code, or(firm.creditCode)],
    [l.cover_industry, or(input.industryName)],
    [l.cover_size, size],
    [l.cover_district, or(firm.district)],
    [l.cover_assessor, or(assessment.assessor)],
    [l.cover_assessed_on, or(assessment.assessedOn)],
    [l.cover_catalogue_version, input.catalogue.version],
    [l.cover_report_number, input.reportNumber],
    [l.cover_generated_at, input.generatedAt.slice(0, 10)],
  ];
  const top = long ? 20 : 50;
  return [
    { text: input.catalogue.title[ctx.loc], alignment: 'center', color: COLOR.muted, fontSize: 10, margin: [0, top, 0, 14] },
    { text: l.title, alignment: 'center', fontSize: 25, bold: true, color: COLOR.accent, margin: [0, 0, 0, 18] },
    { canvas: [{ type: 'line', x1: CONTENT_WIDTH / 2 - 60, y1: 0, x2: CONTENT_WIDTH / 2 + 60, y2: 0, lineWidth: 1.5, lineColor: COLOR.accent }] },
    { text: firm.name, alignment: 'center', fontSize: long ? 13 : 16, bold: true, margin: [20, 24, 20, long ? 24 : 36] },
    {
      margin: [40, 0, 40, 0],
      table: {
        widths: [130, '*'],
        body: rows.map(([k, v]) => [{ text: k, style: 'label', margin: [0, 3, 0, 3] }, { text: v, margin: [0, 3, 0, 3] }]),
      },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0,
        hLineColor: () => COLOR.rule,
      },
      fontSize: 10.5,
    },
    {
      margin: [40, long ? 20 : 36, 40, 0],
      table: { widths: ['*'], body: [[{ text: l.cover_note, fontSize: 9, color: COLOR.muted, margin: [6, 6, 6, 6] }]] },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => COLOR.rule, vLineColor: () => COLOR.rule },
    },
  ];
}

export function method(ctx: ReportContext): Content[] {
  const { input, l, loc } = ctx;
  const c = input.catalogue;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const indicators = c.modules.reduce((n, m) => n + m.indicators.length, 0);
  return [
    { ...(h1(ctx.section(l.section_method)) as object), pageBreak: 'before' },
    p(fill(l.method_structure, { title: c.title[loc], modules: c.modules.length, indicators, levels: c.levels.length, version: c.version, names: ctx.list(c.modules.map((m) => m.name[loc])) })),
    p(l.method_scoring),
    p(
      fill(l.method_stage, {
        response: pct(c.rules.minModuleResponseForStage),
        share: pct(c.rules.minModuleShareAtStage),
        gap: c.rules.maxModuleLevelsBelowStage,
      }),
    ),
    p(c.source[loc]),
    p(l.method_disclaimer, { bold: true }),
    {
      unbreakable: true,
      stack: [
        h2(l.levels_title, true),
        {
          table: {
            headerRows: 1,
            widths: [36, 60, '*'],
            body: [
              [th(l.table_level, { colSpan: 2 }), {}, th(l.table_meaning)],
              ...c.levels.map((lv) => [String(lv.level), { text: lv.name[loc], bold: true }, lv.meaning[loc]]),
            ],
          },
          layout: 'report',
        },
      ],
    },
  ];
}
