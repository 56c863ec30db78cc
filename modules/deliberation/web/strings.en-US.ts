import type { LocaleStrings } from '@linli/web-kit';
import { stationsEn } from './stations-strings.en-US.ts';
import type { deliberationZh } from './strings.zh-CN.ts';

export const deliberationEn: LocaleStrings<typeof deliberationZh> = {
  ...stationsEn,
  menu: {
    deliberation: 'deliberation',
  },
  deliberation: {
    title: 'deliberation',
    community: 'Community',
    itemTitle: 'Title',
    note: 'Note',
    createdAt: 'Recorded at',
    search: 'Search titles',
    create: 'New item',
  },
};
