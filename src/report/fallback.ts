// Fallback fonts for characters Noto Sans SC lacks: only the HanaMinB chunks the text needs,
// converted from WOFF2 to TrueType (pdfkit subsets TrueType only). Loaded on export, never up front.
import { chunkFile, chunksFor } from './fallback-chunks';
import { missingFrom } from './fonts';
import type { FallbackFont } from './types';

/** Reads one file of the hanamin package (fetch in the browser, fs in Node). */
export type ChunkLoader = (file: string) => Promise<Uint8Array>;

/** Decoded chunks by file name: decoding takes a few hundred milliseconds, a check and an export share it. */
const decoded = new Map<string, Promise<Uint8Array>>();

/** The fallback fonts the texts need; an empty list when the fonts `covered` describes have every character. */
export async function fallbackFontsFor(texts: readonly string[], covered: (codePoint: number) => boolean, load: ChunkLoader): Promise<FallbackFont[]> {
  const chunks = chunksFor(missingFrom(texts, covered));
  if (chunks.length === 0) return [];
  // The decoder (and its Brotli dictionary) is loaded only when a text needs a fallback.
  const { woff2ToTtf } = await import('./woff2');
  const fonts: FallbackFont[] = [];
  for (const i of chunks) {
    const file = chunkFile(i);
    let ttf = decoded.get(file);
    if (!ttf) {
      ttf = load(file).then(woff2ToTtf);
      decoded.set(file, ttf);
      ttf.catch(() => decoded.delete(file));
    }
    fonts.push({ name: `HanaMinB-${i + 1}`, data: await ttf });
  }
  return fonts;
}
