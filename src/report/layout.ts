// Page, styles, table layouts, headings, header and footer: the look of the report in one place.
import { fill, type ReportContext } from './format';

export type Content = Record<string, unknown> | string | Content[];

export const PAGE = { width: 595.28, height: 841.89, margins: [50, 62, 50, 58] as [number, number, number, number] };
export const CONTENT_WIDTH = PAGE.width - PAGE.margins[0] - PAGE.margins[2];
export const COLOR = { ink: '#1a1a1a', accent: '#1f4e79', muted: '#5f6b76', rule: '#b8c2cc', fill: '#eef2f6', head: '#dde5ee' };

export const STYLES = {
  h1: { fontSize: 13, bold: true, color: COLOR.accent, margin: [0, 16, 0, 8] },
  h2: { fontSize: 10.5, bold: true, color: COLOR.accent, margin: [0, 10, 0, 5] },
  p: { margin: [0, 0, 0, 6] },
  small: { fontSize: 8, color: COLOR.muted },
  th: { bold: true, fontSize: 8.5, color: COLOR.ink, fillColor: COLOR.head },
  tableTitle: { bold: true, fontSize: 9.5, color: '#ffffff', fillColor: COLOR.accent },
  label: { color: COLOR.muted },
};

/** Thin grey horizontal rules, no vertical ones: the look of a formal table. */
export const TABLE_LAYOUTS = {
  report: {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4),
    vLineWidth: () => 0,
    hLineColor: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? COLOR.accent : COLOR.rule),
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
  grid: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => COLOR.rule,
    vLineColor: () => COLOR.rule,
    paddingLeft: () => 5,
    paddingRight: () => 5,
    paddingTop: () => 4,
    paddingBottom: () => 4,
  },
};

// headlineLevel lets pageBreakBefore move a heading left alone at the foot of a page. Never inside an
// unbreakable block: a forced break there makes the block span two pages and pdfmake keeps only the first.
export const h1 = (text: string, inUnbreakable = false): Content => ({ text, style: 'h1', ...(inUnbreakable ? {} : { headlineLevel: 1 }) });
export const h2 = (text: string, inUnbreakable = false): Content => ({ text, style: 'h2', ...(inUnbreakable ? {} : { headlineLevel: 2 }) });
export const p = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, style: 'p', ...extra });
export const th = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, style: 'th', ...extra });

/** A table title row spanning every column, repeated with the header on each page. */
export function titleRow(text: string, columns: number): Content[] {
  return [{ text, style: 'tableTitle', colSpan: columns }, ...Array.from({ length: columns - 1 }, () => ({}))];
}

/** Rough height of a text in points, to decide whether a table row may stay unbreakable. */
export function estimateHeight(text: string, width: number, fontSize = 9): number {
  let lines = 0;
  for (const para of text.split('\n')) {
    let w = 0;
    for (const ch of para) w += ch.charCodeAt(0) > 0x2e80 ? fontSize : fontSize * 0.55;
    lines += Math.max(1, Math.ceil(w / width));
  }
  return lines * fontSize * 1.4;
}
/** Rows up to this tall stay in one piece; taller ones may break between lines (never mid-line). */
export const MAX_UNBREAKABLE_ROW = 380;

export function header(ctx: ReportContext) {
  return (page: number): Content =>
    page === 1
      ? ''
      : {
          margin: [PAGE.margins[0], 28, PAGE.margins[2], 0],
          stack: [
            {
              columns: [
                { text: ctx.l.title, width: '*' },
                { text: ctx.input.reportNumber, width: 'auto', alignment: 'right' },
              ],
              fontSize: 8,
              color: COLOR.muted,
            },
            { canvas: [{ type: 'line', x1: 0, y1: 3, x2: CONTENT_WIDTH, y2: 3, lineWidth: 0.5, lineColor: COLOR.rule }] },
          ],
        };
}

/** Longer names are shortened in the footer (the cover has them whole), so the footer stays one line. */
const FOOTER_NAME_MAX = 24;

export function footer(ctx: ReportContext) {
  const name = [...ctx.input.firm.name];
  const shown = name.length > FOOTER_NAME_MAX ? `${name.slice(0, FOOTER_NAME_MAX - 1).join('')}…` : ctx.input.firm.name;
  return (page: number, pages: number): Content => ({
    margin: [PAGE.margins[0], 18, PAGE.margins[2], 0],
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: COLOR.rule }] },
      {
        margin: [0, 4, 0, 0],
        columns: [
          { text: `${shown}  ·  ${ctx.l.footer_report_number} ${ctx.input.reportNumber}`, width: '*' },
          { text: fill(ctx.l.footer_page, { page, pages }), width: 'auto', alignment: 'right' },
        ],
        fontSize: 8,
        color: COLOR.muted,
      },
    ],
  });
}

interface NodeInfo {
  headlineLevel?: number;
  startPosition: { verticalRatio: number };
}
/**
 * Keeps headings with what follows: a heading in the last quarter of a page, or with nothing after it
 * there, moves on. (pdfmake reports nodes of an unbreakable block that moved to the next page as still on
 * this one, so bounded sections put their heading inside that block instead; see the sections.)
 */
export function pageBreakBefore(node: NodeInfo, helpers: { getFollowingNodesOnPage(): unknown[] }): boolean {
  if (!node.headlineLevel) return false;
  const limit = node.headlineLevel === 1 ? 0.75 : 0.85;
  return node.startPosition.verticalRatio > limit || helpers.getFollowingNodesOnPage().length === 0;
}
