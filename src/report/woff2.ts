// WOFF2 → TrueType, in plain TypeScript (no WebAssembly, no eval: the app's CSP allows neither).
// pdfkit subsets TrueType only. Follows the W3C WOFF2 spec: table directory, Brotli stream,
// and the glyf/loca transform (version 0). Other table transforms (hmtx) are not used by our fonts.
import brotliDecompress from 'brotli/decompress.js';
import { Reader, Writer, checksum } from './binary';

const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];

interface Entry {
  tag: string;
  transformed: boolean;
  /** Length of the table's bytes in the decompressed stream. */
  length: number;
}

const sign = (flag: number, v: number) => (flag & 1 ? v : -v);

/** One point delta of the WOFF2 triplet encoding (spec 5.2). */
function triplet(flag: number, g: Reader): [number, number] {
  if (flag < 10) return [0, sign(flag, ((flag & 14) << 7) + g.u8())];
  if (flag < 20) return [sign(flag, (((flag - 10) & 14) << 7) + g.u8()), 0];
  if (flag < 84) {
    const b0 = flag - 20;
    const b1 = g.u8();
    return [sign(flag, 1 + (b0 & 0x30) + (b1 >> 4)), sign(flag >> 1, 1 + ((b0 & 0x0c) << 2) + (b1 & 0x0f))];
  }
  if (flag < 120) {
    const b0 = flag - 84;
    return [sign(flag, 1 + (Math.floor(b0 / 12) << 8) + g.u8()), sign(flag >> 1, 1 + (((b0 % 12) >> 2) << 8) + g.u8())];
  }
  if (flag < 124) {
    const b1 = g.u8();
    const b2 = g.u8();
    return [sign(flag, (b1 << 4) + (b2 >> 4)), sign(flag >> 1, ((b2 & 0x0f) << 8) + g.u8())];
  }
  return [sign(flag, g.u16()), sign(flag >> 1, g.u16())];
}

function simpleGlyph(out: Writer, contours: number, s: Streams, bbox: number[] | null) {
  const ends: number[] = [];
  let total = 0;
  for (let c = 0; c < contours; c++) {
    total += s.nPoints.u255();
    ends.push(total - 1);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  const on: boolean[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < total; i++) {
    const flag = s.flags.u8();
    const [dx, dy] = triplet(flag & 0x7f, s.glyphs);
    x += dx;
    y += dy;
    xs.push(x);
    ys.push(y);
    on.push(!(flag & 0x80));
  }
  const instructions = s.instructions.take(s.glyphs.u255());
  const box = bbox ?? [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  out.u16(contours);
  for (const v of box) out.u16(v & 0xffff);
  for (const e of ends) out.u16(e);
  out.u16(instructions.length);
  out.bytes(instructions);
  // Flags and coordinates as deltas; short (1-byte) form when it fits.
  const flags: number[] = [];
  const xBytes = new Writer();
  const yBytes = new Writer();
  let px = 0;
  let py = 0;
  for (let i = 0; i < total; i++) {
    let f = on[i] ? 0x01 : 0;
    const dx = xs[i]! - px;
    const dy = ys[i]! - py;
    px = xs[i]!;
    py = ys[i]!;
    if (dx === 0) f |= 0x10;
    else if (Math.abs(dx) < 256) {
      f |= 0x02 | (dx > 0 ? 0x10 : 0);
      xBytes.u8(Math.abs(dx));
    } else xBytes.u16(dx & 0xffff);
    if (dy === 0) f |= 0x20;
    else if (Math.abs(dy) < 256) {
      f |= 0x04 | (dy > 0 ? 0x20 : 0);
      yBytes.u8(Math.abs(dy));
    } else yBytes.u16(dy & 0xffff);
    flags.push(f);
  }
  for (const f of flags) out.u8(f);
  out.bytes(xBytes.result());
  out.bytes(yBytes.result());
}

function compositeGlyph(out: Writer, s: Streams, bbox: number[]) {
  const start = s.composites.pos;
  let more = true;
  let instructions = false;
  while (more) {
    const flags = s.composites.u16();
    s.composites.u16(); // glyph index
    s.composites.take(flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) s.composites.take(2);
    else if (flags & 0x0040) s.composites.take(4);
    else if (flags & 0x0080) s.composites.take(8);
    if (flags & 0x0100) instructions = true;
    more = (flags & 0x0020) !== 0;
  }
  out.u16(0xffff);
  for (const v of bbox) out.u16(v & 0xffff);
  out.bytes(s.composites.bytes.subarray(start, s.composites.pos));
  if (instructions) {
    const code = s.instructions.take(s.glyphs.u255());
    out.u16(code.length);
    out.bytes(code);
  }
}

interface Streams {
  nContours: Reader;
  nPoints: Reader;
  flags: Reader;
  glyphs: Reader;
  composites: Reader;
  instructions: Reader;
}

/** Rebuilds glyf and loca (long offsets) from the transformed glyf table. */
function untransformGlyf(data: Uint8Array): { glyf: Uint8Array; loca: Uint8Array } {
  const r = new Reader(data);
  r.u16(); // reserved
  const options = r.u16();
  const numGlyphs = r.u16();
  r.u16(); // indexFormat: we always write long offsets
  const sizes = Array.from({ length: 7 }, () => r.u32());
  const [nContours, nPoints, flags, glyphs, composites, bboxes, instructions] = sizes.map((n) => new Reader(r.take(n)));
  const s: Streams = { nContours: nContours!, nPoints: nPoints!, flags: flags!, glyphs: glyphs!, composites: composites!, instructions: instructions! };
  if (options & 1) r.take(((numGlyphs + 7) >> 3)); // overlapSimpleBitmap: not needed for rendering
  const bitmap = bboxes!.take(4 * ((numGlyphs + 31) >> 5));
  const glyf = new Writer();
  const loca = new Writer();
  for (let g = 0; g < numGlyphs; g++) {
    loca.u32(glyf.length);
    const contours = s.nContours.i16();
    const hasBox = (bitmap[g >> 3]! & (0x80 >> (g & 7))) !== 0;
    const bbox = hasBox ? [bboxes!.i16(), bboxes!.i16(), bboxes!.i16(), bboxes!.i16()] : null;
    if (contours > 0) simpleGlyph(glyf, contours, s, bbox);
    else if (contours < 0) {
      if (!bbox) throw new Error('WOFF2: composite glyph without bounding box.');
      compositeGlyph(glyf, s, bbox);
    }
    glyf.pad4();
  }
  loca.u32(glyf.length);
  return { glyf: glyf.result(), loca: loca.result() };
}

/** Decodes a WOFF2 font into TrueType (sfnt) bytes. */
export function woff2ToTtf(woff2: Uint8Array): Uint8Array {
  const r = new Reader(woff2);
  if (r.u32() !== 0x774f4632) throw new Error('Not a WOFF2 font.');
  const flavor = r.u32();
  if (flavor === 0x74746366) throw new Error('WOFF2 font collections are not supported.');
  r.u32(); // length
  const numTables = r.u16();
  r.u16(); // reserved
  r.u32(); // totalSfntSize
  const compressedSize = r.u32();
  r.pos = 48; // end of the header

  const entries: Entry[] = [];
  for (let i = 0; i < numTables; i++) {
    const flags = r.u8();
    let tag: string;
    if ((flags & 63) === 63) tag = String.fromCharCode(...r.take(4));
    else tag = KNOWN_TAGS[flags & 63]!;
    const version = flags >> 6;
    const origLength = r.base128();
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    const length = transformed ? r.base128() : origLength;
    if (transformed && tag !== 'glyf' && tag !== 'loca') throw new Error(`WOFF2: transformed '${tag}' table is not supported.`);
    entries.push({ tag, transformed, length });
  }
  const stream = brotliDecompress(r.take(compressedSize), entries.reduce((n, e) => n + e.length, 0));
  const tables = new Map<string, Uint8Array>();
  let at = 0;
  for (const e of entries) {
    tables.set(e.tag, stream.subarray(at, at + e.length));
    at += e.length;
  }
  const glyfEntry = entries.find((e) => e.tag === 'glyf');
  if (glyfEntry?.transformed) {
    const { glyf, loca } = untransformGlyf(tables.get('glyf')!);
    tables.set('glyf', glyf);
    tables.set('loca', loca);
    const head = tables.get('head')!.slice();
    new DataView(head.buffer).setInt16(50, 1); // indexToLocFormat: long
    tables.set('head', head);
  }
  return assemble(flavor, tables);
}

function assemble(flavor: number, tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const head = tables.get('head');
  if (head) new DataView(head.buffer, head.byteOffset).setUint32(8, 0); // checkSumAdjustment, set below
  const out = new Writer();
  const n = tags.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  out.u32(flavor);
  out.u16(n);
  out.u16(pow * 16);
  out.u16(Math.log2(pow));
  out.u16(n * 16 - pow * 16);
  let offset = 12 + 16 * n;
  const offsets: number[] = [];
  for (const tag of tags) {
    const data = tables.get(tag)!;
    for (let i = 0; i < 4; i++) out.u8(tag.charCodeAt(i));
    out.u32(checksum(data));
    out.u32(offset);
    out.u32(data.length);
    offsets.push(offset);
    offset += Math.ceil(data.length / 4) * 4;
  }
  for (const tag of tags) {
    out.bytes(tables.get(tag)!);
    out.pad4();
  }
  const font = out.result();
  if (head) {
    const at = offsets[tags.indexOf('head')]! + 8;
    new DataView(font.buffer).setUint32(at, (0xb1b0afba - checksum(font)) >>> 0);
  }
  return font;
}
