// The i18n setup every page shares: i18next with the Chinese strings of the shell and of every module
// in the first load; the English strings (as large again) are downloaded only by someone who chose
// English, and the page switches when they arrive. The shell calls setupI18n once with its own strings
// and those of each WebModule (apps/web/src/i18n/index.ts).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { kitZh } from './strings.zh-CN.ts';

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];
const STORAGE_KEY = 'linli.locale';

/** A tree of strings: what a locale file holds. */
export interface StringTree {
  [key: string]: string | StringTree;
}

/** The strings of another locale in the shape of the Chinese ones: the same keys, every leaf a string. */
export type LocaleStrings<T> = { [K in keyof T]: T[K] extends string ? string : LocaleStrings<T[K]> };

/** One module's (or the shell's) strings: Chinese at once, English when asked for. */
export interface ModuleStrings<Zh extends object = object> {
  'zh-CN': Zh;
  'en-US': () => Promise<LocaleStrings<Zh>>;
}

/**
 * The names of a fixed list in one language, from the table a module declares once for the server
 * and the web ({ value: { zh, en } }: core's role names, territory's node kinds).
 */
export function labelsIn<K extends string>(labels: Record<K, { zh: string; en: string }>, language: 'zh' | 'en'): Record<K, string> {
  return Object.fromEntries(Object.entries<{ zh: string; en: string }>(labels).map(([key, text]) => [key, text[language]])) as Record<
    K,
    string
  >;
}

/** Merges b into a, key by key (two modules may each add entries to one group, such as the menu). */
export function mergeStrings(a: StringTree, b: StringTree): StringTree {
  const out: StringTree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    out[key] = typeof value === 'object' && typeof prev === 'object' ? mergeStrings(prev, value) : value;
  }
  return out;
}

function initialLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved === 'en-US' ? 'en-US' : 'zh-CN';
}

/** The shared components' strings (buttons, lists): part of every app's strings. */
export type KitStrings = typeof kitZh;
const kitStrings: ModuleStrings<KitStrings> = { 'zh-CN': kitZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.kitEn) };

let english: (() => Promise<object>)[] = [];

/** Starts i18next with the shared strings and the given ones (Chinese now, English loaders kept for switchLocale). */
export function setupI18n(given: readonly ModuleStrings[]): typeof i18n {
  const sources = [kitStrings, ...given];
  english = sources.map((s) => s['en-US']);
  const zh = sources.reduce<StringTree>((all, s) => mergeStrings(all, s['zh-CN'] as StringTree), {});
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zh } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  if (initialLocale() !== 'zh-CN') void switchLocale(initialLocale());
  return i18n;
}

/** Loads a locale's strings if need be, then switches to it. */
export async function switchLocale(locale: Locale): Promise<void> {
  if (locale === 'en-US' && !i18n.hasResourceBundle('en-US', 'translation')) {
    const parts = await Promise.all(english.map((load) => load()));
    const en = parts.reduce<StringTree>((all, part) => mergeStrings(all, part as StringTree), {});
    i18n.addResourceBundle('en-US', 'translation', en);
  }
  await i18n.changeLanguage(locale);
}

/**
 * The Chinese strings a module's pages alone use, kept out of the first load of both apps (the
 * first-load budgets of the build): the module's eager strings hold what shows before a page opens
 * (menu entries, tab and home-page titles), and its pages load the rest with themselves
 * (withPageStrings). The English file of the module stays whole and comes with the English switch.
 */
export type PageStrings = () => Promise<object>;

const pageStringsLoaded = new Map<PageStrings, Promise<void>>();

/** Adds a module's page strings to the Chinese bundle, once. */
export function loadPageStrings(load: PageStrings): Promise<void> {
  let done = pageStringsLoaded.get(load);
  if (!done) {
    done = load().then((strings) => {
      i18n.addResourceBundle('zh-CN', 'translation', strings, true, false);
    });
    done.catch(() => pageStringsLoaded.delete(load)); // a failed download is tried again with the next page
    pageStringsLoaded.set(load, done);
  }
  return done;
}

/** A page's loader (for React.lazy) that brings its module's page strings along. */
export function withPageStrings<T>(strings: PageStrings, page: () => Promise<T>): () => Promise<T> {
  return async () => {
    const [loaded] = await Promise.all([page(), loadPageStrings(strings)]);
    return loaded;
  };
}

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  void switchLocale(locale);
}

export default i18n;
