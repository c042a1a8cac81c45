import { useI18n } from 'vue-i18n';
import type { Localized } from '../domain/types';

/** Picks the text of a catalogue entry in the interface language. */
export function useLocalized(): (text: Localized | undefined) => string {
  const { locale } = useI18n();
  return (text) => (text ? (locale.value === 'en' ? text.en : text.zh) : '');
}
