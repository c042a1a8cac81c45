// generateReport: input + fonts → PDF bytes. Runs in the browser and in Node (tests, CLI).
import pdfMake from 'pdfmake';
import { buildDocument, fontDescriptors, FONT_FILES } from './document';
import { fontPlan, type FontPlan } from './fonts';
import { TABLE_LAYOUTS } from './layout';
import type { ReportFonts, ReportInput } from './types';

/** Lays out any pdfmake document with the report's fonts and table layouts. */
export async function renderPdf(build: (plan: FontPlan) => Record<string, unknown>, fonts: ReportFonts): Promise<Uint8Array> {
  const plan = fontPlan(fonts);
  pdfMake.virtualfs.writeFileSync(FONT_FILES.regular, fonts.regular);
  pdfMake.virtualfs.writeFileSync(FONT_FILES.bold, fonts.bold);
  if (fonts.full) {
    pdfMake.virtualfs.writeFileSync(FONT_FILES.fullRegular, fonts.full.regular);
    pdfMake.virtualfs.writeFileSync(FONT_FILES.fullBold, fonts.full.bold);
  }
  const fallbacks = fonts.fallbacks ?? [];
  for (const f of fallbacks) pdfMake.virtualfs.writeFileSync(FONT_FILES.fallback(f.name), f.data);
  pdfMake.setFonts(fontDescriptors(fallbacks.map((f) => f.name), !!fonts.full));
  pdfMake.setTableLayouts(TABLE_LAYOUTS);
  // The report fetches nothing: no URL, no local file outside the fonts given above.
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy?.(() => false);
  const buffer = await pdfMake.createPdf(build(plan)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export function generateReport(input: ReportInput, fonts: ReportFonts): Promise<Uint8Array> {
  return renderPdf((plan) => buildDocument(input, plan), fonts);
}
