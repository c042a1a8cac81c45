// Improvement plan, grouped by horizon (30 / 90 / 180 days), in rank order.
import type { Horizon, PlanItem, PlanItemState } from '../../domain/result-types';
import { fill, snake, type ReportContext } from '../format';
import type { ReportLabelKey } from '../types';
import { COLOR, CONTENT_WIDTH, MAX_UNBREAKABLE_ROW, estimateHeight, h1, p, th, titleRow, type Content } from '../layout';

const HORIZONS: Horizon[] = [30, 90, 180];
const WIDTHS = [22, 88, '*', 56, 56, 46];
const ACTION_WIDTH = CONTENT_WIDTH - (22 + 88 + 56 + 56 + 46) - 6 * 8;

function row(ctx: ReportContext, item: PlanItem, state: PlanItemState | undefined): { cells: Content[]; height: number } {
  const { l } = ctx;
  const action = state && state.text.trim() !== '' ? state.text.trim() : ctx.actionText(item.actionId);
  const note = state?.note.trim() ?? '';
  const status = state?.status ?? 'proposed';
  const actionCell: Content[] = [{ text: action }];
  if (note !== '') actionCell.push({ text: note, fontSize: 8, color: COLOR.muted, margin: [0, 2, 0, 0] });
  const cells: Content[] = [
    { text: String(item.rank), alignment: 'right' },
    {
      stack: [
        { text: item.indicatorId, bold: true },
        { text: ctx.indicatorName(item.indicatorId), fontSize: 8 },
        { text: fill(l.plan_levels, { from: item.fromLevel, to: item.targetLevel }), fontSize: 8, color: COLOR.muted },
      ],
    },
    { stack: actionCell },
    state?.owner.trim() || '—',
    state?.dueDate || '—',
    { text: l[`plan_status_${snake(status)}` as ReportLabelKey], color: status === 'rejected' ? COLOR.muted : COLOR.ink },
  ];
  return { cells, height: estimateHeight(`${action}\n${note}`, ACTION_WIDTH) };
}

export function plan(ctx: ReportContext): Content[] {
  const { l } = ctx;
  const items = [...ctx.input.result.plan].sort((a, b) => a.rank - b.rank);
  const states = new Map(ctx.input.planStates.map((s) => [s.actionId, s]));
  const out: Content[] = [h1(ctx.section(l.section_plan))];
  if (items.length === 0) return [...out, p(l.plan_empty)];
  out.push(p(l.plan_intro));
  for (const horizon of HORIZONS) {
    const group = items.filter((i) => i.horizon === horizon);
    if (group.length === 0) continue;
    const rows = group.map((i) => row(ctx, i, states.get(i.actionId)));
    out.push({
      table: {
        headerRows: 2,
        keepWithHeaderRows: 1,
        dontBreakRows: rows.every((r) => r.height <= MAX_UNBREAKABLE_ROW),
        widths: WIDTHS,
        body: [
          titleRow(`${l[`horizon_${horizon}`]}${ctx.paren(String(group.length))}`, 6),
          [th(l.table_rank), th(l.plan_indicator), th(l.table_action), th(l.table_owner), th(l.table_due), th(l.table_status)],
          ...rows.map((r) => r.cells),
        ],
      },
      layout: 'report',
      fontSize: 8.5,
      margin: [0, 4, 0, 10],
    });
  }
  return out;
}
