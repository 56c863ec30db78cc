// The module's Chinese strings in two parts, to keep both apps' first load small: what shows before
// one of its pages opens (menu entries, the phone's home-page link) is here and goes with the first
// load; the whole file (strings.zh-CN.ts) comes with the pages (withPageStrings). The values here
// repeat the whole file's (packages/web-kit/src/i18n/first-strings.test.ts checks that they agree).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { serviceClustersZh } from './strings.zh-CN.ts';

const first = {
  menu: { serviceClusters: '物业组团' },
};

/** Typed as the whole file; the rest of the keys arrive with the module's pages before any of them renders. */
export const serviceClustersFirstZh = first as unknown as typeof serviceClustersZh;

/** The module's whole Chinese strings, loaded with its pages. */
export const serviceClustersPageStrings: PageStrings = () => import('./strings.zh-CN.ts').then((m) => m.serviceClustersZh);

/** The part of the first load, for the test that it agrees with the whole file. */
export const serviceClustersFirstPart: object = first;
