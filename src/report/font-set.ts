// Which font files a report needs, from its texts: the common-character Noto Sans SC always; the whole
// Noto Sans SC only when a text has a character outside the common set that it has; HanaMinB chunks for
// what neither has. One rule for the browser (fetch) and Node (files).
import { covers, type Coverage } from './cmap';
import { fallbackFontsFor, type ChunkLoader } from './fallback';
import { mainCovers, missingFrom } from './fonts';
import type { ReportFonts } from './types';

type Pair = Pick<ReportFonts, 'regular' | 'bold'>;

export interface FontSources {
  main(): Promise<Pair>;
  full(): Promise<Pair>;
  /** Code point ranges of the whole Noto Sans SC, known without loading it. */
  fullCoverage: Coverage;
  chunk: ChunkLoader;
}

/**
 * The fonts for these texts. A fallback that cannot be had (offline before it was ever cached) is left out:
 * uncoveredCharacters then names those characters, so the user is told before export.
 */
export async function fontsFor(texts: readonly string[], sources: FontSources): Promise<ReportFonts> {
  const main = await sources.main();
  const inMain = mainCovers(main);
  let full: Pair | null = null;
  if (missingFrom(texts, inMain).some((cp) => covers(sources.fullCoverage, cp))) {
    full = await sources.full().catch((error: unknown) => {
      console.warn('Report font (whole Noto Sans SC) unavailable:', error);
      return null;
    });
  }
  const inFull = full ? mainCovers(full) : () => false;
  try {
    return { ...main, full, fallbacks: await fallbackFontsFor(texts, (cp) => inMain(cp) || inFull(cp), sources.chunk) };
  } catch (error) {
    console.warn('Report fallback font unavailable:', error);
    return { ...main, full, fallbacks: [] };
  }
}
