// Which Unicode code points a TrueType/OpenType font maps to a glyph, read from its cmap table.
// Formats 12 (full Unicode) and 4 (BMP) cover every font we embed; no font library needed.

/** Sorted, non-overlapping [first, last] code point ranges. */
export type Coverage = readonly (readonly [number, number])[];

const cache = new WeakMap<Uint8Array, Coverage>();

export function fontCoverage(font: Uint8Array): Coverage {
  let coverage = cache.get(font);
  if (!coverage) {
    coverage = readCoverage(font);
    cache.set(font, coverage);
  }
  return coverage;
}

export function covers(coverage: Coverage, codePoint: number): boolean {
  let lo = 0;
  let hi = coverage.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = coverage[mid]!;
    if (codePoint < first) hi = mid - 1;
    else if (codePoint > last) lo = mid + 1;
    else return true;
  }
  return false;
}

function readCoverage(font: Uint8Array): Coverage {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tableOffset(view, 'cmap');
  const count = view.getUint16(cmap + 2);
  let format4: number | null = null;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const sub = cmap + view.getUint32(record + 4);
    const format = view.getUint16(sub);
    if (format === 12 && (platform === 0 || (platform === 3 && encoding === 10))) return format12(view, sub);
    if (format === 4 && (platform === 0 || (platform === 3 && encoding === 1))) format4 ??= sub;
  }
  if (format4 !== null) return format4Ranges(view, format4);
  throw new Error('Font has no Unicode cmap (format 4 or 12).');
}

function tableOffset(view: DataView, tag: string): number {
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    if (name === tag) return view.getUint32(record + 8);
  }
  throw new Error(`Font has no '${tag}' table.`);
}

function format12(view: DataView, sub: number): Coverage {
  const groups = view.getUint32(sub + 12);
  const ranges: [number, number][] = [];
  for (let i = 0; i < groups; i++) {
    const g = sub + 16 + i * 12;
    if (view.getUint32(g + 8) === 0) continue; // maps to .notdef
    push(ranges, view.getUint32(g), view.getUint32(g + 4));
  }
  return ranges;
}

function format4Ranges(view: DataView, sub: number): Coverage {
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;
  const ranges: [number, number][] = [];
  for (let s = 0; s < segments; s++) {
    const start = view.getUint16(starts + s * 2);
    const end = view.getUint16(ends + s * 2);
    const delta = view.getUint16(deltas + s * 2);
    const rangeOffset = view.getUint16(offsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = offsets + s * 2 + rangeOffset + (c - start) * 2;
        glyph = view.getUint16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) push(ranges, c, c);
    }
  }
  return ranges;
}

function push(ranges: [number, number][], first: number, last: number): void {
  const prev = ranges[ranges.length - 1];
  if (prev && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
  else ranges.push([first, last]);
}
