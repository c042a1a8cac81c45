import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readCharMap, subsetFont } from '../../../scripts/fonts/subset';
import { commonCodePoints } from '../../../scripts/fonts/common-chars';
import { fullFonts, mainFonts } from '../../fixtures/report/fonts';

// fontkit (pdfkit's font engine) is the reference reader: what pdfkit will see of the subset.
interface FkGlyph {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
}
interface FkFont {
  numGlyphs: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): FkGlyph;
  layout(text: string): { glyphs: FkGlyph[]; positions: { xAdvance: number }[] };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Uint8Array): FkFont };
const T = 60_000;

describe('common-character Noto Sans SC (scripts/fonts)', () => {
  it('keeps every common character with the same glyph id, outline and advance, in both weights', async () => {
    const [main, full] = [await mainFonts(), await fullFonts()];
    const codePoints = commonCodePoints(['src/content', 'src/locales']);
    expect(codePoints.length).toBeGreaterThan(7000);
    for (const weight of ['regular', 'bold'] as const) {
      const sub = fontkit.create(Buffer.from(main[weight]));
      const ref = fontkit.create(Buffer.from(full[weight]));
      expect(sub.numGlyphs).toBe(ref.numGlyphs);
      const subMap = readCharMap(main[weight]);
      const refMap = readCharMap(full[weight]);
      for (const cp of codePoints) expect(subMap.get(cp), cp.toString(16)).toBe(refMap.get(cp));
      // Outlines: every 5th common character, and the report's own characters.
      for (const cp of codePoints.filter((_, i) => i % 5 === 0).concat([...'质量管理成熟度评价报告（）：；、'].map((c) => c.codePointAt(0)!))) {
        if (!refMap.has(cp)) continue;
        const [a, b] = [sub.glyphForCodePoint(cp), ref.glyphForCodePoint(cp)];
        expect(a.id).toBe(b.id);
        expect(a.advanceWidth).toBe(b.advanceWidth);
        expect(a.path.toSVG(), cp.toString(16)).toBe(b.path.toSVG());
      }
    }
  }, T);

  it('maps nothing outside the set, so coverage sends those characters to the whole font', async () => {
    const sub = fontkit.create(Buffer.from((await mainFonts()).regular));
    for (const ch of ['曌', '喆', '龘', '㐀']) expect(sub.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(false);
    expect(readCharMap((await mainFonts()).regular).size).toBeLessThan(readCharMap((await fullFonts()).regular).size / 3);
  }, T);

  it('lays out mixed text with the advances of the whole font, and is under a third of its size', async () => {
    const [main, full] = [await mainFonts(), await fullFonts()];
    const text = '天津市宏达精密机械有限公司 ISO 9001:2015 第3页（共27页）';
    const advances = (f: FkFont) => f.layout(text).positions.map((p) => p.xAdvance);
    expect(advances(fontkit.create(Buffer.from(main.regular)))).toEqual(advances(fontkit.create(Buffer.from(full.regular))));
    expect(main.regular.length).toBeLessThan(full.regular.length / 3);
    expect(main.bold.length).toBeLessThan(full.bold.length / 3);
  }, T);

  it('is a deterministic function of the font and the characters', async () => {
    const full = (await fullFonts()).regular;
    const a = subsetFont(full, [0x5929, 0x41]);
    expect(subsetFont(full, [0x41, 0x5929])).toEqual(a);
    expect([...readCharMap(a).keys()].sort((x, y) => x - y)).toEqual([0x41, 0x5929]);
  }, T);
});
