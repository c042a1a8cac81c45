// Overall result, stage with its reasons, summary, radar and module table.
import type { ModuleScore } from '../../domain/score';
import type { MaturityLevel } from '../../domain/types';
import { fill, level2, score1, type ReportContext } from '../format';
import { COLOR, h1, h2, p, th, type Content } from '../layout';
import { radar } from './radar';

function stageText(ctx: ReportContext): string[] {
  const { l, score } = ctx;
  const rules = ctx.input.catalogue.rules;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const stage = score.stage;
  if (stage.kind === 'none') return [l.stage_none];
  if (stage.kind === 'insufficient') {
    return [fill(l.stage_insufficient, { modules: ctx.list(stage.modulesLackingAnswers.map(ctx.moduleName)), response: pct(rules.minModuleResponseForStage) })];
  }
  const out = [fill(l.stage_reached, { share: pct(rules.minModuleShareAtStage), reached: ctx.levelLabel(stage.reachedByMost) })];
  if (stage.limitingModules.length > 0) {
    const levels = new Map(score.modules.map((m) => [m.moduleId, m.level]));
    const modules = stage.limitingModules.map((id) => `${ctx.moduleName(id)}${ctx.paren(ctx.levelLabel(levels.get(id) ?? null))}`);
    out.push(fill(l.stage_limited, { modules: ctx.list(modules), gap: rules.maxModuleLevelsBelowStage, stage: ctx.levelLabel(stage.stage) }));
  }
  return out;
}

export function overall(ctx: ReportContext): Content[] {
  const { l, score } = ctx;
  const stage = score.stage.kind === 'given' ? fill(l.stage_value, { level: ctx.levelLabel(score.stage.stage) }) : '—';
  const c = score.coverage;
  const summary = ctx.input.result.insights.summary.map(ctx.text);
  // Headings sit in the same unbreakable block as what follows them (bounded content), so they are never left alone.
  return [
    {
      unbreakable: true,
      stack: [
        h1(ctx.section(l.section_result), true),
        {
          table: {
            widths: [110, '*'],
            body: [
              [{ text: l.result_overall, style: 'label' }, { text: fill(l.result_overall_value, { score: score1(score.score100), mean: level2(score.value) }), bold: true }],
              [{ text: l.result_stage, style: 'label' }, { text: stage, bold: true, fontSize: 12, color: COLOR.accent }],
              [{ text: l.result_coverage, style: 'label' }, fill(l.coverage_text, { answered: c.answered, na: c.notApplicable, unanswered: c.unanswered, total: c.total })],
            ],
          },
          layout: 'grid',
          margin: [0, 0, 0, 8],
        },
        ...stageText(ctx).map((t) => p(t)),
      ],
    },
    ...(summary.length > 0 ? [{ unbreakable: true, stack: [h2(l.summary_title, true), ...summary.map((t) => p(t))] }] : []),
  ];
}

function coverageCell(ctx: ReportContext, m: ModuleScore): string {
  const c = m.coverage;
  const base = fill(ctx.l.coverage_short, { answered: c.answered, total: c.total });
  return c.notApplicable > 0 ? `${base}${ctx.paren(`${ctx.l.not_applicable} ${c.notApplicable}`)}` : base;
}

export function profile(ctx: ReportContext): Content[] {
  const { l, score, input } = ctx;
  const targets = input.targets?.modules ?? {};
  const hasTargets = Object.keys(targets).length > 0;
  const header = [th(l.table_module), th(l.table_score, { alignment: 'right' }), th(l.table_mean, { alignment: 'right' }), th(l.table_level), th(l.table_coverage)];
  if (hasTargets) header.push(th(l.table_target));
  const rows = score.modules.map((m) => {
    const row: Content[] = [
      `${ctx.moduleName(m.moduleId)} ${m.moduleId}`,
      { text: score1(m.score100), alignment: 'right' },
      { text: level2(m.value), alignment: 'right' },
      ctx.levelLabel(m.level),
      coverageCell(ctx, m),
    ];
    if (hasTargets) row.push(ctx.levelLabel((targets[m.moduleId] as MaturityLevel | undefined) ?? null));
    return row;
  });
  const widths = hasTargets ? ['*', 48, 52, 66, 92, 66] : ['*', 56, 60, 76, 110];
  return [
    { unbreakable: true, stack: [h1(ctx.section(l.section_profile), true), radar(ctx)] },
    {
      table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...rows] },
      layout: 'report',
      unbreakable: true,
      margin: [0, 6, 0, 4],
    },
    ...(score.modules.some((m) => m.value === null) ? [{ text: l.no_value_note, style: 'small' }] : []),
  ];
}
