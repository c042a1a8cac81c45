// The contract between the results domain (plan.ts, certification.ts, compare.ts, insights.ts),
// the results screen and the PDF report. Everything here is plain data; wording comes from
// content/ (catalogue, results-text.json) or the locale files, never from code.
import type { Locale, Localized, MaturityLevel } from './types';
import type { AssessmentScore } from './score';

/** A sentence of generated text: a template id in src/content/results-text.json and its parameters. */
export interface TextRef {
  key: string;
  params: Record<string, string | number>;
}

// ---- targets ----
/** Target levels set by the user: per module, overriding per indicator. Default: one level up. */
export interface TargetProfile {
  modules: Record<string, MaturityLevel>;
  indicators: Record<string, MaturityLevel>;
}

// ---- strengths and weaknesses ----
export interface RankedModule {
  moduleId: string;
  value: number;
  level: MaturityLevel;
}
export interface RankedIndicator {
  indicatorId: string;
  moduleId: string;
  level: MaturityLevel;
}
/** A module whose mean looks fine but has an indicator well below it. */
export interface HiddenWeakness {
  moduleId: string;
  moduleLevel: MaturityLevel;
  weakIndicators: RankedIndicator[];
}
export interface Insights {
  strongestModules: RankedModule[];
  weakestModules: RankedModule[];
  strongestIndicators: RankedIndicator[];
  weakestIndicators: RankedIndicator[];
  hiddenWeaknesses: HiddenWeakness[];
  /** The plain-language summary paragraph, sentence by sentence. */
  summary: TextRef[];
}

// ---- improvement plan ----
export type Horizon = 30 | 90 | 180;
export interface PlanItem {
  /** The catalogue action id, stable across re-assessments. */
  actionId: string;
  indicatorId: string;
  moduleId: string;
  fromLevel: MaturityLevel;
  targetLevel: MaturityLevel;
  gap: number;
  weight: number;
  /** gap × weight. */
  priority: number;
  /** 1 = do first. */
  rank: number;
  horizon: Horizon;
  effort: 'S' | 'M' | 'L';
  /** The indicator's module holds the stage down (StageDecision.limitingModules). */
  stageLimiting: boolean;
}

export type PlanStatus = 'proposed' | 'accepted' | 'rejected' | 'inProgress' | 'done';
/** What the user decided about one action; stored per assessment. */
export interface PlanItemState {
  actionId: string;
  status: PlanStatus;
  /** Edited wording; empty = the catalogue's text. */
  text: string;
  owner: string;
  /** YYYY-MM-DD or empty. */
  dueDate: string;
  note: string;
  updatedAt: string;
}

// ---- certification and support path ----
export type CertificationStepId = 'basics' | 'qmsCertification' | 'financing' | 'manufacturingCapability' | 'excellence';
export type StepStatus = 'reached' | 'current' | 'next' | 'later' | 'notRelevant';
export interface CertificationStep {
  id: CertificationStepId;
  status: StepStatus;
  /** Why this status, for this firm (sentences). */
  reasons: TextRef[];
}
export interface CertificationPath {
  /** The step that fits the firm now. */
  current: CertificationStepId;
  steps: CertificationStep[];
  /** Date the guidance was written (content/results-text.json), shown with it. */
  writtenOn: string;
}

// ---- comparison and history ----
export type ChangeKind = 'up' | 'down' | 'same' | 'new' | 'gone';
export interface IndicatorChange {
  indicatorId: string;
  moduleId: string;
  before: MaturityLevel | 'na' | null;
  after: MaturityLevel | 'na' | null;
  delta: number | null;
  kind: ChangeKind;
}
export interface ModuleChange {
  moduleId: string;
  before: number | null;
  after: number | null;
  /** Difference of 0–100 scores. */
  delta100: number | null;
  levelBefore: MaturityLevel | null;
  levelAfter: MaturityLevel | null;
}
export interface Comparison {
  beforeId: string;
  afterId: string;
  overallDelta100: number | null;
  stageBefore: MaturityLevel | null;
  stageAfter: MaturityLevel | null;
  modules: ModuleChange[];
  indicators: IndicatorChange[];
  /** Plan actions of the earlier assessment marked done. */
  completedActions: string[];
}
export interface TrendPoint {
  assessmentId: string;
  assessedOn: string;
  overall100: number | null;
  stage: MaturityLevel | null;
  modules: Record<string, number | null>;
}

/** Everything the results screen and the report show for one assessment. */
export interface AssessmentResult {
  score: AssessmentScore;
  insights: Insights;
  plan: PlanItem[];
  certification: CertificationPath;
  comparison: Comparison | null;
}

/** Names of catalogue things, so that TextRef params stay locale-independent (see renderText). */
export interface TextNames {
  module(id: string, locale: Locale): string;
  indicator(id: string, locale: Locale): string;
  level(n: number, locale: Locale): string;
}

/**
 * Param convention: a string param "module:SRV", "modules:SRV,MON", "indicator:SRV-01",
 * "indicators:SRV-01,MON-02" or "level:3" renders as the catalogue's names in the locale
 * (lists joined "售后、监测" / "After-sales service and Monitoring"); without `names`, as the bare ids.
 * Any other param renders as is.
 */
const NAME_PARAM = /^(modules?|indicators?|level):(.+)$/;

function joinNames(list: string[], locale: Locale): string {
  if (locale === 'zh' || list.length < 2) return list.join('、');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

function renderParam(value: string | number, locale: Locale, names?: TextNames): string {
  const match = typeof value === 'string' ? NAME_PARAM.exec(value) : null;
  if (!match) return String(value);
  const kind = match[1]!;
  const one = (id: string): string => {
    if (!names) return id;
    if (kind.startsWith('module')) return names.module(id, locale);
    if (kind.startsWith('indicator')) return names.indicator(id, locale);
    return names.level(Number(id), locale);
  };
  return joinNames(match[2]!.split(',').map(one), locale);
}

/** Resolves a TextRef with the wording of content/results-text.json (shape: { key: Localized }). */
export function renderText(texts: Record<string, Localized>, ref: TextRef, locale: Locale, names?: TextNames): string {
  const template = texts[ref.key]?.[locale] ?? ref.key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = ref.params[name];
    return value === undefined ? `{${name}}` : renderParam(value, locale, names);
  });
}
