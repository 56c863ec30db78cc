import type { LocaleStrings } from '@linli/web-kit';
import type { propertyZh } from './strings.zh-CN.ts';

export const propertyEn: LocaleStrings<typeof propertyZh> = {
  menu: {
    property: 'property',
  },
  property: {
    title: 'property',
    community: 'Community',
    itemTitle: 'Title',
    note: 'Note',
    createdAt: 'Recorded at',
    search: 'Search titles',
    create: 'New item',
  },
};
