// vue-i18n with zh-CN first; the chosen language is remembered on this device.
import type { App } from 'vue';
import { createI18n } from 'vue-i18n';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';

export type AppLocale = 'zh-CN' | 'en';
export const APP_LOCALES: AppLocale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'qmm.locale';

function initialLocale(): AppLocale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // storage blocked: fall back to Chinese
  }
  return 'zh-CN';
}

export function createAppI18n(locale: AppLocale = initialLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
    missingWarn: false,
    fallbackWarn: false,
  });
}

export const i18n = createAppI18n();

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered; still switched for this visit
  }
}

export function installI18n(app: App): void {
  app.use(i18n);
  document.documentElement.lang = i18n.global.locale.value;
}
