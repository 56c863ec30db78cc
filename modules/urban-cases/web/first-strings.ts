// The module's Chinese strings in two parts, to keep both apps' first load small: what shows before
// one of its pages opens (menu entries, the phone's home-page link) is here and goes with the first
// load; the whole file (strings.zh-CN.ts) comes with the pages (withPageStrings). The values here
// repeat the whole file's (packages/web-kit/src/i18n/first-strings.test.ts checks that they agree).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { urbanCasesZh } from './strings.zh-CN.ts';

const first = {
  menu: { urbanCases: '城管进小区', renovations: '老旧小区改造', urbanTotals: '城管进小区统计' },
  urbanMobile: { entry: '城管进小区' },
};

/** Typed as the whole file; the rest of the keys arrive with the module's pages before any of them renders. */
export const urbanCasesFirstZh = first as unknown as typeof urbanCasesZh;

/** The module's whole Chinese strings, loaded with its pages. */
export const urbanCasesPageStrings: PageStrings = () => import('./strings.zh-CN.ts').then((m) => m.urbanCasesZh);

/** The part of the first load, for the test that it agrees with the whole file. */
export const urbanCasesFirstPart: object = first;
