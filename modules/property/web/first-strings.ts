// The module's Chinese strings in two parts, to keep both apps' first load small: what shows before
// one of its pages opens (menu entries, the phone's home-page link) is here and goes with the first
// load; the whole file (strings.zh-CN.ts) comes with the pages (withPageStrings). The values here
// repeat the whole file's (packages/web-kit/src/i18n/first-strings.test.ts checks that they agree).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { propertyZh } from './strings.zh-CN.ts';

const first = {
  menu: {
    property: '小区物业档案',
    propertyCompanies: '物业服务企业',
    propertyLedger: '物业管理台账',
    propertyDashboard: '物业改革看板',
    propertyReception: '物业经理接待日',
    propertyInstructors: '党建指导员',
  },
  property: { mobile: { entry: '我的小区物业' } },
};

/** Typed as the whole file; the rest of the keys arrive with the module's pages before any of them renders. */
export const propertyFirstZh = first as unknown as typeof propertyZh;

/** The module's whole Chinese strings, loaded with its pages. */
export const propertyPageStrings: PageStrings = () => import('./strings.zh-CN.ts').then((m) => m.propertyZh);

/** The part of the first load, for the test that it agrees with the whole file. */
export const propertyFirstPart: object = first;
