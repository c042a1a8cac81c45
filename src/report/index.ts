// The browser entry of the report, loaded with `await import('../report')` only when the user exports.
import { collectReportTexts } from './texts';
import { uncoveredCharacters } from './fonts';
import { generateReport } from './generate';
import { loadReportFonts } from './load-fonts';
import type { ReportInput } from './types';

export type { ReportFonts, ReportInput, ReportLabels } from './types';
export { REPORT_LABEL_KEYS } from './types';
export { collectReportTexts, generateReport, loadReportFonts, uncoveredCharacters };

/** Characters of this report that no available font has (they would print as [U+XXXX]): show them before export. */
export async function checkReportCharacters(input: ReportInput): Promise<string[]> {
  const texts = collectReportTexts(input);
  return uncoveredCharacters(texts, await loadReportFonts(texts));
}

export async function exportReportPdf(input: ReportInput): Promise<Blob> {
  const bytes = await generateReport(input, await loadReportFonts(collectReportTexts(input)));
  return new Blob([bytes as BlobPart], { type: 'application/pdf' });
}
