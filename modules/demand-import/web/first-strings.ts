// The module's Chinese strings in two parts, to keep both apps' first load small: its menu entry is
// here and goes with the first load; the whole file (strings.zh-CN.ts) comes with its page
// (withPageStrings). The values here repeat the whole file's (first-strings.test.ts checks that).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { demandImportZh } from './strings.zh-CN.ts';

const first = { demandImport: { menu: '工单导入导出' } };

/** Typed as the whole file, so that t() knows every key; the rest arrives with the page before it renders. */
export const demandImportFirstZh = first as unknown as { demandImport: typeof demandImportZh };

/** The module's whole Chinese strings, loaded with its page. */
export const demandImportPageStrings: PageStrings = () => import('./strings.zh-CN.ts').then((m) => ({ demandImport: m.demandImportZh }));

/** The part of the first load, for the test that it agrees with the whole file. */
export const demandImportFirstPart: object = first;
