// Character coverage: which font sets each character, and which characters no embedded font has.
// pdfmake has no per-glyph fallback, so text is split into runs by coverage (see docs/report.md).
import { covers, fontCoverage, type Coverage } from './cmap';
import type { ReportFonts } from './types';

export const MAIN_FONT = 'NotoSansSC';
/** The whole Noto Sans SC, for characters outside the common set the main files carry. */
export const FULL_FONT = 'NotoSansSCFull';

/** Invisible format and control characters (zero-width spaces, bidi marks, variation selectors…): removed before layout. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;
const WHITESPACE = /\s/u;

/** Text as the report sets it: tabs become spaces, invisible characters go, line breaks stay. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, (c) => (c === '\n' ? c : ''));
}

export interface FontPlan {
  /** MAIN_FONT, a fallback's name, or null when no embedded font has the character. */
  fontOf(codePoint: number): string | null;
}

/** Whether Noto Sans SC (both weights) has the character. */
export function mainCovers(fonts: Pick<ReportFonts, 'regular' | 'bold'>): (codePoint: number) => boolean {
  const regular = fontCoverage(fonts.regular);
  const bold = fontCoverage(fonts.bold);
  return (cp) => covers(regular, cp) && covers(bold, cp);
}

export function fontPlan(fonts: ReportFonts): FontPlan {
  const main = mainCovers(fonts);
  const full = fonts.full ? mainCovers(fonts.full) : () => false;
  const fallbacks: { name: string; coverage: Coverage }[] = (fonts.fallbacks ?? []).map((f) => ({ name: f.name, coverage: fontCoverage(f.data) }));
  return {
    fontOf(cp) {
      if (main(cp)) return MAIN_FONT;
      if (full(cp)) return FULL_FONT;
      return fallbacks.find((f) => covers(f.coverage, cp))?.name ?? null;
    },
  };
}

/** Code points of the texts (whitespace aside) that `covered` says no font has yet. */
export function missingFrom(texts: readonly string[], covered: (codePoint: number) => boolean): number[] {
  const found = new Set<number>();
  for (const text of texts) for (const ch of cleanText(text)) if (!WHITESPACE.test(ch) && !covered(ch.codePointAt(0)!)) found.add(ch.codePointAt(0)!);
  return [...found];
}

/** Characters of `texts` that no embedded font covers, each once, in order of appearance. Whitespace is not counted. */
export function uncoveredCharacters(texts: readonly string[], fonts: ReportFonts | FontPlan): string[] {
  const plan = 'fontOf' in fonts ? fonts : fontPlan(fonts);
  const found = new Set<string>();
  for (const text of texts) {
    for (const ch of cleanText(text)) {
      if (WHITESPACE.test(ch) || found.has(ch)) continue;
      if (plan.fontOf(ch.codePointAt(0)!) === null) found.add(ch);
    }
  }
  return [...found];
}

export type TextRun = { text: string; font?: string; color?: string };

/**
 * Splits text into runs by the font that has each character. Text the main font covers stays a
 * plain string; a character no font has becomes a visible marker (e.g. [U+2003E]), never tofu.
 */
export function splitRuns(text: string, plan: FontPlan, markUncovered: (codePoint: string) => string): string | TextRun[] {
  const clean = cleanText(text);
  const runs: TextRun[] = [];
  let current: { kind: string | null; text: string } | null = null;
  let onlyMain = true;
  const flush = () => {
    if (!current) return;
    if (current.kind === MAIN_FONT) runs.push({ text: current.text });
    else if (current.kind !== null) runs.push({ text: current.text, font: current.kind });
    else runs.push({ text: current.text, color: '#b00020' });
  };
  for (const ch of clean) {
    const cp = ch.codePointAt(0)!;
    const kind = WHITESPACE.test(ch) ? MAIN_FONT : plan.fontOf(cp);
    if (kind !== MAIN_FONT) onlyMain = false;
    const piece = kind === null ? markUncovered(cp.toString(16).toUpperCase().padStart(4, '0')) : ch;
    if (current && current.kind === kind) current.text += piece;
    else {
      flush();
      current = { kind, text: piece };
    }
  }
  flush();
  return onlyMain ? clean : runs;
}

type Node = unknown;
const CONTAINERS = ['stack', 'columns', 'ul', 'ol'] as const;

/** Applies splitRuns to every text of a pdfmake document node, in place where it can. */
export function applyFontRuns(node: Node, split: (s: string) => string | TextRun[]): Node {
  if (typeof node === 'string') {
    const runs = split(node);
    return typeof runs === 'string' ? runs : { text: runs };
  }
  if (Array.isArray(node)) return node.map((n) => applyFontRuns(n, split));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if ('text' in obj) obj.text = inline(obj.text, split);
  for (const key of CONTAINERS) if (Array.isArray(obj[key])) obj[key] = (obj[key] as Node[]).map((n) => applyFontRuns(n, split));
  const table = obj.table as { body?: Node[][] } | undefined;
  if (table?.body) table.body = table.body.map((row) => row.map((cell) => applyFontRuns(cell, split)));
  return obj;
}

function inline(value: unknown, split: (s: string) => string | TextRun[]): unknown {
  if (typeof value === 'string') return split(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? applyFontRuns(v, split) : inline(v, split)));
  if (value !== null && typeof value === 'object' && 'text' in value) {
    const v = value as { text: unknown };
    v.text = inline(v.text, split);
  }
  return value;
}
