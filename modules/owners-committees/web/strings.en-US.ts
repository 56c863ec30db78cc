import type { LocaleStrings } from '@linli/web-kit';
import type { ownersCommitteesZh } from './strings.zh-CN.ts';

export const ownersCommitteesEn: LocaleStrings<typeof ownersCommitteesZh> = {
  menu: {
    ownersCommittees: 'owners-committees',
  },
  ownersCommittees: {
    title: 'owners-committees',
    community: 'Community',
    itemTitle: 'Title',
    note: 'Note',
    createdAt: 'Recorded at',
    search: 'Search titles',
    create: 'New item',
  },
};
