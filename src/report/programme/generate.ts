// Input + fonts → PDF bytes, in the browser and in Node (tests, sample script).
import type { ReportFonts } from '../types';
import { renderPdf } from '../generate';
import { buildProgrammeDocument } from './document';
import type { ProgrammeReportInput } from './types';

export function generateProgramme(input: ProgrammeReportInput, fonts: ReportFonts): Promise<Uint8Array> {
  return renderPdf((plan) => buildProgrammeDocument(input, plan), fonts);
}
