// Vite plugin: `virtual:report-fonts` gives the URLs of the report's font files and the coverage of the
// whole Noto Sans SC. The common-character files are made at build time (scripts/fonts/report-fonts.ts).
import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { reportFontFiles } from './fonts/report-fonts';

const ID = 'virtual:report-fonts';
const RESOLVED = `\0${ID}`;

export function reportFonts(root: string): Plugin {
  let build = false;
  return {
    name: 'report-fonts',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const files = reportFontFiles(root);
      const url = (path: string) => {
        if (!build) return JSON.stringify(`/@fs${path}`);
        const ref = this.emitFile({ type: 'asset', name: basename(path).replace(/\.[0-9a-f]{16}\.ttf$/, '.ttf'), source: readFileSync(path) });
        return `import.meta.ROLLUP_FILE_URL_${ref}`;
      };
      return [
        `export const regularUrl = ${url(files.regular)};`,
        `export const boldUrl = ${url(files.bold)};`,
        `export const fullRegularUrl = ${url(files.fullRegular)};`,
        `export const fullBoldUrl = ${url(files.fullBold)};`,
        `export const fullCoverage = ${JSON.stringify(files.fullCoverage)};`,
      ].join('\n');
    },
  };
}
