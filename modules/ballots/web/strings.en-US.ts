import type { LocaleStrings } from '@linli/web-kit';
import type { ballotsZh } from './strings.zh-CN.ts';

export const ballotsEn: LocaleStrings<typeof ballotsZh> = {
  menu: {
    ballots: 'ballots',
  },
  ballots: {
    title: 'ballots',
    community: 'Community',
    itemTitle: 'Title',
    note: 'Note',
    createdAt: 'Recorded at',
    search: 'Search titles',
    create: 'New item',
  },
};
