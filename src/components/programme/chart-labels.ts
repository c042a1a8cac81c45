// Names of stages and levels for the programme charts, in the interface language.
import { useI18n } from 'vue-i18n';
import type { StageKey } from '../../domain/portfolio';
import type { CatalogueSummary } from '../../domain/summary';
import { useLocalized } from '../../composables/localized';

/** Level colours: the same as --l1…--l5 in styles/main.css (a canvas cannot read CSS variables cheaply). */
export const LEVEL_COLORS = ['#a93226', '#a04000', '#7d6608', '#1e7045', '#1b4f72'] as const;
export const NO_LEVEL_COLOR = '#7b8794';

export function useChartLabels(summary: () => CatalogueSummary) {
  const { t, locale } = useI18n();
  const loc = useLocalized();
  const levelName = (level: number) => `${level} ${loc(summary().levels[level - 1]?.name)}`;
  return {
    t,
    locale,
    loc,
    levelName,
    stageLabel: (s: StageKey) => (typeof s === 'number' ? levelName(s) : t(`programme.stage_${s}`)),
    /** Short module header: the Chinese name, or the module id in English (the names are long). */
    moduleShort: (m: CatalogueSummary['modules'][number]) => (locale.value === 'en' ? m.id : m.name.zh),
  };
}
