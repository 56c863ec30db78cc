// The module's Chinese strings in two parts, to keep both apps' first load small: its menu entry is
// here and goes with the first load; the whole file (strings.zh-CN.ts) comes with its page
// (withPageStrings). The values here repeat the whole file's (first-strings.test.ts checks that).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { open311ClientsZh } from './strings.zh-CN.ts';

const first = { open311Clients: { menu: 'Open311 接入' } };

/** Typed as the whole file, so that t() knows every key; the rest arrives with the page before it renders. */
export const open311ClientsFirstZh = first as unknown as { open311Clients: typeof open311ClientsZh };

/** The module's whole Chinese strings, loaded with its page. */
export const open311ClientsPageStrings: PageStrings = () =>
  import('./strings.zh-CN.ts').then((m) => ({ open311Clients: m.open311ClientsZh }));

/** The part of the first load, for the test that it agrees with the whole file. */
export const open311ClientsFirstPart: object = first;
