// Browser entry of the programme summary PDF; load it with `await import('../report/programme')` on export only.
import { uncoveredCharacters } from '../fonts';
import { loadReportFonts } from '../load-fonts';
import { generateProgramme } from './generate';
import { collectProgrammeTexts } from './texts';
import type { ProgrammeReportInput } from './types';

export { PROGRAMME_LABEL_KEYS } from './types';
export type { ModuleMean, ProgrammeLabels, ProgrammeReportInput } from './types';
export { describeFilter, type FilterWording } from './filter';
export { collectProgrammeTexts, generateProgramme };

/** Characters of this summary that no available font has (they would print as [U+XXXX]): show them before export. */
export async function checkProgrammeCharacters(input: ProgrammeReportInput): Promise<string[]> {
  const texts = collectProgrammeTexts(input);
  return uncoveredCharacters(texts, await loadReportFonts(texts));
}

export async function exportProgrammePdf(input: ProgrammeReportInput): Promise<Blob> {
  const bytes = await generateProgramme(input, await loadReportFonts(collectProgrammeTexts(input)));
  return new Blob([bytes as BlobPart], { type: 'application/pdf' });
}
