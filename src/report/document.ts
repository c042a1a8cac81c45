// Assembles the pdfmake document definition from the sections. Pure: no fonts, no I/O.
import { FULL_FONT, MAIN_FONT, applyFontRuns, splitRuns, type FontPlan } from './fonts';
import { fill, makeContext } from './format';
import { PAGE, STYLES, footer, header, pageBreakBefore, type Content } from './layout';
import { cover, method } from './sections/cover';
import { indicators } from './sections/indicators';
import { insights } from './sections/insights';
import { certification, comparison, declaration } from './sections/path';
import { plan } from './sections/plan';
import { overall, profile } from './sections/result';
import type { ReportInput } from './types';

export function buildDocument(input: ReportInput, fonts: FontPlan): Record<string, unknown> {
  const ctx = makeContext(input);
  const content: Content[] = [
    ...cover(ctx),
    ...method(ctx),
    ...overall(ctx),
    ...profile(ctx),
    ...indicators(ctx),
    ...insights(ctx),
    ...plan(ctx),
    ...certification(ctx),
    ...comparison(ctx),
    ...declaration(ctx),
  ];
  const split = (s: string) => splitRuns(s, fonts, (code) => fill(input.labels.uncovered_character, { code }));
  const runs = <A extends unknown[]>(f: (...args: A) => Content) => (...args: A) => applyFontRuns(f(...args), split);
  return {
    pageSize: 'A4',
    pageMargins: PAGE.margins,
    info: {
      title: `${input.labels.title} — ${input.firm.name}`,
      subject: input.reportNumber,
      creator: input.catalogue.title[input.locale],
    },
    language: input.locale === 'zh' ? 'zh-CN' : 'en',
    defaultStyle: { font: MAIN_FONT, fontSize: 9.5, lineHeight: 1.3 },
    styles: STYLES,
    content: applyFontRuns(content, split),
    header: runs(header(ctx)),
    footer: runs(footer(ctx)),
    pageBreakBefore,
  };
}

export const FONT_FILES = {
  regular: 'NotoSansSC-Regular.ttf',
  bold: 'NotoSansSC-Bold.ttf',
  fullRegular: 'NotoSansSCFull-Regular.ttf',
  fullBold: 'NotoSansSCFull-Bold.ttf',
  fallback: (name: string) => `${name}.ttf`,
};

/** pdfmake font table: Noto Sans SC, the whole Noto Sans SC when loaded, and each fallback (one weight serves all styles). */
export function fontDescriptors(fallbacks: readonly string[], full = false): Record<string, Record<string, string>> {
  const table: Record<string, Record<string, string>> = {
    [MAIN_FONT]: { normal: FONT_FILES.regular, bold: FONT_FILES.bold, italics: FONT_FILES.regular, bolditalics: FONT_FILES.bold },
  };
  if (full) table[FULL_FONT] = { normal: FONT_FILES.fullRegular, bold: FONT_FILES.fullBold, italics: FONT_FILES.fullRegular, bolditalics: FONT_FILES.fullBold };
  for (const name of fallbacks) {
    const f = FONT_FILES.fallback(name);
    table[name] = { normal: f, bold: f, italics: f, bolditalics: f };
  }
  return table;
}
