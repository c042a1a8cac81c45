// Cuts a TrueType font down to a set of characters, keeping glyph ids (so hmtx, vmtx and GPOS stay valid):
// glyphs outside the set (and the composites' components they need) become empty, cmap maps only the set,
// and GSUB goes (its substitutes could be glyphs that are now empty). Used at build time for the report fonts.

interface Table {
  tag: string;
  data: Uint8Array;
}

function readTables(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, Uint8Array>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const r = 12 + i * 16;
    const tag = String.fromCharCode(font[r]!, font[r + 1]!, font[r + 2]!, font[r + 3]!);
    tables.set(tag, font.subarray(view.getUint32(r + 8), view.getUint32(r + 8) + view.getUint32(r + 12)));
  }
  return tables;
}

const viewOf = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Code point → glyph id from the font's Unicode cmap (format 12, else format 4). */
export function readCharMap(font: Uint8Array): Map<number, number> {
  const cmap = readTables(font).get('cmap');
  if (!cmap) throw new Error("Font has no 'cmap' table.");
  const v = viewOf(cmap);
  const out = new Map<number, number>();
  let format4: number | null = null;
  for (let i = 0; i < v.getUint16(2); i++) {
    const platform = v.getUint16(4 + i * 8);
    const encoding = v.getUint16(6 + i * 8);
    const sub = v.getUint32(8 + i * 8);
    const format = v.getUint16(sub);
    if (format === 12 && (platform === 0 || (platform === 3 && encoding === 10))) {
      for (let g = 0; g < v.getUint32(sub + 12); g++) {
        const p = sub + 16 + g * 12;
        const [first, last, gid] = [v.getUint32(p), v.getUint32(p + 4), v.getUint32(p + 8)];
        for (let cp = first; cp <= last; cp++) out.set(cp, gid + cp - first);
      }
      return out;
    }
    if (format === 4 && (platform === 0 || (platform === 3 && encoding === 1))) format4 ??= sub;
  }
  if (format4 === null) throw new Error('Font has no Unicode cmap (format 4 or 12).');
  const segX2 = v.getUint16(format4 + 6);
  const ends = format4 + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const offsets = deltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    const [end, start, delta, ro] = [v.getUint16(ends + s * 2), v.getUint16(starts + s * 2), v.getInt16(deltas + s * 2), v.getUint16(offsets + s * 2)];
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let gid: number;
      if (ro === 0) gid = (cp + delta) & 0xffff;
      else {
        const raw = v.getUint16(offsets + s * 2 + ro + (cp - start) * 2);
        gid = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (gid !== 0) out.set(cp, gid);
    }
  }
  return out;
}

/** A cmap with one format 12 subtable (Unicode full and Windows UCS-4) and a format 4 for the BMP. */
function writeCmap(map: Map<number, number>): Uint8Array {
  const cps = [...map.keys()].sort((a, b) => a - b);
  const groups: [number, number, number][] = [];
  for (const cp of cps) {
    const gid = map.get(cp)!;
    const g = groups[groups.length - 1];
    if (g && cp === g[1] + 1 && gid === g[2] + cp - g[0]) g[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  // Format 4: BMP segments (split from the groups), each with a delta, plus the final 0xFFFF segment.
  const segs: [number, number, number][] = [];
  for (const [first, last, gid] of groups) {
    if (first > 0xfffe) break;
    segs.push([first, Math.min(last, 0xfffe), gid]);
  }
  segs.push([0xffff, 0xffff, 1]);
  const n = segs.length;
  const f4 = new DataView(new ArrayBuffer(16 + n * 8));
  f4.setUint16(0, 4);
  f4.setUint16(2, f4.byteLength);
  f4.setUint16(6, n * 2);
  const pow = 2 ** Math.floor(Math.log2(n));
  f4.setUint16(8, pow * 2);
  f4.setUint16(10, Math.log2(pow));
  f4.setUint16(12, n * 2 - pow * 2);
  segs.forEach(([first, last, gid], i) => {
    f4.setUint16(14 + i * 2, last);
    f4.setUint16(16 + n * 2 + i * 2, first);
    f4.setUint16(16 + n * 4 + i * 2, (gid - first) & 0xffff);
    f4.setUint16(16 + n * 6 + i * 2, 0);
  });
  if (f4.byteLength > 0xffff) throw new Error('Subset too fragmented for a format 4 cmap.');
  const f12 = new DataView(new ArrayBuffer(16 + groups.length * 12));
  f12.setUint16(0, 12);
  f12.setUint32(4, f12.byteLength);
  f12.setUint32(12, groups.length);
  groups.forEach(([first, last, gid], i) => {
    f12.setUint32(16 + i * 12, first);
    f12.setUint32(20 + i * 12, last);
    f12.setUint32(24 + i * 12, gid);
  });
  const records: [number, number, DataView][] = [[0, 3, f4], [0, 4, f12], [3, 1, f4], [3, 10, f12]];
  const head = 4 + records.length * 8;
  const out = new Uint8Array(head + f4.byteLength + f12.byteLength);
  const v = viewOf(out);
  v.setUint16(2, records.length);
  const offsetOf = (t: DataView) => (t === f4 ? head : head + f4.byteLength);
  records.forEach(([platform, encoding, t], i) => {
    v.setUint16(4 + i * 8, platform);
    v.setUint16(6 + i * 8, encoding);
    v.setUint32(8 + i * 8, offsetOf(t));
  });
  out.set(new Uint8Array(f4.buffer), head);
  out.set(new Uint8Array(f12.buffer), head + f4.byteLength);
  return out;
}

/** Glyph ids a composite glyph refers to. */
function components(glyph: Uint8Array): number[] {
  const v = viewOf(glyph);
  if (glyph.length < 10 || v.getInt16(0) >= 0) return [];
  const out: number[] = [];
  let p = 10;
  for (;;) {
    const flags = v.getUint16(p);
    out.push(v.getUint16(p + 2));
    p += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) p += 2;
    else if (flags & 0x0040) p += 4;
    else if (flags & 0x0080) p += 8;
    if (!(flags & 0x0020)) return out;
  }
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const v = viewOf(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

function writeFont(tables: Table[]): Uint8Array {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = tables.length;
  let offset = 12 + n * 16;
  const placed = tables.map((t) => {
    const at = offset;
    offset += (t.data.length + 3) & ~3;
    return { ...t, at };
  });
  const out = new Uint8Array(offset);
  const v = viewOf(out);
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  const pow = 2 ** Math.floor(Math.log2(n));
  v.setUint16(6, pow * 16);
  v.setUint16(8, Math.log2(pow));
  v.setUint16(10, n * 16 - pow * 16);
  placed.forEach((t, i) => {
    const r = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[r + k] = t.tag.charCodeAt(k);
    v.setUint32(r + 4, checksum(t.data));
    v.setUint32(r + 8, t.at);
    v.setUint32(r + 12, t.data.length);
    out.set(t.data, t.at);
  });
  const head = placed.find((t) => t.tag === 'head')!;
  v.setUint32(head.at + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** The font with only the given code points mapped and their glyphs (and components) kept. */
export function subsetFont(font: Uint8Array, codePoints: Iterable<number>): Uint8Array {
  const tables = readTables(font);
  const head = new Uint8Array(tables.get('head')!);
  const loca = tables.get('loca')!;
  const glyf = tables.get('glyf')!;
  const long = viewOf(head).getInt16(50) === 1;
  const numGlyphs = viewOf(tables.get('maxp')!).getUint16(4);
  const lv = viewOf(loca);
  const at = (g: number) => (long ? lv.getUint32(g * 4) : lv.getUint16(g * 2) * 2);
  const glyph = (g: number) => glyf.subarray(at(g), at(g + 1));

  const full = readCharMap(font);
  const map = new Map<number, number>();
  for (const cp of codePoints) {
    const gid = full.get(cp);
    if (gid !== undefined) map.set(cp, gid);
  }
  const keep = new Set<number>([0]);
  const queue = [...map.values()];
  while (queue.length > 0) {
    const g = queue.pop()!;
    if (keep.has(g) || g >= numGlyphs) continue;
    keep.add(g);
    queue.push(...components(glyph(g)));
  }

  const kept = [...keep].filter((g) => g < numGlyphs).reduce((n, g) => n + ((glyph(g).length + 3) & ~3), 0);
  const newGlyf = new Uint8Array(kept);
  const newLoca = new Uint8Array((numGlyphs + 1) * 4);
  const nl = viewOf(newLoca);
  let offset = 0;
  for (let g = 0; g < numGlyphs; g++) {
    nl.setUint32(g * 4, offset);
    if (!keep.has(g)) continue;
    const data = glyph(g);
    newGlyf.set(data, offset);
    offset += (data.length + 3) & ~3;
  }
  nl.setUint32(numGlyphs * 4, offset);
  viewOf(head).setInt16(50, 1);
  viewOf(head).setUint32(8, 0);

  const out: Table[] = [];
  for (const [tag, data] of tables) {
    if (tag === 'GSUB' || tag === 'DSIG') continue;
    const replaced = { head, loca: newLoca, glyf: newGlyf, cmap: writeCmap(map) }[tag];
    out.push({ tag, data: replaced ?? data });
  }
  return writeFont(out);
}
