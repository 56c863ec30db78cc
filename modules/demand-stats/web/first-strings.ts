// The module's Chinese strings in two parts, to keep both apps' first load small: its menu entry and
// the board's link on the resident home page are here and go with the first load; the whole file
// (strings.zh-CN.ts) comes with the dashboard and the board (withPageStrings). The values here
// repeat the whole file's (first-strings.test.ts checks that).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { demandStatsZh } from './strings.zh-CN.ts';

const first = { demandStats: { menu: '诉求统计', board: { mobileEntry: '社区公示栏' } } };

/** Typed as the whole file, so that t() knows every key; the rest arrives with the pages before they render. */
export const demandStatsFirstZh = first as unknown as { demandStats: typeof demandStatsZh };

/** The module's whole Chinese strings, loaded with its pages. */
export const demandStatsPageStrings: PageStrings = () => import('./strings.zh-CN.ts').then((m) => ({ demandStats: m.demandStatsZh }));

/** The part of the first load, for the test that it agrees with the whole file. */
export const demandStatsFirstPart: object = first;
