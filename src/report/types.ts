// What the PDF report is given. The report lays out; it computes no score.
import type { Answer, Assessment, Catalogue, Firm, Localized } from '../domain/types';
import type { AssessmentResult, PlanItemState, TargetProfile, TextNames } from '../domain/result-types';

/** Every fixed wording of the report; the caller builds the object from the locale files (namespace `report`). */
export const REPORT_LABEL_KEYS = [
  'title',
  'section_format',
  'section_numerals',
  'cover_firm',
  'cover_credit_code',
  'cover_industry',
  'cover_size',
  'cover_district',
  'cover_assessor',
  'cover_assessed_on',
  'cover_report_number',
  'cover_generated_at',
  'cover_catalogue_version',
  'cover_note',
  'size_micro',
  'size_small',
  'size_medium',
  'not_filled',
  'footer_page',
  'footer_report_number',
  'section_method',
  'method_structure',
  'method_scoring',
  'method_stage',
  'method_disclaimer',
  'levels_title',
  'table_meaning',
  'section_result',
  'result_overall',
  'result_overall_value',
  'result_stage',
  'result_coverage',
  'coverage_text',
  'stage_value',
  'stage_reached',
  'stage_limited',
  'stage_insufficient',
  'stage_none',
  'summary_title',
  'section_profile',
  'radar_current',
  'radar_previous',
  'radar_target',
  'radar_caption',
  'table_module',
  'table_score',
  'table_mean',
  'table_level',
  'table_coverage',
  'table_target',
  'coverage_short',
  'no_value_note',
  'section_indicators',
  'table_id',
  'table_indicator',
  'table_level_col',
  'not_applicable',
  'unanswered',
  'na_reason',
  'note',
  'evidence',
  'section_insights',
  'strengths',
  'weaknesses',
  'strongest_modules',
  'weakest_modules',
  'strongest_indicators',
  'weakest_indicators',
  'hidden_weaknesses',
  'hidden_weakness_text',
  'none',
  'section_plan',
  'plan_intro',
  'horizon_30',
  'horizon_90',
  'horizon_180',
  'table_rank',
  'plan_indicator',
  'table_action',
  'table_owner',
  'table_due',
  'table_status',
  'plan_levels',
  'plan_status_proposed',
  'plan_status_accepted',
  'plan_status_rejected',
  'plan_status_in_progress',
  'plan_status_done',
  'plan_empty',
  'section_certification',
  'cert_current',
  'cert_next_actions',
  'cert_status_reached',
  'cert_status_current',
  'cert_status_next',
  'cert_status_later',
  'cert_status_not_relevant',
  'cert_table_step',
  'cert_table_status',
  'cert_table_reason',
  'section_comparison',
  'comparison_intro',
  'comparison_overall',
  'table_before',
  'table_after',
  'table_change',
  'comparison_indicators',
  'comparison_no_change',
  'comparison_completed',
  'change_new',
  'change_gone',
  'section_declaration',
  'declaration_text',
  'sign_assessor',
  'sign_firm',
  'sign_date',
  'sign_seal',
  'uncovered_character',
] as const;
export type ReportLabelKey = (typeof REPORT_LABEL_KEYS)[number];
export type ReportLabels = Record<ReportLabelKey, string>;

export interface ReportInput {
  locale: 'zh' | 'en';
  catalogue: Catalogue;
  firm: Firm;
  assessment: Assessment;
  answers: Answer[];
  result: AssessmentResult;
  planStates: PlanItemState[];
  /** The assessment compared with (result.comparison), or null. */
  previous: Assessment | null;
  /** Targets the user set, drawn on the radar; null when none. */
  targets?: TargetProfile | null;
  /** Content of src/content/results-text.json: the templates of TextRef keys. */
  resultsText: Record<string, Localized>;
  /** Names for TextRef parameters ("module:SRV" …); by default read from the catalogue. */
  names?: TextNames;
  reportNumber: string;
  /** ISO date-time of generation. */
  generatedAt: string;
  industryName: string;
  labels: ReportLabels;
}

/** A TrueType font that sets characters Noto Sans SC lacks (e.g. one HanaMinB chunk of CJK Extension B). */
export interface FallbackFont {
  /** pdfmake family name, unique among the fallbacks. */
  name: string;
  /** TrueType bytes (not WOFF2: pdfkit cannot subset WOFF2). */
  data: Uint8Array;
}

/**
 * Font files, as bytes: Noto Sans SC Regular and Bold (in the browser, cut to the common characters), the
 * whole Noto Sans SC when a text needs a character outside that set, and fallbacks tried in order.
 */
export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  full?: { regular: Uint8Array; bold: Uint8Array } | null;
  fallbacks?: FallbackFont[];
}
