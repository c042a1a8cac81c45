// Types of the method and of the data the app stores. Pure: no Vue, no Dexie.

export type Locale = 'zh' | 'en';
export type Localized = Record<Locale, string>;

export const MATURITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

export interface LevelDefinition {
  level: MaturityLevel;
  name: Localized;
  meaning: Localized;
}

/** How long an action usually takes a small firm: S ≈ 30 days, M ≈ 90, L ≈ 180. */
export type ActionEffort = 'S' | 'M' | 'L';

export interface ImprovementAction {
  id: string;
  effort: ActionEffort;
  text: Localized;
}

export interface LevelDescriptor {
  level: MaturityLevel;
  descriptor: Localized;
  /** Actions that lift a firm from this level to the next; none at level 5. */
  actions: ImprovementAction[];
}

export interface Indicator {
  id: string;
  name: Localized;
  explanation: Localized;
  question: Localized;
  guidance?: Localized;
  levels: LevelDescriptor[];
  evidence: Localized[];
  clauses: string[];
  weight: number;
}

export interface CatalogueModule {
  id: string;
  order: number;
  name: Localized;
  description: Localized;
  indicators: Indicator[];
}

/** Parameters of the scoring rules, kept in data so a revised standard changes them without code. */
export interface ScoringRules {
  /** Share of a module's indicators that must be answered or marked not applicable before a stage is given. */
  minModuleResponseForStage: number;
  /** Share of rated modules that must have reached a level for it to be the stage. */
  minModuleShareAtStage: number;
  /** How many levels a module may sit below the stage. */
  maxModuleLevelsBelowStage: number;
}

export interface Catalogue {
  version: string;
  title: Localized;
  /** Where the text comes from, and that it is not the official text of the standard. */
  source: Localized;
  levels: LevelDefinition[];
  rules: ScoringRules;
  modules: CatalogueModule[];
}

export interface Answer {
  indicatorId: string;
  /** Chosen level; null while unanswered or when not applicable. */
  level: MaturityLevel | null;
  notApplicable: boolean;
  /** Why the indicator does not apply; required before the assessment can be completed. */
  naReason: string;
  note: string;
  evidence: string;
  updatedAt: string;
}

/** The parts of an answer a person edits. */
export type AnswerFields = Pick<Answer, 'level' | 'notApplicable' | 'naReason' | 'note' | 'evidence'>;

export type SizeClass = 'micro' | 'small' | 'medium';

export interface Firm {
  id: string;
  name: string;
  creditCode: string;
  industry: string;
  sizeClass: SizeClass | '';
  district: string;
  employees: number | null;
  contact: string;
  createdAt: string;
  updatedAt: string;
}

export type AssessmentStatus = 'draft' | 'completed';

export interface Assessment {
  id: string;
  firmId: string;
  catalogueVersion: string;
  assessor: string;
  /** Date of the assessment, YYYY-MM-DD. */
  assessedOn: string;
  status: AssessmentStatus;
  /** The assessment this one re-assesses, if any. */
  previousId: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}
