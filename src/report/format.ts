// Wording helpers: fill a label template, name modules, indicators and levels, render TextRefs.
import { renderText, type TextNames, type TextRef } from '../domain/result-types';
import type { AssessmentScore } from '../domain/score';
import type { CatalogueModule, Indicator, MaturityLevel } from '../domain/types';
import type { ReportInput, ReportLabels } from './types';

export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** 'inProgress' → 'in_progress': locale keys are snake_case. */
export const snake = (id: string): string => id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const score1 = (n: number | null): string => (n === null ? '—' : n.toFixed(1));
export const level2 = (n: number | null): string => (n === null ? '—' : n.toFixed(2));

/** Everything the sections share, resolved once. */
export interface ReportContext {
  input: ReportInput;
  l: ReportLabels;
  loc: 'zh' | 'en';
  score: AssessmentScore;
  module(id: string): CatalogueModule | undefined;
  moduleName(id: string): string;
  indicator(id: string): Indicator | undefined;
  indicatorName(id: string): string;
  levelName(level: MaturityLevel | null): string;
  /** "3 规范级" */
  levelLabel(level: MaturityLevel | null): string;
  text(ref: TextRef): string;
  list(items: string[]): string;
  section(title: string): string;
  actionText(actionId: string): string;
  /** '：' or ': ' */
  colon: string;
  /** '（x）' or ' (x)' */
  paren(text: string): string;
}

export function makeContext(input: ReportInput): ReportContext {
  const loc = input.locale;
  const l = input.labels;
  const modules = new Map(input.catalogue.modules.map((m) => [m.id, m]));
  const indicators = new Map(input.catalogue.modules.flatMap((m) => m.indicators.map((i) => [i.id, i] as const)));
  const actions = new Map(
    input.catalogue.modules.flatMap((m) => m.indicators.flatMap((i) => i.levels.flatMap((lv) => lv.actions.map((a) => [a.id, a.text[loc]] as const)))),
  );
  const levelNames = new Map(input.catalogue.levels.map((lv) => [lv.level, lv.name[loc]]));
  // TextRef params such as "module:SRV" render as catalogue names (convention of result-types.ts).
  const names: TextNames = input.names ?? {
    module: (id, locale) => modules.get(id)?.name[locale] ?? id,
    indicator: (id, locale) => indicators.get(id)?.name[locale] ?? id,
    level: (n, locale) => input.catalogue.levels.find((lv) => lv.level === n)?.name[locale] ?? String(n),
  };
  const numerals = l.section_numerals.split(',').map((s) => s.trim());
  let sectionNo = 0;
  const ctx: ReportContext = {
    input,
    l,
    loc,
    score: input.result.score,
    module: (id) => modules.get(id),
    moduleName: (id) => modules.get(id)?.name[loc] ?? id,
    indicator: (id) => indicators.get(id),
    indicatorName: (id) => indicators.get(id)?.name[loc] ?? id,
    levelName: (level) => (level === null ? '—' : (levelNames.get(level) ?? String(level))),
    levelLabel: (level) => (level === null ? '—' : `${level} ${levelNames.get(level) ?? ''}`.trim()),
    text: (ref) => renderText(input.resultsText, ref, loc, names),
    list: (items) => items.join(loc === 'zh' ? '、' : ', '),
    section: (title) => {
      sectionNo += 1;
      return fill(l.section_format, { n: numerals[sectionNo - 1] ?? String(sectionNo), title });
    },
    actionText: (id) => actions.get(id) ?? id,
    colon: loc === 'zh' ? '：' : ': ',
    paren: (t) => (loc === 'zh' ? `（${t}）` : ` (${t})`),
  };
  return ctx;
}
