// HanaMinB (npm `hanamin`, split by Unicode range): the CJK Extension B chunks, numbered 01–42.
// Ranges copied from node_modules/hanamin/HanaMin.css; the glyphs a loaded chunk really has are read from its cmap.
export const EXT_B_CHUNKS: readonly (readonly [number, number])[] = [
  [0x20000, 0x203FF],
  [0x20400, 0x207FF],
  [0x20800, 0x20BFF],
  [0x20C00, 0x20FFF],
  [0x21000, 0x213FF],
  [0x21400, 0x217FF],
  [0x21800, 0x21BFF],
  [0x21C00, 0x21FFF],
  [0x22000, 0x223FF],
  [0x22400, 0x227FF],
  [0x22800, 0x22BFF],
  [0x22C00, 0x22FFF],
  [0x23000, 0x233FF],
  [0x23400, 0x237FF],
  [0x23800, 0x23BFF],
  [0x23C00, 0x23FFF],
  [0x24000, 0x243FF],
  [0x24400, 0x247FF],
  [0x24800, 0x24BFF],
  [0x24C00, 0x24FFF],
  [0x25000, 0x253FF],
  [0x25400, 0x257FF],
  [0x25800, 0x25BFF],
  [0x25C00, 0x25FFF],
  [0x26000, 0x263FF],
  [0x26400, 0x267FF],
  [0x26800, 0x26BFF],
  [0x26C00, 0x26FFF],
  [0x27000, 0x273FF],
  [0x27400, 0x277FF],
  [0x27800, 0x27BFF],
  [0x27C00, 0x27FFF],
  [0x28000, 0x283FF],
  [0x28400, 0x287FF],
  [0x28800, 0x28BFF],
  [0x28C00, 0x28FFF],
  [0x29000, 0x293FF],
  [0x29400, 0x297FF],
  [0x29800, 0x29BFF],
  [0x29C00, 0x29FFF],
  [0x2A000, 0x2A3FF],
  [0x2A400, 0x2A6D6],
];

/** File name of chunk i (0-based) in the hanamin package. */
export const chunkFile = (i: number): string => `HanaMinB.CJK-Unified-Ideographs-Extension-B-${String(i + 1).padStart(2, '0')}.woff2`;

/** Chunks holding any of the code points, 0-based and sorted. */
export function chunksFor(codePoints: Iterable<number>): number[] {
  const found = new Set<number>();
  for (const cp of codePoints) {
    const i = EXT_B_CHUNKS.findIndex(([first, last]) => cp >= first && cp <= last);
    if (i >= 0) found.add(i);
  }
  return [...found].sort((a, b) => a - b);
}
