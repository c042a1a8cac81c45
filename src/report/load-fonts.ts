// Browser: fetch the report fonts from the app's own origin (hashed assets of the build).
import { boldUrl, fullBoldUrl, fullCoverage, fullRegularUrl, regularUrl } from 'virtual:report-fonts';
import { fontsFor } from './font-set';
import type { ReportFonts } from './types';

// One lazily resolved URL per HanaMinB Extension B chunk; a chunk is fetched only when a text needs it.
const chunkUrls = import.meta.glob<string>('../../node_modules/hanamin/HanaMinB.CJK-Unified-Ideographs-Extension-B-*.woff2', { query: '?url', import: 'default' });

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

type Pair = Pick<ReportFonts, 'regular' | 'bold'>;

/** Fetches a pair of files once; a failed fetch is tried again next time. */
function once(regular: string, bold: string): () => Promise<Pair> {
  let pending: Promise<Pair> | null = null;
  return () => {
    pending ??= Promise.all([fetchBytes(regular), fetchBytes(bold)]).then(([r, b]) => ({ regular: r, bold: b }));
    pending.catch(() => (pending = null));
    return pending;
  };
}

const loadMain = once(regularUrl, boldUrl);
const loadFull = once(fullRegularUrl, fullBoldUrl);

/** Starts fetching the main fonts (e.g. while the report code loads); loadReportFonts reuses the download. */
export function preloadMainFonts(): void {
  loadMain().catch(() => undefined);
}

async function loadChunk(file: string): Promise<Uint8Array> {
  const url = Object.entries(chunkUrls).find(([path]) => path.endsWith(`/${file}`))?.[1];
  if (!url) throw new Error(`Fallback font ${file} is not part of the build.`);
  return fetchBytes(await url());
}

/** The fonts the given texts need (see font-set.ts). */
export function loadReportFonts(texts: readonly string[] = []): Promise<ReportFonts> {
  return fontsFor(texts, { main: loadMain, full: loadFull, fullCoverage, chunk: loadChunk });
}
