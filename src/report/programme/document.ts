// Assembles the programme summary's pdfmake document. Pure: no fonts, no I/O.
import { MAIN_FONT, applyFontRuns, splitRuns, type FontPlan } from '../fonts';
import { fill } from '../format';
import { STYLES, type Content } from '../layout';
import { makeProgrammeContext } from './context';
import { LARGE_SELECTION, PAGE, footer, header, pageBreakBefore } from './layout';
import { firms } from './sections/firms';
import { groups } from './sections/groups';
import { overview, titleBlock } from './sections/overview';
import { profile } from './sections/profile';
import type { ProgrammeReportInput } from './types';

export function buildProgrammeDocument(input: ProgrammeReportInput, plan: FontPlan): Record<string, unknown> {
  const ctx = makeProgrammeContext(input);
  const content: Content[] = [...titleBlock(ctx), ...overview(ctx), ...profile(ctx), ...groups(ctx), ...firms(ctx)];
  const split = (s: string) => splitRuns(s, plan, (code) => fill(input.labels.uncovered_character, { code }));
  const runs = <A extends unknown[]>(f: (...args: A) => Content) => (...args: A) => applyFontRuns(f(...args), split);
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: PAGE.margins,
    info: { title: input.labels.title, subject: input.filterDescription, creator: input.catalogue.title[input.locale] },
    language: input.locale === 'zh' ? 'zh-CN' : 'en',
    defaultStyle: { font: MAIN_FONT, fontSize: 9, lineHeight: 1.3 },
    styles: STYLES,
    content: applyFontRuns(content, split),
    header: runs(header(ctx)),
    footer: runs(footer(ctx)),
    // A large selection places its sections without keepNext (see groups.ts): no page-break callback, which
    // pdfmake would otherwise prepare for every node of the long firm table.
    ...(input.rows.length > LARGE_SELECTION ? {} : { pageBreakBefore }),
  };
}
