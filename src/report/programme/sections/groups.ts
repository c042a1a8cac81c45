// Need groups in one table: number, group and who is in it, firms, suggested support and shared actions.
import type { NeedGroup } from '../../../domain/need-groups';
import { fill } from '../../format';
import { COLOR, estimateHeight, h1, p, th, type Content } from '../../layout';
import type { ProgrammeContext } from '../context';
import { CONTENT_WIDTH, LARGE_SELECTION, keepNext } from '../layout';

/** Firm names listed per group, in characters; the rest are counted (the firm table names every firm's groups). */
export const GROUP_NAMES_BUDGET = 320;
// Inside a group's row: who (title, count, description), firms, suggested support; the shared actions below, full width.
const COLUMNS = [140, '*', 220];
const GAP = 10;
const FIRMS_WIDTH = CONTENT_WIDTH - 22 - 16 - 140 - 220 - 2 * GAP;
const ACTIONS_WIDTH = CONTENT_WIDTH - 22 - 16 - 14;

function firmList(ctx: ProgrammeContext, g: NeedGroup): string {
  const names: string[] = [];
  let used = 0;
  for (const id of g.firmIds) {
    const name = ctx.firmName(id);
    if (names.length > 0 && used + [...name].length > GROUP_NAMES_BUDGET) break;
    names.push(name);
    used += [...name].length + 1;
  }
  const list = ctx.list(names);
  return names.length < g.firmIds.length ? `${list}${fill(ctx.l.group_more, { count: g.count })}` : list;
}

/** Rough height in points of text in Noto Sans SC (line box ≈ 1.45 em × lineHeight 1.2–1.3, rounded up). */
const textHeight = (text: string, width: number, fontSize: number) => (estimateHeight(text, width, fontSize) / 1.4) * 1.9;

/** Rough height of a group's row, so that the section heading moves on with the first group. */
function rowHeight(ctx: ProgrammeContext, g: NeedGroup): number {
  const t = g.text;
  const who = textHeight(`${ctx.text(t.title, t.params)}  ${ctx.count(g.count)}`, COLUMNS[0] as number, 8) + textHeight(ctx.text(t.description, t.params), COLUMNS[0] as number, 7.5);
  const firms = textHeight(firmList(ctx, g), FIRMS_WIDTH, 7.5);
  const help = textHeight(ctx.text(t.help, t.params), COLUMNS[2] as number, 8);
  const actions = g.topActions.reduce((h, a) => h + textHeight(ctx.actionText(a.actionId), ACTIONS_WIDTH, 7.5), 18);
  return Math.max(who, firms, help) + actions + 10;
}

function row(ctx: ProgrammeContext, g: NeedGroup, n: number): Content[] {
  const { l } = ctx;
  const t = g.text;
  const actions = g.topActions.map((a) => fill(l.group_action, { action: ctx.actionText(a.actionId), n: a.firms }));
  // One row per group (rows never break), so a group is never split across pages.
  return [
    { text: String(n), bold: true, fontSize: 11, color: COLOR.accent, alignment: 'center' },
    {
      stack: [
        {
          columnGap: GAP,
          columns: [
            {
              width: COLUMNS[0],
              stack: [
                { text: [{ text: ctx.text(t.title, t.params), bold: true, color: COLOR.accent }, `  ${ctx.count(g.count)}`] },
                { text: ctx.text(t.description, t.params), fontSize: 7.5, color: COLOR.muted, margin: [0, 1, 0, 0] },
              ],
            },
            { width: COLUMNS[1], text: firmList(ctx, g), fontSize: 7.5 },
            { width: COLUMNS[2], text: ctx.text(t.help, t.params) },
          ],
        },
        {
          margin: [0, 4, 0, 0],
          fontSize: 7.5,
          stack: [{ text: l.group_actions, bold: true, color: COLOR.muted }, actions.length > 0 ? { ol: actions } : { text: l.group_no_actions, color: COLOR.muted }],
        },
      ],
    },
  ];
}

function headerRow(ctx: ProgrammeContext): Content[] {
  const { l } = ctx;
  return [
    th('#', { alignment: 'center' }),
    th('', { columnGap: GAP, columns: [l.group_description, l.group_firms, l.group_help].map((text, i) => ({ text, width: COLUMNS[i] })) }),
  ];
}

export function groups(ctx: ProgrammeContext): Content[] {
  const { l, input } = ctx;
  const intro = `${ctx.text('note.guidance')} ${l.groups_intro}`;
  if (input.groups.length === 0) return [{ unbreakable: true, stack: [h1(ctx.section(l.section_groups), true), p(intro, { fontSize: 8.5, color: COLOR.muted }), p(l.groups_empty)] }];
  // Heading, intro, table header and the first group stay together (keepNext); a large selection starts the
  // groups on a new page instead (see LARGE_SELECTION).
  const need = 40 + textHeight(intro, CONTENT_WIDTH, 8.5) + 22 + rowHeight(ctx, input.groups[0]!);
  const keep = input.rows.length > LARGE_SELECTION ? { pageBreak: 'before' } : keepNext(need);
  const out: Content[] = [{ ...(h1(ctx.section(l.section_groups), true) as object), ...keep }, p(intro, { fontSize: 8.5, color: COLOR.muted })];
  return [
    ...out,
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [22, '*'],
        body: [headerRow(ctx), ...input.groups.map((g, i) => row(ctx, g, i + 1))],
      },
      layout: 'report',
      fontSize: 8,
      lineHeight: 1.2,
    },
  ];
}
