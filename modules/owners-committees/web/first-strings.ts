// The module's Chinese strings in two parts, to keep both apps' first load small: what shows before
// one of its pages opens (menu entries, the phone's home-page link) is here and goes with the first
// load; the whole file (strings.zh-CN.ts) comes with the pages (withPageStrings). The values here
// repeat the whole file's (packages/web-kit/src/i18n/first-strings.test.ts checks that they agree).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { ownersCommitteesZh } from './strings.zh-CN.ts';

const first = {
  menu: {
    ownersCommittees: '业委会',
    ocCompliance: '业委会党员占比',
    ocElections: '业委会换届',
    ocTrainings: '业委会培训',
    ocMeetings: '业主大会',
  },
  ownersCommittees: { mobile: { meetings: '业主大会' } },
};

/** Typed as the whole file; the rest of the keys arrive with the module's pages before any of them renders. */
export const ownersCommitteesFirstZh = first as unknown as typeof ownersCommitteesZh;

/** The module's whole Chinese strings, loaded with its pages. */
export const ownersCommitteesPageStrings: PageStrings = () => import('./strings.zh-CN.ts').then((m) => m.ownersCommitteesZh);

/** The part of the first load, for the test that it agrees with the whole file. */
export const ownersCommitteesFirstPart: object = first;
