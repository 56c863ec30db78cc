import type { LocaleStrings } from '@linli/web-kit';
import type { ownersCommitteesZh } from './strings.zh-CN.ts';

export const ownersCommitteesEn: LocaleStrings<typeof ownersCommitteesZh> = {
  menu: {
    ownersCommittees: "Owners' committees",
  },
  ownersCommittees: {
    title: "Owners' committees and property management committees",
    name: 'Name',
    compound: 'Compound',
  },
};
