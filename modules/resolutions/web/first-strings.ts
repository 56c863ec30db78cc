// The module's Chinese strings in two parts, to keep both apps' first load small: what shows before
// one of its pages opens (menu entries, the phone's tab or home-page link) is here and goes with the
// first load; the whole file (strings.zh-CN.ts) comes with the pages (withPageStrings). The values
// here repeat the whole file's (first-strings.test.ts checks that they agree).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { resolutionsZh } from './strings.zh-CN.ts';

const first = {
  menu: { resolutions: '决议落实', supervision: '监督评价', notices: '决议公示', committees: '监督委员会' },
  resolutions: { mobile: { mine: '本小区决议' } },
};

/**
 * Typed as the whole file, so that t() knows every key of the module; at run time the rest of the
 * keys arrive with the module's pages before any of them renders.
 */
export const resolutionsFirstZh = first as unknown as typeof resolutionsZh;

/** The module's whole Chinese strings, loaded with its pages. */
export const resolutionsPageStrings: PageStrings = () => import('./strings.zh-CN.ts').then((m) => m.resolutionsZh);

/** The part of the first load, for the test that it agrees with the whole file. */
export const resolutionsFirstPart: object = first;
