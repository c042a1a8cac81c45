// Every indicator: id, name, level and its descriptor, not-applicable reason, note, evidence.
import type { IndicatorScore } from '../../domain/score';
import type { Answer } from '../../domain/types';
import { level2, score1, type ReportContext } from '../format';
import { COLOR, CONTENT_WIDTH, MAX_UNBREAKABLE_ROW, estimateHeight, h1, th, titleRow, type Content } from '../layout';

const WIDTHS = [46, '*', 64];
const TEXT_WIDTH = CONTENT_WIDTH - 46 - 64 - 24;

function field(ctx: ReportContext, label: string, value: string): Content {
  return { text: [{ text: `${label}${ctx.colon}`, bold: true, color: COLOR.muted }, value], margin: [0, 3, 0, 0] };
}

function row(ctx: ReportContext, s: IndicatorScore, answer: Answer | undefined): { cells: Content[]; height: number } {
  const { l, loc } = ctx;
  const indicator = ctx.indicator(s.indicatorId);
  const body: Content[] = [{ text: ctx.indicatorName(s.indicatorId), bold: true }];
  let levelCell: Content;
  let text = ctx.indicatorName(s.indicatorId);
  if (s.status === 'answered' && s.level !== null) {
    const descriptor = indicator?.levels.find((lv) => lv.level === s.level)?.descriptor[loc] ?? '';
    body.push({ text: descriptor, fontSize: 8.5, color: COLOR.muted, margin: [0, 2, 0, 0] });
    text += `\n${descriptor}`;
    levelCell = { text: [{ text: String(s.level), fontSize: 13, bold: true, color: COLOR.accent }, `\n${ctx.levelName(s.level)}`], alignment: 'center' };
  } else if (s.status === 'notApplicable') {
    levelCell = { text: l.not_applicable, alignment: 'center', color: COLOR.muted };
  } else {
    levelCell = { text: l.unanswered, alignment: 'center', color: '#b00020' };
  }
  const extras: [string, string][] = [];
  if (answer?.notApplicable) extras.push([l.na_reason, answer.naReason.trim() || l.not_filled]);
  if (answer && answer.note.trim() !== '') extras.push([l.note, answer.note.trim()]);
  if (answer && answer.evidence.trim() !== '') extras.push([l.evidence, answer.evidence.trim()]);
  for (const [label, value] of extras) {
    body.push(field(ctx, label, value));
    text += `\n${label}${ctx.colon}${value}`;
  }
  return { cells: [{ text: s.indicatorId, bold: true }, { stack: body }, levelCell], height: estimateHeight(text, TEXT_WIDTH) };
}

export function indicators(ctx: ReportContext): Content[] {
  const answers = new Map(ctx.input.answers.map((a) => [a.indicatorId, a]));
  const out: Content[] = [h1(ctx.section(ctx.l.section_indicators))];
  for (const m of ctx.score.modules) {
    const rows = m.indicators.map((s) => row(ctx, s, answers.get(s.indicatorId)));
    const title = `${m.moduleId}  ${ctx.moduleName(m.moduleId)}    ${ctx.l.table_score} ${score1(m.score100)}  ·  ${ctx.l.table_mean} ${level2(m.value)}  ·  ${ctx.l.table_level} ${ctx.levelLabel(m.level)}`;
    out.push({
      table: {
        headerRows: 2,
        keepWithHeaderRows: 1,
        // Rows stay whole unless one is too tall for a page; then rows break between lines, never mid-line.
        dontBreakRows: rows.every((r) => r.height <= MAX_UNBREAKABLE_ROW),
        widths: WIDTHS,
        body: [titleRow(title, 3), [th(ctx.l.table_id), th(ctx.l.table_indicator), th(ctx.l.table_level_col, { alignment: 'center' })], ...rows.map((r) => r.cells)],
      },
      layout: 'report',
      margin: [0, 4, 0, 10],
    });
  }
  return out;
}
