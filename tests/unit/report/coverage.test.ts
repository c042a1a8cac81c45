import { beforeAll, describe, expect, it } from 'vitest';
import { covers, fontCoverage } from '../../../src/report/cmap';
import { fallbackFontsFor } from '../../../src/report/fallback';
import { EXT_B_CHUNKS, chunksFor } from '../../../src/report/fallback-chunks';
import { FULL_FONT, MAIN_FONT, applyFontRuns, cleanText, fontPlan, mainCovers, splitRuns, uncoveredCharacters } from '../../../src/report/fonts';
import { fontsFor } from '../../../src/report/font-set';
import type { ReportFonts } from '../../../src/report/types';
import { fullCoverage, fullFonts, loadChunk, mainFonts, nodeReportFonts } from '../../fixtures/report/fonts';
import { RARE_FIRM_NAME } from '../../fixtures/report/input';

let main: Pick<ReportFonts, 'regular' | 'bold'>;
let full: Pick<ReportFonts, 'regular' | 'bold'>;
let both: ReportFonts;
/** Main and whole Noto Sans SC: what the fallback chunks are chosen against. */
let inNoto: (cp: number) => boolean;
beforeAll(async () => {
  main = await mainFonts();
  full = await fullFonts();
  both = { ...main, full };
  inNoto = (cp) => mainCovers(main)(cp) || mainCovers(full)(cp);
});

const mark = (code: string) => `[U+${code}]`;

describe('font coverage (cmap)', () => {
  it('reads Noto Sans SC: common, rare basic and Extension A characters yes, 𠀾 and 𪚥 no', () => {
    const regular = fontCoverage(full.regular);
    for (const ch of ['天', '曌', '龘', '㐀', 'A', '—', '“']) expect(covers(regular, ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of ['𠀾', '𪚥']) expect(covers(regular, ch.codePointAt(0)!), ch).toBe(false);
    expect(fullCoverage).toEqual(regular);
  });

  it('the common-character files have GB 2312 and the app texts, not rarer characters', () => {
    const common = fontCoverage(main.regular);
    for (const ch of ['天', '鑫', '津', 'A', '—', '“', '①', '√']) expect(covers(common, ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of ['曌', '龘', '㐀', '喆', '𠀾']) expect(covers(common, ch.codePointAt(0)!), ch).toBe(false);
    expect(fontCoverage(main.bold)).toEqual(common);
  });
});

describe('uncoveredCharacters', () => {
  it('lists 𠀾 and 𪚥 once each when only Noto Sans SC is embedded, and nothing for a plain name', () => {
    expect(uncoveredCharacters(['天津市宏达精密机械有限公司', '王建国 Zhang Wei\n（备注）'], main)).toEqual([]);
    expect(uncoveredCharacters([RARE_FIRM_NAME, '负责人𪚥先生', '𠀾'], both)).toEqual(['𠀾', '𪚥']);
  });

  it('lists nothing once the HanaMinB chunks for those characters are added', async () => {
    const texts = [RARE_FIRM_NAME, '负责人𪚥先生'];
    const fallbacks = await fallbackFontsFor(texts, inNoto, loadChunk);
    expect(fallbacks.map((f) => f.name)).toEqual(['HanaMinB-1', 'HanaMinB-42']);
    expect(uncoveredCharacters(texts, { ...both, fallbacks })).toEqual([]);
  });

  it('still reports characters no font has, e.g. an emoji', async () => {
    const texts = ['质量第一😀', RARE_FIRM_NAME];
    const fallbacks = await fallbackFontsFor(texts, inNoto, loadChunk);
    expect(uncoveredCharacters(texts, { ...both, fallbacks })).toEqual(['😀']);
  });

  it('needs no fallback for text Noto Sans SC covers', async () => {
    expect(await fallbackFontsFor(['天津市宏达精密机械有限公司'], inNoto, () => Promise.reject(new Error('must not load')))).toEqual([]);
  });
});

describe('fontsFor: which files a report loads', () => {
  const refuse = () => Promise.reject(new Error('must not load'));
  const counted = () => {
    const calls: string[] = [];
    const loader = (what: string) => (file?: string) => (calls.push(file ?? what), refuse());
    return { calls, full: loader('full'), chunk: loader('chunk') };
  };
  it('loads only the common files for common text', async () => {
    const spy = counted();
    const fonts = await fontsFor(['天津市宏达精密机械有限公司', 'Zhang Wei'], { main: mainFonts, full: spy.full, fullCoverage, chunk: spy.chunk });
    expect(spy.calls).toEqual([]);
    expect(fonts.full).toBeNull();
    expect(fonts.fallbacks).toEqual([]);
  });

  it('loads the whole Noto Sans SC for 曌 and sets it in that font, without HanaMinB', async () => {
    const fonts = await fontsFor(['武则天曌明'], { main: mainFonts, full: fullFonts, fullCoverage, chunk: refuse });
    expect(fonts.full).not.toBeNull();
    expect(splitRuns('天曌', fontPlan(fonts), mark)).toEqual([{ text: '天' }, { text: '曌', font: FULL_FONT }]);
  });

  it('loads a HanaMinB chunk, not the whole Noto Sans SC, for 𠀾', async () => {
    const spy = counted();
    const fonts = await fontsFor(['天津市𠀾精密机械有限公司'], { main: mainFonts, full: spy.full, fullCoverage, chunk: loadChunk });
    expect(spy.calls).toEqual([]);
    expect(fonts.full).toBeNull();
    expect(fonts.fallbacks?.map((f) => f.name)).toEqual(['HanaMinB-1']);
  });

  it('without the whole font (offline, never cached) names the characters it would have set', async () => {
    const fonts = await fontsFor(['天曌'], { main: mainFonts, full: refuse, fullCoverage, chunk: refuse });
    expect(uncoveredCharacters(['天曌'], fonts)).toEqual(['曌']);
  });

  it('nodeReportFonts follows the same rule', async () => {
    expect((await nodeReportFonts(['曌'])).full).not.toBeNull();
    expect((await nodeReportFonts(['天'])).full).toBeNull();
  });
});

describe('fallback chunks', () => {
  it('map Extension B code points to their chunk', () => {
    expect(EXT_B_CHUNKS).toHaveLength(42);
    expect(chunksFor([0x2003e, 0x2a6a5, 0x5929])).toEqual([0, 41]);
  });
});

describe('splitRuns', () => {
  it('keeps covered text a plain string and removes invisible characters', () => {
    const plan = fontPlan(main);
    expect(splitRuns('天津\u200b市\tA', plan, mark)).toBe('天津市 A');
    expect(cleanText('a\r\nb\u202ec\ufe0f')).toBe('a\nbc');
  });

  it('sets uncovered characters in the fallback font, or as a visible code when no font has them', async () => {
    const bare = fontPlan(both);
    expect(splitRuns('市𠀾曌', bare, mark)).toEqual([{ text: '市' }, { text: '[U+2003E]', color: '#b00020' }, { text: '曌', font: FULL_FONT }]);
    const fallbacks = await fallbackFontsFor(['𠀾'], inNoto, loadChunk);
    const withFallback = fontPlan({ ...both, fallbacks });
    expect(withFallback.fontOf('天'.codePointAt(0)!)).toBe(MAIN_FONT);
    expect(splitRuns('市𠀾 曌', withFallback, mark)).toEqual([{ text: '市' }, { text: '𠀾', font: 'HanaMinB-1' }, { text: ' ' }, { text: '曌', font: FULL_FONT }]);
  });

  it('applyFontRuns rewrites texts in stacks, tables and inline arrays, and nothing else', () => {
    const split = (s: string) => (s.includes('X') ? [{ text: s, font: 'F' }] : s);
    const doc = applyFontRuns(
      {
        stack: ['aX', { text: ['b', { text: 'cX', bold: true }] }, { table: { body: [['dX', { text: 'e' }]] }, layout: 'Xlayout' }],
        style: 'X',
      },
      split,
    );
    expect(doc).toEqual({
      stack: [
        { text: [{ text: 'aX', font: 'F' }] },
        { text: ['b', { text: [{ text: 'cX', font: 'F' }], bold: true }] },
        { table: { body: [[{ text: [{ text: 'dX', font: 'F' }] }, { text: 'e' }]] }, layout: 'Xlayout' },
      ],
      style: 'X',
    });
  });
});
