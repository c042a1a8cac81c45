import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import resultsText from '../content/results-text.json';
import { renderText, type TextRef } from '../domain/result-types';
import { catalogueNames } from '../domain/result';
import { useCatalogueStore } from '../stores/catalogue';
import type { Localized } from '../domain/types';

const TEXTS = resultsText as Record<string, Localized>;

/** Renders generated sentences (TextRef) in the interface language, with catalogue names. */
export function useResultsText() {
  const { locale } = useI18n();
  const names = catalogueNames(useCatalogueStore().summary);
  const lang = computed(() => (locale.value === 'en' ? 'en' : 'zh'));
  return {
    lang,
    render: (ref: TextRef) => renderText(TEXTS, ref, lang.value, names),
    text: (key: string, params: TextRef['params'] = {}) => renderText(TEXTS, { key, params }, lang.value, names),
  };
}
