import type { LocaleStrings } from '@linli/web-kit';
import type { opinionMapZh } from './strings.zh-CN.ts';

export const opinionMapEn: LocaleStrings<typeof opinionMapZh> = {
  menu: {
    opinionMap: 'opinion-map',
  },
  opinionMap: {
    title: 'opinion-map',
    community: 'Community',
    itemTitle: 'Title',
    note: 'Note',
    createdAt: 'Recorded at',
    search: 'Search titles',
    create: 'New item',
  },
};
