// Landscape page, header and footer, level colours and bars of the programme summary; styles come from ../layout.
import { fill } from '../format';
import { COLOR, TABLE_LAYOUTS, pageBreakBefore as reportPageBreakBefore, type Content } from '../layout';
import type { ProgrammeContext } from './context';

/**
 * A4 landscape: the firm table has 18 columns (8 of them module levels); across 742 pt a firm name of ~18
 * characters stays on one line, so rows stay low and long lists take fewer pages.
 */
export const PAGE = { width: 841.89, height: 595.28, margins: [50, 60, 50, 54] as [number, number, number, number] };
export const CONTENT_WIDTH = PAGE.width - PAGE.margins[0] - PAGE.margins[2];

/** The app's level colours (--l1 … --l5 in src/styles/main.css); white text stays legible on each. */
export const LEVEL_COLORS = ['#a93226', '#a04000', '#7d6608', '#1e7045', '#1b4f72'] as const;
export const NO_LEVEL = '#e4e9ef';
export const UP = '#116329';
export const DOWN = '#b42318';

export const levelColor = (level: number | null): string => (level === null ? NO_LEVEL : (LEVEL_COLORS[level - 1] ?? NO_LEVEL));

/** A horizontal bar of `share` (0–1) of `width`, over a pale track. */
export function bar(share: number, width: number, color: string, height = 7): Content {
  const w = Math.max(0, Math.min(1, share)) * width;
  return {
    canvas: [{ type: 'rect', x: 0, y: 0, w: width, h: height, color: COLOR.fill }, ...(w > 0 ? [{ type: 'rect', x: 0, y: 0, w, h: height, color }] : [])],
    margin: [0, 2, 0, 0],
  };
}

/** The report's table look, with narrow padding on the given columns (the module level cells) and white gaps between them. */
export function narrowColumns(columns: ReadonlySet<number>): Record<string, unknown> {
  const base = TABLE_LAYOUTS.report;
  return {
    ...base,
    vLineWidth: (i: number) => (columns.has(i) && columns.has(i - 1) ? 1 : 0),
    vLineColor: () => '#ffffff',
    paddingLeft: (i: number) => (columns.has(i) ? 1 : 3),
    paddingRight: (i: number) => (columns.has(i) ? 1 : 3),
    paddingTop: () => 2.5,
    paddingBottom: () => 2.5,
  };
}

const FOOTER_MAX = 70;
const rule = (y: number): Content => ({ canvas: [{ type: 'line', x1: 0, y1: y, x2: CONTENT_WIDTH, y2: y, lineWidth: 0.5, lineColor: COLOR.rule }] });

/** Header from page 2 on: title and generated date. */
export function header(ctx: ProgrammeContext) {
  const date = ctx.input.generatedAt.slice(0, 10);
  return (page: number): Content =>
    page === 1
      ? ''
      : {
          margin: [PAGE.margins[0], 28, PAGE.margins[2], 0],
          stack: [{ columns: [{ text: ctx.l.title, width: '*' }, { text: date, width: 'auto', alignment: 'right' }], fontSize: 8, color: COLOR.muted }, rule(3)],
        };
}

/** Footer on every page: the selection (shortened to one line) and "page X of Y". */
export function footer(ctx: ProgrammeContext) {
  const chars = [...ctx.input.filterDescription];
  const selection = chars.length > FOOTER_MAX ? `${chars.slice(0, FOOTER_MAX - 1).join('')}…` : ctx.input.filterDescription;
  const left = fill(ctx.l.footer_selection, { selection });
  return (page: number, pages: number): Content => ({
    margin: [PAGE.margins[0], 16, PAGE.margins[2], 0],
    stack: [
      rule(0),
      {
        margin: [0, 4, 0, 0],
        columns: [
          { text: left, width: '*' },
          { text: fill(ctx.l.footer_page, { page, pages }), width: 'auto', alignment: 'right' },
        ],
        fontSize: 8,
        color: COLOR.muted,
      },
    ],
  });
}

/**
 * Firms above which the groups and the firm table start on new pages instead of using keepNext: when keepNext
 * moves a heading, pdfmake lays the whole document out again, which doubles the time of a long firm table.
 */
export const LARGE_SELECTION = 150;

const KEEP = 'keep-next:';
/** Marks a heading that needs `points` of room below its top (itself and the start of what follows), else it moves on. */
export const keepNext = (points: number) => ({ id: `${KEEP}${Math.ceil(points)}` });

interface NodeInfo {
  id?: string;
  headlineLevel?: number;
  startPosition: { verticalRatio: number; pageInnerHeight: number };
}
/**
 * The report's rule, plus keepNext: pdfmake places a table's header rows, kept with the first body row, on the
 * page where the table begins even when they move on, so "nothing follows on this page" cannot be seen there.
 */
export function pageBreakBefore(node: NodeInfo, helpers: { getFollowingNodesOnPage(): unknown[] }): boolean {
  if (node.id?.startsWith(KEEP)) {
    const { verticalRatio, pageInnerHeight } = node.startPosition;
    if (verticalRatio > 0.05 && (1 - verticalRatio) * pageInnerHeight < Number(node.id.slice(KEEP.length))) return true;
  }
  return reportPageBreakBefore(node, helpers);
}
