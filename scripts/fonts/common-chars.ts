// The characters the report's main font file carries: GB 2312 (its 6,763 hanzi and symbols), Latin,
// punctuation and symbol blocks, and every character of the app's own texts (catalogue, wording, locales).
// Others that Noto Sans SC has come from the full font, fetched only when a report needs one of them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const RANGES: [number, number][] = [
  [0x20, 0x17f], // Basic Latin, Latin-1, Latin Extended-A
  [0x2000, 0x22ff], // punctuation, super/subscripts, currency, letterlike, number forms, arrows, maths
  [0x2460, 0x26ff], // enclosed numbers, box drawing, blocks, shapes, symbols
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0xff00, 0xffef], // full-width forms
];

function gb2312(): number[] {
  const decoder = new TextDecoder('gb2312');
  const out: number[] = [];
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    if (hi > 0xa9 && hi < 0xb0) continue; // unassigned rows
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch !== '\uFFFD') out.push(ch.codePointAt(0)!);
    }
  }
  return out;
}

function textsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textsUnder(path);
    return name.endsWith('.json') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Sorted code points of the common set; `textDirs` are folders whose JSON files' characters are added. */
export function commonCodePoints(textDirs: readonly string[]): number[] {
  const set = new Set<number>(gb2312());
  for (const [first, last] of RANGES) for (let cp = first; cp <= last; cp++) set.add(cp);
  for (const dir of textDirs) for (const text of textsUnder(dir)) for (const ch of text) set.add(ch.codePointAt(0)!);
  return [...set].sort((a, b) => a - b);
}
