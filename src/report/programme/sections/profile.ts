// Average module level of the selection, against the whole portfolio when the selection is a part of it.
import { averageProfile } from '../../../domain/portfolio';
import { fill, level2 } from '../../format';
import { COLOR, h1, p, th, type Content } from '../../layout';
import type { ProgrammeContext } from '../context';
import { CONTENT_WIDTH, bar } from '../layout';
import type { ModuleMean } from '../types';

const CHART = 300;

function chart(selection: number | null, portfolio: number | null, compare: boolean): Content {
  const stack: Content[] = [bar((selection ?? 0) / 5, CHART, COLOR.accent, 8)];
  if (compare) stack.push({ ...(bar((portfolio ?? 0) / 5, CHART, COLOR.muted, 3) as object), margin: [0, 1, 0, 0] });
  return { stack };
}

/** Scale under the chart column: 0 … 5 at their positions. */
function scale(): Content {
  return {
    canvas: [0, 1, 2, 3, 4, 5].map((n) => ({ type: 'line', x1: (n / 5) * CHART, y1: 0, x2: (n / 5) * CHART, y2: 3, lineWidth: 0.5, lineColor: COLOR.muted })),
  };
}

export function profile(ctx: ProgrammeContext): Content[] {
  const { l, input } = ctx;
  const selection = new Map(averageProfile(input.rows).map((m) => [m.moduleId, m]));
  const portfolio = new Map(input.portfolio.profile.map((m) => [m.moduleId, m]));
  // The selection is a subset of the portfolio: the same size means the same firms, so nothing to compare.
  const compare = input.rows.length < input.portfolio.firms;
  const value = (m: ModuleMean | undefined) => (m && m.mean !== null ? fill(l.profile_value, { mean: level2(m.mean), n: m.firms }) : '—');
  const diff = (a: ModuleMean | undefined, b: ModuleMean | undefined) => {
    if (!a || !b || a.mean === null || b.mean === null) return { text: '—' };
    const d = a.mean - b.mean;
    return { text: `${d > 0.005 ? '+' : ''}${d.toFixed(2)}`, color: d > 0.005 ? '#116329' : d < -0.005 ? '#b42318' : COLOR.ink };
  };
  const header = [th(l.col_module), th(l.col_selection, { alignment: 'right' })];
  if (compare) header.push(th(l.col_portfolio, { alignment: 'right' }), th(l.col_difference, { alignment: 'right' }));
  header.push(th(''));
  const rows = ctx.moduleIds.map((id) => {
    const s = selection.get(id);
    const q = portfolio.get(id);
    const row: Content[] = [`${id}  ${ctx.moduleName(id)}`, { text: value(s), alignment: 'right' }];
    if (compare) row.push({ text: value(q), alignment: 'right' }, { ...diff(s, q), alignment: 'right' });
    row.push(chart(s?.mean ?? null, q?.mean ?? null, compare));
    return row;
  });
  const scaleRow: Content[] = [...Array.from({ length: header.length - 1 }, () => ''), { stack: [scale(), { columns: [0, 1, 2, 3, 4, 5].map((n) => ({ text: String(n), width: n === 0 ? 6 : CHART / 5, alignment: n === 0 ? 'left' : 'right' })), fontSize: 6.5, color: COLOR.muted }] }];
  const fixed = compare ? [90, 90, 50, CHART] : [110, CHART];
  const first = CONTENT_WIDTH - fixed.reduce((a, b) => a + b, 0) - (fixed.length + 1) * 8;
  return [
    {
      unbreakable: true,
      stack: [
        h1(ctx.section(l.section_profile), true),
        p(compare ? `${l.profile_intro} ${l.profile_legend}` : l.profile_intro, { fontSize: 8.5, color: COLOR.muted }),
        { table: { headerRows: 1, widths: [first, ...fixed], body: [header, ...rows, scaleRow] }, layout: 'report', fontSize: 8.5 },
      ],
    },
  ];
}
