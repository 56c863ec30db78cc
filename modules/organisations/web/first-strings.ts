// The module's Chinese strings in two parts, to keep both apps' first load small: its menu entry is
// here and goes with the first load; the whole file (strings.zh-CN.ts) comes with its page
// (withPageStrings). The values here repeat the whole file's (first-strings.test.ts checks that).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { organisationsZh } from './strings.zh-CN.ts';

const first = { menu: { organisations: '组织与双报到' } };

/** Typed as the whole file, so that t() knows every key; the rest arrives with the page before it renders. */
export const organisationsFirstZh = first as unknown as typeof organisationsZh;

/** The module's whole Chinese strings, loaded with its page. */
export const organisationsPageStrings: PageStrings = () => import('./strings.zh-CN.ts').then((m) => m.organisationsZh);

/** The part of the first load, for the test that it agrees with the whole file. */
export const organisationsFirstPart: object = first;
