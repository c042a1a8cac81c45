// Certification and support path, and the comparison with the previous assessment.
import { DISCLAIMER_KEY, STEP_TEXT } from '../../domain/certification';
import type { ChangeKind, IndicatorChange, ModuleChange } from '../../domain/result-types';
import type { MaturityLevel } from '../../domain/types';
import { fill, snake, level2, type ReportContext } from '../format';
import type { ReportLabelKey } from '../types';
import { COLOR, h1, h2, p, th, type Content } from '../layout';

export function certification(ctx: ReportContext): Content[] {
  const { l } = ctx;
  const path = ctx.input.result.certification;
  // Step titles, descriptions and actions are content (results-text.json), shared with the results screen.
  const say = (key: string, params: Record<string, string | number> = {}) => ctx.text({ key, params });
  const rows = path.steps.map((step) => {
    const current = step.id === path.current;
    const reasons = step.reasons.map(ctx.text);
    return [
      { text: say(STEP_TEXT[step.id].title), bold: current, color: current ? COLOR.accent : COLOR.ink },
      { text: l[`cert_status_${snake(step.status)}` as ReportLabelKey], bold: current },
      reasons.length > 0 ? { stack: reasons.map((r) => ({ text: r, margin: [0, 0, 0, 2] })) } : '—',
    ];
  });
  const now = STEP_TEXT[path.current];
  return [
    {
      unbreakable: true,
      stack: [
        h1(ctx.section(l.section_certification), true),
        p(fill(l.cert_current, { step: say(now.title) }), { bold: true, color: COLOR.accent }),
        p(say(now.description)),
        { text: l.cert_next_actions, bold: true, margin: [0, 0, 0, 2] },
        { ul: now.actions.map((key) => say(key)), margin: [0, 0, 0, 8] },
      ],
    },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [150, 50, '*'],
        body: [[th(l.cert_table_step), th(l.cert_table_status), th(l.cert_table_reason)], ...rows],
      },
      layout: 'report',
      margin: [0, 0, 0, 6],
    },
    { text: say(DISCLAIMER_KEY, { date: path.writtenOn }), style: 'small' },
  ];
}

const signed = (n: number | null, digits = 1) => (n === null ? '—' : `${n > 0 ? '+' : ''}${n.toFixed(digits)}`);

function levelOrNa(ctx: ReportContext, v: MaturityLevel | 'na' | null): string {
  if (v === 'na') return ctx.l.not_applicable;
  return v === null ? '—' : ctx.levelLabel(v);
}

function changeText(ctx: ReportContext, c: IndicatorChange): string {
  const kinds: Partial<Record<ChangeKind, string>> = { new: ctx.l.change_new, gone: ctx.l.change_gone };
  return kinds[c.kind] ?? signed(c.delta, 0);
}

function moduleRow(ctx: ReportContext, m: ModuleChange): Content[] {
  const cell = (value: number | null, level: MaturityLevel | null) => (value === null ? '—' : `${level2(value)}${ctx.paren(ctx.levelLabel(level))}`);
  const delta = m.delta100;
  return [
    `${ctx.moduleName(m.moduleId)} ${m.moduleId}`,
    cell(m.before, m.levelBefore),
    cell(m.after, m.levelAfter),
    { text: signed(delta), alignment: 'right', color: delta === null || delta === 0 ? COLOR.ink : delta > 0 ? '#2e7d32' : '#b00020' },
  ];
}

export function comparison(ctx: ReportContext): Content[] {
  const { l, input } = ctx;
  const cmp = input.result.comparison;
  const prev = input.previous;
  if (!cmp || !prev) return [];
  const changed = cmp.indicators.filter((c) => c.kind !== 'same');
  const stage = (s: MaturityLevel | null) => (s === null ? '—' : ctx.levelLabel(s));
  const out: Content[] = [
    {
      // Bounded (8 modules): heading, summary and module table stay together.
      unbreakable: true,
      stack: [
        h1(ctx.section(l.section_comparison), true),
        p(fill(l.comparison_intro, { date: prev.assessedOn, assessor: prev.assessor.trim() || l.not_filled })),
        p(fill(l.comparison_overall, { delta: signed(cmp.overallDelta100), before: stage(cmp.stageBefore), after: stage(cmp.stageAfter) }), { bold: true }),
        {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: ['*', 110, 110, 60],
            body: [[th(l.table_module), th(l.table_before), th(l.table_after), th(`${l.table_change}${ctx.paren(l.table_score)}`, { alignment: 'right' })], ...cmp.modules.map((m) => moduleRow(ctx, m))],
          },
          layout: 'report',
          margin: [0, 0, 0, 8],
        },
      ],
    },
    h2(l.comparison_indicators),
  ];
  if (changed.length === 0) out.push(p(l.comparison_no_change));
  else
    out.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [46, '*', 76, 76, 40],
        body: [
          [th(l.table_id), th(l.plan_indicator), th(l.table_before), th(l.table_after), th(l.table_change, { alignment: 'right' })],
          ...changed.map((c) => [c.indicatorId, ctx.indicatorName(c.indicatorId), levelOrNa(ctx, c.before), levelOrNa(ctx, c.after), { text: changeText(ctx, c), alignment: 'right' }]),
        ],
      },
      layout: 'report',
      margin: [0, 0, 0, 8],
    });
  if (cmp.completedActions.length > 0) {
    // Not unbreakable: the list may be longer than a page.
    out.push(h2(fill(l.comparison_completed, { n: cmp.completedActions.length })), { ul: cmp.completedActions.map(ctx.actionText) });
  }
  return out;
}

function signature(ctx: ReportContext, label: string, name: string): Content {
  const rule = (width: number, y: number): Content => ({ canvas: [{ type: 'line', x1: 0, y1: y, x2: width, y2: y, lineWidth: 0.5, lineColor: COLOR.ink }] });
  return {
    stack: [
      { text: label },
      { text: ' ', margin: [0, 0, 0, 22] },
      rule(150, 0),
      { text: name || ' ', fontSize: 8, color: COLOR.muted, margin: [0, 2, 0, 0] },
      { columns: [{ text: `${ctx.l.sign_date}${ctx.colon}`, width: 'auto' }, { width: '*', stack: [rule(110, 12)] }], columnGap: 2, margin: [0, 12, 0, 0] },
    ],
  };
}

export function declaration(ctx: ReportContext): Content[] {
  const { l } = ctx;
  return [
    {
      unbreakable: true,
      stack: [
        h1(ctx.section(l.section_declaration), true),
        p(l.declaration_text),
        {
          margin: [0, 16, 0, 0],
          columnGap: 14,
          columns: [
            { width: 165, stack: [signature(ctx, l.sign_assessor, ctx.input.assessment.assessor.trim())] },
            { width: 165, stack: [signature(ctx, l.sign_firm, '')] },
            {
              width: '*',
              table: { widths: [112], heights: [112], body: [[{ text: l.sign_seal, alignment: 'center', color: COLOR.muted, margin: [0, 48, 0, 0] }]] },
              layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, hLineColor: () => COLOR.rule, vLineColor: () => COLOR.rule },
            },
          ],
        },
      ],
    },
  ];
}
