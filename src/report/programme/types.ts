// What the programme summary PDF is given: plain data only (no functions), so it can go to a Web Worker.
import type { NeedGroup } from '../../domain/need-groups';
import type { PortfolioRow } from '../../domain/portfolio';
import type { Catalogue, Localized } from '../../domain/types';

/** Every fixed wording of the summary; built from the locale files, namespace `programme_report`, as raw strings. */
export const PROGRAMME_LABEL_KEYS = [
  'title',
  'section_format',
  'section_numerals',
  'meta_generated_at',
  'meta_selection',
  'meta_catalogue',
  'meta_firms',
  'meta_firms_value',
  'meta_assessed',
  'meta_reassessed',
  'count_value',
  'filter_item',
  'filter_separator',
  'filter_district',
  'filter_industry',
  'filter_size',
  'filter_stage',
  'filter_status',
  'filter_query',
  'filter_all',
  'status_draft',
  'status_completed',
  'disclaimer',
  'section_overview',
  'stages_title',
  'stage_insufficient',
  'stage_none',
  'movement_title',
  'movement_up',
  'movement_same',
  'movement_down',
  'movement_single',
  'movement_unknown',
  'col_stage',
  'col_firms',
  'col_share',
  'col_change',
  'section_profile',
  'profile_intro',
  'col_module',
  'col_selection',
  'col_portfolio',
  'col_difference',
  'profile_value',
  'profile_legend',
  'section_groups',
  'groups_intro',
  'groups_empty',
  'group_description',
  'group_help',
  'group_firms',
  'group_more',
  'group_actions',
  'group_action',
  'group_no_actions',
  'section_firms',
  'firms_intro',
  'firms_empty',
  'col_no',
  'col_name',
  'col_district',
  'col_industry',
  'col_size',
  'col_overall',
  'col_delta',
  'col_groups',
  'col_date',
  'size_micro',
  'size_small',
  'size_medium',
  'legend_levels',
  'legend_industries',
  'footer_page',
  'footer_selection',
  'uncovered_character',
] as const;
export type ProgrammeLabelKey = (typeof PROGRAMME_LABEL_KEYS)[number];
export type ProgrammeLabels = Record<ProgrammeLabelKey, string>;

/** Mean module value (1–5) over the firms rated on the module (averageProfile of src/domain/portfolio.ts). */
export interface ModuleMean {
  moduleId: string;
  mean: number | null;
  firms: number;
}

export interface ProgrammeReportInput {
  locale: 'zh' | 'en';
  labels: ProgrammeLabels;
  /** Module and level names, version, title, and the text of the actions the groups name. */
  catalogue: Catalogue;
  /** The firms of the selection, in the order the table lists them (the view's sort). */
  rows: PortfolioRow[];
  /** needGroups(rows, moduleIds): the groups of the selection. */
  groups: NeedGroup[];
  /** The whole portfolio on this device, to compare the selection with. */
  portfolio: { firms: number; profile: ModuleMean[] };
  /** Content of src/content/programme-text.json (group wording, note.guidance). */
  programmeText: Record<string, Localized>;
  /** The active filters in words, e.g. "区县：滨海新区；行业：全部；…" (describeFilter). */
  filterDescription: string;
  /** Industry names by GB/T 4754 section code, in the report's locale (codes the rows use suffice). */
  industryNames: Record<string, string>;
  /** Name of the industry classification, e.g. "GB/T 4754-2017". */
  industryStandard: string;
  /** ISO date-time of generation. */
  generatedAt: string;
}
