import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Resources, zhCN } from './zh-CN.ts';

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];
const STORAGE_KEY = 'linli.locale';

function initialLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved === 'en-US' ? 'en-US' : 'zh-CN';
}

// Chinese is in every page's first load; the English strings (as large again) are downloaded only by
// someone who chose English, and the page switches when they arrive.
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

/** Loads a locale's strings if need be, then switches to it. */
export async function switchLocale(locale: Locale): Promise<void> {
  if (locale === 'en-US' && !i18n.hasResourceBundle('en-US', 'translation')) {
    const { enUS } = await import('./en-US.ts');
    i18n.addResourceBundle('en-US', 'translation', enUS);
  }
  await i18n.changeLanguage(locale);
}

if (initialLocale() !== 'zh-CN') void switchLocale(initialLocale());

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  void switchLocale(locale);
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
  }
}

export default i18n;
