// Wording of the programme summary, resolved once: names, stages, group text, sections.
import { renderText, type TextNames } from '../../domain/result-types';
import { catalogueNames } from '../../domain/result';
import type { StageKey } from '../../domain/portfolio';
import { fill } from '../format';
import type { ProgrammeLabels, ProgrammeReportInput } from './types';

export interface ProgrammeContext {
  input: ProgrammeReportInput;
  l: ProgrammeLabels;
  loc: 'zh' | 'en';
  moduleIds: string[];
  moduleName(id: string): string;
  /** "3 规范级"; "作答不足…" / "未评价" for stages without a level. */
  stageLabel(stage: StageKey): string;
  /** A programme-text.json template, module params rendered as catalogue names. */
  text(key: string, params?: Record<string, string>): string;
  actionText(id: string): string;
  firmName(id: string): string;
  /** "12 家" / "12" */
  count(n: number): string;
  /** Share of total as "40%", "—" when total is 0. */
  share(n: number, total: number): string;
  list(items: string[]): string;
  section(title: string): string;
  paren(text: string): string;
}

export function makeProgrammeContext(input: ProgrammeReportInput): ProgrammeContext {
  const { labels: l, locale: loc, catalogue } = input;
  const names: TextNames = catalogueNames(catalogue);
  const actions = new Map(catalogue.modules.flatMap((m) => m.indicators.flatMap((i) => i.levels.flatMap((lv) => lv.actions.map((a) => [a.id, a.text[loc]] as const)))));
  const firms = new Map(input.rows.map((r) => [r.firmId, r.name]));
  const numerals = l.section_numerals.split(',').map((s) => s.trim());
  let sectionNo = 0;
  return {
    input,
    l,
    loc,
    moduleIds: catalogue.modules.map((m) => m.id),
    moduleName: (id) => names.module(id, loc),
    stageLabel: (s) => (typeof s === 'number' ? `${s} ${names.level(s, loc)}` : s === 'insufficient' ? l.stage_insufficient : l.stage_none),
    text: (key, params = {}) => renderText(input.programmeText, { key, params }, loc, names),
    actionText: (id) => actions.get(id) ?? id,
    firmName: (id) => firms.get(id) ?? id,
    count: (n) => fill(l.count_value, { n }),
    share: (n, total) => (total > 0 ? `${Math.round((n / total) * 100)}%` : '—'),
    list: (items) => items.join(loc === 'zh' ? '、' : ', '),
    section: (title) => {
      sectionNo += 1;
      return fill(l.section_format, { n: numerals[sectionNo - 1] ?? String(sectionNo), title });
    },
    paren: (t) => (loc === 'zh' ? `（${t}）` : ` (${t})`),
  };
}
