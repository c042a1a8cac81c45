// Every text the programme summary may set, for the coverage check (and the fallback fonts) before export.
import { makeProgrammeContext } from './context';
import type { ProgrammeReportInput } from './types';

/** User data first (firm names, districts, the filter), then the wording the summary is given. */
export function collectProgrammeTexts(input: ProgrammeReportInput): string[] {
  const ctx = makeProgrammeContext(input);
  const loc = input.locale;
  const texts = [input.filterDescription];
  for (const r of input.rows) texts.push(r.name, r.district, r.industry);
  texts.push(...Object.values(input.labels), ...Object.values(input.industryNames), input.industryStandard);
  const c = input.catalogue;
  texts.push(c.title[loc], c.version, ...c.levels.map((lv) => lv.name[loc]), ...c.modules.map((m) => m.name[loc]));
  texts.push(ctx.text('note.guidance'));
  for (const g of input.groups) {
    texts.push(...[g.text.title, g.text.description, g.text.help].map((k) => ctx.text(k, g.text.params)));
    texts.push(...g.topActions.map((a) => ctx.actionText(a.actionId)));
  }
  return texts;
}
