import type { LocaleStrings } from '@linli/web-kit';
import type { meetingsZh } from './strings.zh-CN.ts';

export const meetingsEn: LocaleStrings<typeof meetingsZh> = {
  menu: {
    meetings: 'meetings',
  },
  meetings: {
    title: 'meetings',
    community: 'Community',
    itemTitle: 'Title',
    note: 'Note',
    createdAt: 'Recorded at',
    search: 'Search titles',
    create: 'New item',
  },
};
