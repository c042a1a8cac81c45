// Every piece of text the report may set, for the coverage check before export.
import { makeContext } from './format';
import type { ReportInput } from './types';

/** User-entered text first (firm, assessor, answers, plan), then the wording the report is given. */
export function collectReportTexts(input: ReportInput): string[] {
  const ctx = makeContext(input);
  const { firm, assessment } = input;
  const texts = [firm.name, firm.creditCode, firm.district, input.industryName, assessment.assessor, input.reportNumber];
  for (const a of input.answers) texts.push(a.naReason, a.note, a.evidence);
  for (const s of input.planStates) texts.push(s.text, s.owner, s.note, s.dueDate);
  if (input.previous) texts.push(input.previous.assessor);
  texts.push(...Object.values(input.labels));
  const c = input.catalogue;
  const loc = input.locale;
  texts.push(c.title[loc], c.source[loc], ...c.levels.flatMap((lv) => [lv.name[loc], lv.meaning[loc]]));
  for (const m of c.modules) {
    texts.push(m.name[loc]);
    for (const i of m.indicators) texts.push(i.name[loc], ...i.levels.flatMap((lv) => [lv.descriptor[loc], ...lv.actions.map((a) => a.text[loc])]));
  }
  const r = input.result;
  texts.push(...r.insights.summary.map(ctx.text), ...r.certification.steps.flatMap((s) => s.reasons.map(ctx.text)));
  return texts;
}
