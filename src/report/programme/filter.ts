// The active filters of the programme view in words, for the summary's title block and footer.
import type { RowFilter } from '../../domain/portfolio';
import type { LevelDefinition } from '../../domain/types';
import { fill } from '../format';
import type { ProgrammeLabels } from './types';

export interface FilterWording {
  labels: ProgrammeLabels;
  locale: 'zh' | 'en';
  /** Catalogue levels, for stage names. */
  levels: readonly LevelDefinition[];
  /** Industry names by GB/T 4754 section code. */
  industryNames: Record<string, string>;
}

/** "区县：滨海新区；行业：全部；规模：全部；阶段：全部" — district, industry, size and stage always; status and search when set. */
export function describeFilter(filter: RowFilter, w: FilterWording): string {
  const l = w.labels;
  const item = (name: string, value: string | undefined) => fill(l.filter_item, { name, value: value === undefined || value === '' ? l.filter_all : value });
  const stage = (s: NonNullable<RowFilter['stage']>) =>
    typeof s === 'number' ? `${s} ${w.levels.find((lv) => lv.level === s)?.name[w.locale] ?? ''}`.trim() : s === 'insufficient' ? l.stage_insufficient : l.stage_none;
  const parts = [
    item(l.filter_district, filter.district),
    item(l.filter_industry, filter.industry && `${filter.industry} ${w.industryNames[filter.industry] ?? ''}`.trim()),
    item(l.filter_size, filter.sizeClass && l[`size_${filter.sizeClass}`]),
    item(l.filter_stage, filter.stage === undefined ? undefined : stage(filter.stage)),
  ];
  if (filter.status !== undefined) parts.push(item(l.filter_status, filter.status === 'draft' ? l.status_draft : l.status_completed));
  const query = filter.query?.trim() ?? '';
  if (query !== '') parts.push(item(l.filter_query, w.locale === 'zh' ? `“${query}”` : `"${query}"`));
  return parts.join(l.filter_separator);
}
