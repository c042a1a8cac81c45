// Strengths and weaknesses, side by side; hidden weaknesses below.
import type { RankedIndicator, RankedModule } from '../../domain/result-types';
import { fill, level2, type ReportContext } from '../format';
import { h1, th, type Content } from '../layout';

function block(ctx: ReportContext, title: string, items: string[]): Content[] {
  return [{ text: title, bold: true, margin: [0, 2, 0, 2] }, items.length > 0 ? { ul: items, margin: [0, 0, 0, 6] } : { text: ctx.l.none, style: 'small', margin: [0, 0, 0, 6] }];
}

export function insights(ctx: ReportContext): Content[] {
  const { l } = ctx;
  const ins = ctx.input.result.insights;
  const mod = (m: RankedModule) => `${ctx.moduleName(m.moduleId)}  ${level2(m.value)}${ctx.paren(ctx.levelLabel(m.level))}`;
  const ind = (i: RankedIndicator) => `${i.indicatorId} ${ctx.indicatorName(i.indicatorId)}${ctx.paren(ctx.levelLabel(i.level))}`;
  const hidden = ins.hiddenWeaknesses.map((h) =>
    fill(l.hidden_weakness_text, {
      module: ctx.moduleName(h.moduleId),
      level: ctx.levelLabel(h.moduleLevel),
      indicators: ctx.list(h.weakIndicators.map(ind)),
    }),
  );
  const table: Content = {
      table: {
        headerRows: 1,
        // Bounded lists (a few modules and indicators each): the row stays on one page.
        dontBreakRows: true,
        widths: ['*', '*'],
        body: [
          [th(l.strengths), th(l.weaknesses)],
          [
            { stack: [...block(ctx, l.strongest_modules, ins.strongestModules.map(mod)), ...block(ctx, l.strongest_indicators, ins.strongestIndicators.map(ind))] },
            { stack: [...block(ctx, l.weakest_modules, ins.weakestModules.map(mod)), ...block(ctx, l.weakest_indicators, ins.weakestIndicators.map(ind))] },
          ],
        ],
      },
      layout: 'grid',
  };
  return [
    // Bounded lists: heading and table stay together on one page.
    { unbreakable: true, stack: [h1(ctx.section(l.section_insights), true), table] },
    ...(hidden.length > 0 ? [{ unbreakable: true, stack: block(ctx, l.hidden_weaknesses, hidden), margin: [0, 8, 0, 0] }] : []),
  ];
}
