// The firm table: one row per firm of the selection, module levels as coloured cells; header on every page.
import type { PortfolioRow } from '../../../domain/portfolio';
import { fill, score1 } from '../../format';
import { COLOR, MAX_UNBREAKABLE_ROW, estimateHeight, h1, p, th, type Content } from '../../layout';
import type { ProgrammeContext } from '../context';
import { CONTENT_WIDTH, DOWN, LARGE_SELECTION, LEVEL_COLORS, UP, keepNext, levelColor, narrowColumns } from '../layout';

const MODULE_CELL = 18;
// no, name, district, industry, size, stage, overall, delta, 8 modules, groups, date
const FIXED = { no: 20, district: 50, industry: 24, size: 34, stage: 50, overall: 36, delta: 32, groups: 56, date: 46 };
const FIRST_MODULE = 8;

/** Header cell, smaller than the report's so that four Chinese characters fit the number columns. */
const hd = (text: string, extra: Record<string, unknown> = {}) => th(text, { fontSize: 7.5, ...extra });
function signed(n: number | null): string {
  if (n === null) return '—';
  const s = n.toFixed(1);
  return s === '0.0' || s === '-0.0' ? '0.0' : n > 0 ? `+${s}` : s;
}

function row(ctx: ProgrammeContext, r: PortfolioRow, i: number, groupNos: Map<string, number[]>): Content[] {
  const { l } = ctx;
  const a = r.latest;
  const delta = r.overallDelta100;
  const date: Content = a ? { text: a.status === 'draft' ? [a.assessedOn, { text: `\n${l.status_draft}`, color: DOWN }] : a.assessedOn } : '—';
  return [
    { text: String(i + 1), alignment: 'right', color: COLOR.muted },
    { text: r.name, bold: true },
    r.district || '—',
    { text: r.industry || '—', alignment: 'center' },
    r.sizeClass ? l[`size_${r.sizeClass}`] : '—',
    ctx.stageLabel(r.stage),
    { text: score1(r.overall100), alignment: 'right' },
    { text: signed(delta), alignment: 'right', color: delta === null || Math.abs(delta) < 0.05 ? COLOR.ink : delta > 0 ? UP : DOWN },
    ...ctx.moduleIds.map((id) => {
      const level = a?.moduleLevels[id] ?? null;
      return { text: level === null ? '—' : String(level), alignment: 'center', bold: true, color: level === null ? COLOR.muted : '#ffffff', fillColor: levelColor(level) };
    }),
    (groupNos.get(r.firmId) ?? []).join(', ') || '—',
    date,
  ];
}

function legend(ctx: ProgrammeContext): Content[] {
  const { l, input } = ctx;
  const levels: Content[] = [{ text: `${l.legend_levels} `, color: COLOR.muted }];
  LEVEL_COLORS.forEach((color, i) => levels.push({ text: ` ${i + 1} `, background: color, color: '#ffffff', bold: true }, ` ${input.catalogue.levels[i]?.name[ctx.loc] ?? ''}   `));
  const codes = [...new Set(input.rows.map((r) => r.industry).filter(Boolean))].sort();
  const industries = codes.map((c) => `${c} ${input.industryNames[c] ?? ''}`.trim()).join(ctx.loc === 'zh' ? '；' : '; ');
  const out: Content[] = [{ text: levels, fontSize: 8, margin: [0, 0, 0, 3] }];
  if (codes.length > 0) out.push({ text: [{ text: `${fill(l.legend_industries, { standard: input.industryStandard })}${ctx.loc === 'zh' ? '' : ' '}`, color: COLOR.muted }, industries], fontSize: 8, margin: [0, 0, 0, 6] });
  return out;
}

export function firms(ctx: ProgrammeContext): Content[] {
  const { l, input } = ctx;
  const title = ctx.section(l.section_firms);
  if (input.rows.length === 0) return [{ unbreakable: true, stack: [h1(title, true), p(l.firms_empty)] }];
  // The table follows on unless heading, intro, legends, header and a few rows do not fit below (keepNext);
  // a large selection starts it on a new page (see LARGE_SELECTION).
  const heading = { ...(h1(title, true) as object), ...(input.rows.length > LARGE_SELECTION ? { pageBreak: 'before' } : keepNext(170)) };
  const groupNos = new Map<string, number[]>();
  input.groups.forEach((g, i) => g.firmIds.forEach((id) => groupNos.set(id, [...(groupNos.get(id) ?? []), i + 1])));
  const header: Content[] = [
    hd(l.col_no),
    hd(l.col_name),
    hd(l.col_district),
    hd(l.col_industry, { alignment: 'center' }),
    hd(l.col_size),
    hd(l.col_stage),
    hd(l.col_overall, { alignment: 'right' }),
    hd(l.col_delta, { alignment: 'right' }),
    // Chinese module names have two characters and fit the cell; English ones do not, so English shows the ids.
    ...ctx.moduleIds.map((id) => th(ctx.loc === 'zh' ? ctx.moduleName(id) : id, { alignment: 'center', fontSize: ctx.loc === 'zh' ? 7 : 6.5 })),
    hd(l.col_groups),
    hd(l.col_date),
  ];
  const f = FIXED;
  const widths = [f.no, '*', f.district, f.industry, f.size, f.stage, f.overall, f.delta, ...ctx.moduleIds.map(() => MODULE_CELL), f.groups, f.date];
  const modules = ctx.moduleIds.length;
  const narrow = new Set(Array.from({ length: modules }, (_, i) => FIRST_MODULE + i));
  const nameWidth = CONTENT_WIDTH - Object.values(FIXED).reduce((a, b) => a + b, 0) - modules * (MODULE_CELL + 2) - 10 * 6;
  const tall = input.rows.some((r) => estimateHeight(r.name, nameWidth, 7.5) > MAX_UNBREAKABLE_ROW);
  return [
    heading,
    p(l.firms_intro, { fontSize: 8.5, color: COLOR.muted }),
    ...legend(ctx),
    {
      table: { headerRows: 1, dontBreakRows: !tall, widths, body: [header, ...input.rows.map((r, i) => row(ctx, r, i, groupNos))] },
      layout: narrowColumns(narrow),
      fontSize: 7.5,
      lineHeight: 1.2,
    },
  ];
}
