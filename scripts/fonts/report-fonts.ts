// The report's main font files, made at build time: Noto Sans SC Regular and Bold cut to the common
// characters (see common-chars.ts), kept in node_modules/.cache so a build or a test makes them once.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { commonCodePoints } from './common-chars';
import { subsetFont } from './subset';
import { fontCoverage } from '../../src/report/cmap';

export const NOTO = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export interface ReportFontFiles {
  /** Absolute paths of the common-character files. */
  regular: string;
  bold: string;
  /** Absolute paths of the whole fonts (fetched only for characters outside the common set). */
  fullRegular: string;
  fullBold: string;
  /** Code point ranges of the whole Noto Sans SC (both weights have the same cmap). */
  fullCoverage: [number, number][];
}

/** Makes (or reuses) the common-character fonts; `root` is the project folder. */
export function reportFontFiles(root: string): ReportFontFiles {
  const modules = join(root, 'node_modules');
  const dir = join(modules, '.cache', 'qmm-report-fonts');
  const fullRegular = join(modules, NOTO.regular);
  const fullBold = join(modules, NOTO.bold);
  const codePoints = commonCodePoints([join(root, 'src', 'content'), join(root, 'src', 'locales')]);
  const stamp = createHash('sha256')
    .update(JSON.stringify([codePoints, statSync(fullRegular).size, statSync(fullBold).size, readFileSync(new URL('./subset.ts', import.meta.url)).length]))
    .digest('hex')
    .slice(0, 16);
  const files = { regular: join(dir, `NotoSansSC-Regular.common.${stamp}.ttf`), bold: join(dir, `NotoSansSC-Bold.common.${stamp}.ttf`), coverage: join(dir, `coverage.${stamp}.json`) };
  if (!existsSync(files.regular) || !existsSync(files.bold) || !existsSync(files.coverage)) {
    mkdirSync(dir, { recursive: true });
    const regular = new Uint8Array(readFileSync(fullRegular));
    writeFileSync(files.regular, subsetFont(regular, codePoints));
    writeFileSync(files.bold, subsetFont(new Uint8Array(readFileSync(fullBold)), codePoints));
    writeFileSync(files.coverage, JSON.stringify(fontCoverage(regular)));
  }
  return { regular: files.regular, bold: files.bold, fullRegular, fullBold, fullCoverage: JSON.parse(readFileSync(files.coverage, 'utf8')) };
}
