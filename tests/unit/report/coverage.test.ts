import { beforeAll, describe, expect, it } from 'vitest';
import { covers, fontCoverage } from '../../../src/report/cmap';
import { fallbackFontsFor } from '../../../src/report/fallback';
import { EXT_B_CHUNKS, chunksFor } from '../../../src/report/fallback-chunks';
import { MAIN_FONT, applyFontRuns, cleanText, fontPlan, splitRuns, uncoveredCharacters } from '../../../src/report/fonts';
import type { ReportFonts } from '../../../src/report/types';
import { loadChunk, mainFonts } from '../../fixtures/report/fonts';
import { RARE_FIRM_NAME } from '../../fixtures/report/input';

let main: Pick<ReportFonts, 'regular' | 'bold'>;
beforeAll(async () => {
  main = await mainFonts();
});

const mark = (code: string) => `[U+${code}]`;

describe('font coverage (cmap)', () => {
  it('reads Noto Sans SC: common, rare basic and Extension A characters yes, 𠀾 and 𪚥 no', () => {
    const regular = fontCoverage(main.regular);
    for (const ch of ['天', '曌', '龘', '㐀', 'A', '—', '“']) expect(covers(regular, ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of ['𠀾', '𪚥']) expect(covers(regular, ch.codePointAt(0)!), ch).toBe(false);
  });
});

describe('uncoveredCharacters', () => {
  it('lists 𠀾 and 𪚥 once each when only Noto Sans SC is embedded, and nothing for a plain name', () => {
    expect(uncoveredCharacters(['天津市宏达精密机械有限公司', '王建国 Zhang Wei\n（备注）'], main)).toEqual([]);
    expect(uncoveredCharacters([RARE_FIRM_NAME, '负责人𪚥先生', '𠀾'], main)).toEqual(['𠀾', '𪚥']);
  });

  it('lists nothing once the HanaMinB chunks for those characters are added', async () => {
    const texts = [RARE_FIRM_NAME, '负责人𪚥先生'];
    const fallbacks = await fallbackFontsFor(texts, main, loadChunk);
    expect(fallbacks.map((f) => f.name)).toEqual(['HanaMinB-1', 'HanaMinB-42']);
    expect(uncoveredCharacters(texts, { ...main, fallbacks })).toEqual([]);
  });

  it('still reports characters no font has, e.g. an emoji', async () => {
    const texts = ['质量第一😀', RARE_FIRM_NAME];
    const fallbacks = await fallbackFontsFor(texts, main, loadChunk);
    expect(uncoveredCharacters(texts, { ...main, fallbacks })).toEqual(['😀']);
  });

  it('needs no fallback for text Noto Sans SC covers', async () => {
    expect(await fallbackFontsFor(['天津市宏达精密机械有限公司'], main, () => Promise.reject(new Error('must not load')))).toEqual([]);
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
    const bare = fontPlan(main);
    expect(splitRuns('市𠀾曌', bare, mark)).toEqual([{ text: '市' }, { text: '[U+2003E]', color: '#b00020' }, { text: '曌' }]);
    const fallbacks = await fallbackFontsFor(['𠀾'], main, loadChunk);
    const withFallback = fontPlan({ ...main, fallbacks });
    expect(withFallback.fontOf('天'.codePointAt(0)!)).toBe(MAIN_FONT);
    expect(splitRuns('市𠀾 曌', withFallback, mark)).toEqual([{ text: '市' }, { text: '𠀾', font: 'HanaMinB-1' }, { text: ' 曌' }]);
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
