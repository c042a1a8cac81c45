import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { covers, fontCoverage } from '../../../src/report/cmap';
import { EXT_B_CHUNKS, chunkFile } from '../../../src/report/fallback-chunks';
import { woff2ToTtf } from '../../../src/report/woff2';
import { loadChunk } from '../../fixtures/report/fonts';

// fontkit (pdfkit's font engine) reads WOFF2 itself: the reference for the outlines.
interface FkGlyph {
  path: { toSVG(): string };
  advanceWidth: number;
}
interface FkFont {
  numGlyphs: number;
  characterSet: number[];
  glyphForCodePoint(cp: number): FkGlyph;
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Uint8Array): FkFont };

describe('woff2ToTtf', () => {
  for (const chunk of [0, 41]) {
    it(`decodes HanaMinB chunk ${chunk + 1} into TrueType with the same glyphs, outlines and metrics`, async () => {
      const woff2 = await loadChunk(chunkFile(chunk));
      const ttf = woff2ToTtf(woff2);
      expect(new DataView(ttf.buffer).getUint32(0)).toBe(0x00010000);
      const reference = fontkit.create(Buffer.from(woff2));
      const decoded = fontkit.create(Buffer.from(ttf));
      expect(decoded.numGlyphs).toBe(reference.numGlyphs);
      const [first, last] = EXT_B_CHUNKS[chunk]!;
      const coverage = fontCoverage(ttf);
      expect(coverage).toEqual([[first, last]]);
      for (const cp of reference.characterSet) {
        expect(covers(coverage, cp)).toBe(true);
        const a = reference.glyphForCodePoint(cp);
        const b = decoded.glyphForCodePoint(cp);
        expect(b.path.toSVG(), cp.toString(16)).toBe(a.path.toSVG());
        expect(b.advanceWidth).toBe(a.advanceWidth);
      }
    });
  }

  it('rejects what is not WOFF2', () => {
    expect(() => woff2ToTtf(new Uint8Array(64))).toThrow('Not a WOFF2 font.');
  });
});
