// The module's Chinese strings in two parts, to keep both apps' first load small: what shows before
// one of its pages opens (menu entries, the phone's tab or home-page link) is here and goes with the
// first load; the whole file (strings.zh-CN.ts) comes with the pages (withPageStrings). The values
// here repeat the whole file's (first-strings.test.ts checks that they agree).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { deliberationZh } from './strings.zh-CN.ts';

const first = {
  menu: { deliberation: '议题库', deliberationScope: '正负面清单', deliberationDashboard: '议事看板' },
  deliberationStations: { menu: '议事阵地', mobile: { entry: '议事站' } },
  deliberationVisits: { menu: '入户走访' },
  topics: { mobile: { tab: '议事' } },
};

/**
 * Typed as the whole file, so that t() knows every key of the module; at run time the rest of the
 * keys arrive with the module's pages before any of them renders.
 */
export const deliberationFirstZh = first as unknown as typeof deliberationZh;

/** The module's whole Chinese strings, loaded with its pages. */
export const deliberationPageStrings: PageStrings = () => import('./strings.zh-CN.ts').then((m) => m.deliberationZh);

/** The part of the first load, for the test that it agrees with the whole file. */
export const deliberationFirstPart: object = first;
