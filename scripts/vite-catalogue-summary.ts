// Vite plugin: `virtual:catalogue-summary` is the catalogue without indicator text, computed at build
// time from src/content, so the first screen can score and name modules without loading all the text.
import type { Plugin } from 'vite';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeCatalogue } from '../src/domain/summary';
import type { Catalogue } from '../src/domain/types';

const ID = 'virtual:catalogue-summary';
const RESOLVED = `\0${ID}`;

export function readCatalogue(contentDir: string): Catalogue {
  const meta = JSON.parse(readFileSync(join(contentDir, 'catalogue.meta.json'), 'utf8'));
  const dir = join(contentDir, 'modules');
  const modules = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return { ...meta, modules };
}

export function catalogueSummary(contentDir: string): Plugin {
  return {
    name: 'catalogue-summary',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const f of ['catalogue.meta.json', ...readdirSync(join(contentDir, 'modules')).map((f) => join('modules', f))]) {
        this.addWatchFile(join(contentDir, f));
      }
      return `export default ${JSON.stringify(summarizeCatalogue(readCatalogue(contentDir)))};`;
    },
  };
}
