// Small builders for domain tests: a catalogue of the method's shape with synthetic text.
import meta from '../../src/content/catalogue.meta.json';
import type { Answer, Catalogue, MaturityLevel, ScoringRules } from '../../src/domain/types';

export const MODULE_IDS = ['STR', 'PLN', 'RES', 'BUS', 'PRD', 'SRV', 'MON', 'IMP'] as const;
const t = (s: string) => ({ zh: s, en: s });

export function makeCatalogue(options: { perModule?: number; weights?: Record<string, number>; rules?: ScoringRules } = {}): Catalogue {
  const perModule = options.perModule ?? 5;
  return {
    version: '2026.1.0',
    title: t('test'),
    source: t('test'),
    levels: meta.levels as Catalogue['levels'],
    rules: options.rules ?? meta.rules,
    modules: MODULE_IDS.map((id, m) => ({
      id,
      order: m + 1,
      name: t(id),
      description: t(id),
      indicators: Array.from({ length: perModule }, (_, i) => {
        const indicatorId = `${id}-0${i + 1}`;
        return {
          id: indicatorId,
          name: t(indicatorId),
          explanation: t(indicatorId),
          question: t(indicatorId),
          levels: ([1, 2, 3, 4, 5] as const).map((level) => ({
            level,
            descriptor: t(`${indicatorId} L${level}`),
            actions: level < 5 ? [{ id: `${indicatorId}-L${level}-1`, effort: 'S' as const, text: t('act') }] : [],
          })),
          evidence: [t('record')],
          clauses: ['4.1'],
          weight: options.weights?.[indicatorId] ?? 1,
        };
      }),
    })),
  };
}

export function answer(indicatorId: string, level: MaturityLevel | 'na' | null): Answer {
  return {
    indicatorId,
    level: level === 'na' || level === null ? null : level,
    notApplicable: level === 'na',
    naReason: level === 'na' ? '本企业不涉及' : '',
    note: '',
    evidence: '',
    updatedAt: '2026-11-23T00:00:00.000Z',
  };
}

export type Cell = MaturityLevel | 'na' | null;
export type Profile = Record<string, readonly Cell[]>;

/** Answers from a profile: per module, a list of levels ('na' or null allowed), in catalogue order. */
export function answersFromProfile(profile: Profile): Answer[] {
  return Object.entries(profile).flatMap(([moduleId, levels]) =>
    levels.map((level, i) => answer(`${moduleId}-0${i + 1}`, level)).filter((a) => a.level !== null || a.notApplicable),
  );
}

export const even = (level: MaturityLevel): Profile => Object.fromEntries(MODULE_IDS.map((id) => [id, [level, level, level, level, level]]));
