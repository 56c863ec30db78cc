// The module's Chinese strings in two parts, to keep both apps' first load small: what shows before
// one of its pages opens (the menu entry, the phone's home-page link) is here and goes with the first
// load; the whole file (strings.zh-CN.ts) comes with the pages (withPageStrings).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { propertyEvaluationZh } from './strings.zh-CN.ts';

const first = {
  menu: { propertyEvaluation: '物业服务测评', propertyInspections: '物业服务检查', propertyRenewals: '续聘解聘决定' },
  propertyEvaluation: { mobile: { entry: '物业服务评价' } },
};

/** Typed as the whole file; the rest of the keys arrive with the module's pages before any renders. */
export const propertyEvaluationFirstZh = first as unknown as typeof propertyEvaluationZh;

/** The module's whole Chinese strings, loaded with its pages. */
export const propertyEvaluationPageStrings: PageStrings = () => import('./strings.zh-CN.ts').then((m) => m.propertyEvaluationZh);

/** The part of the first load, for the test that it agrees with the whole file. */
export const propertyEvaluationFirstPart: object = first;
