// Title block, then the overview: firms per stage and stage movement, side by side.
import { STAGE_KEYS, stageDistribution, stageMovement, type StageKey } from '../../../domain/portfolio';
import { fill } from '../../format';
import { COLOR, h1, th, type Content } from '../../layout';
import type { ProgrammeContext } from '../context';
import { CONTENT_WIDTH, DOWN, UP, bar, levelColor } from '../layout';

export function titleBlock(ctx: ProgrammeContext): Content[] {
  const { input, l, loc } = ctx;
  const rows = input.rows;
  const assessed = rows.filter((r) => r.latest !== null).length;
  const reassessed = rows.filter((r) => r.assessmentCount >= 2).length;
  const label = (text: string): Content => ({ text, style: 'label' });
  return [
    { text: input.catalogue.title[loc], alignment: 'center', color: COLOR.muted, fontSize: 10, margin: [0, 0, 0, 6] },
    { text: l.title, alignment: 'center', fontSize: 19, bold: true, color: COLOR.accent, margin: [0, 0, 0, 8] },
    { canvas: [{ type: 'line', x1: CONTENT_WIDTH / 2 - 60, y1: 0, x2: CONTENT_WIDTH / 2 + 60, y2: 0, lineWidth: 1.5, lineColor: COLOR.accent }], margin: [0, 0, 0, 12] },
    {
      table: {
        widths: [84, '*', 96, '*', 120, '*'],
        body: [
          [label(l.meta_generated_at), input.generatedAt.slice(0, 10), label(l.meta_catalogue), { text: input.catalogue.version, colSpan: 3 }, {}, {}],
          [label(l.meta_selection), { text: input.filterDescription, colSpan: 5, bold: true }, {}, {}, {}, {}],
          [
            label(l.meta_firms),
            { text: fill(l.meta_firms_value, { n: rows.length, total: input.portfolio.firms }), bold: true },
            label(l.meta_assessed),
            { text: ctx.count(assessed), bold: true },
            label(l.meta_reassessed),
            { text: ctx.count(reassessed), bold: true },
          ],
        ],
      },
      layout: 'grid',
      margin: [0, 0, 0, 8],
    },
    {
      table: { widths: ['*'], body: [[{ text: l.disclaimer, fontSize: 8.5, color: COLOR.muted, margin: [4, 2, 4, 2] }]] },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => COLOR.rule, vLineColor: () => COLOR.rule },
      margin: [0, 0, 0, 4],
    },
  ];
}

const HALF = (CONTENT_WIDTH - 24) / 2;
const BAR = 120;
// Label column: the half minus count, share and bar columns and the cell padding (4 columns × 8 pt).
const LABEL = HALF - 44 - 36 - BAR - 32;

function countTable(firstHeader: string, ctx: ProgrammeContext, items: { label: string; n: number; color: string }[]): Content {
  const total = ctx.input.rows.length;
  const max = Math.max(1, ...items.map((i) => i.n));
  return {
    table: {
      headerRows: 1,
      widths: [LABEL, 44, 36, BAR],
      body: [
        [th(firstHeader), th(ctx.l.col_firms, { alignment: 'right' }), th(ctx.l.col_share, { alignment: 'right' }), th('')],
        ...items.map((i) => [i.label, { text: String(i.n), alignment: 'right', bold: i.n > 0 }, { text: ctx.share(i.n, total), alignment: 'right' }, bar(i.n / max, BAR, i.color)]),
      ],
    },
    layout: 'report',
    fontSize: 8.5,
    lineHeight: 1.15,
  };
}

export function overview(ctx: ProgrammeContext): Content[] {
  const { l, input } = ctx;
  const dist = stageDistribution(input.rows);
  const stages = STAGE_KEYS.map((s: StageKey) => ({ label: ctx.stageLabel(s), n: dist[String(s)] ?? 0, color: typeof s === 'number' ? levelColor(s) : COLOR.rule }));
  const m = stageMovement(input.rows);
  const movement = [
    { label: l.movement_up, n: m.up, color: UP },
    { label: l.movement_same, n: m.same, color: COLOR.muted },
    { label: l.movement_down, n: m.down, color: DOWN },
    { label: l.movement_single, n: m.single, color: COLOR.rule },
    { label: l.movement_unknown, n: m.unknown, color: COLOR.rule },
  ];
  const block = (title: string, table: Content): Content => ({ width: HALF, stack: [{ text: title, style: 'h2', margin: [0, 0, 0, 5] }, table] });
  // Bounded content: the heading shares an unbreakable block with both tables, so it never stands alone.
  return [
    {
      unbreakable: true,
      stack: [
        h1(ctx.section(l.section_overview), true),
        {
          columnGap: 24,
          columns: [block(l.stages_title, countTable(l.col_stage, ctx, stages)), block(l.movement_title, countTable(l.col_change, ctx, movement))],
        },
      ],
    },
  ];
}
