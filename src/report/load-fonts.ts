// Browser: fetch the report fonts from the app's own origin (hashed assets of the build).
import regularUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf?url';
import { fallbackFontsFor } from './fallback';
import type { ReportFonts } from './types';

// One lazily resolved URL per HanaMinB Extension B chunk; a chunk is fetched only when a text needs it.
const chunkUrls = import.meta.glob<string>('../../node_modules/hanamin/HanaMinB.CJK-Unified-Ideographs-Extension-B-*.woff2', { query: '?url', import: 'default' });

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let main: Promise<Pick<ReportFonts, 'regular' | 'bold'>> | null = null;

function loadMain(): Promise<Pick<ReportFonts, 'regular' | 'bold'>> {
  main ??= Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]).then(([regular, bold]) => ({ regular, bold }));
  main.catch(() => {
    main = null;
  });
  return main;
}

/** Starts fetching Noto Sans SC (e.g. while the report code loads); loadReportFonts reuses the download. */
export function preloadMainFonts(): void {
  loadMain().catch(() => undefined);
}

async function loadChunk(file: string): Promise<Uint8Array> {
  const url = Object.entries(chunkUrls).find(([path]) => path.endsWith(`/${file}`))?.[1];
  if (!url) throw new Error(`Fallback font ${file} is not part of the build.`);
  return fetchBytes(await url());
}

/**
 * Noto Sans SC, plus the fallback chunks the given texts need (none when texts is empty). If a chunk
 * cannot be had (offline before it was ever cached), the report goes without it: uncoveredCharacters
 * then names those characters, so the user is told before export and the PDF shows their code.
 */
export async function loadReportFonts(texts: readonly string[] = []): Promise<ReportFonts> {
  const fonts = await loadMain();
  try {
    return { ...fonts, fallbacks: await fallbackFontsFor(texts, fonts, loadChunk) };
  } catch (error) {
    console.warn('Report fallback font unavailable:', error);
    return { ...fonts, fallbacks: [] };
  }
}
