import type { LocaleStrings } from '@linli/web-kit';
import type { resolutionsZh } from './strings.zh-CN.ts';

export const resolutionsEn: LocaleStrings<typeof resolutionsZh> = {
  menu: {
    resolutions: 'resolutions',
  },
  resolutions: {
    title: 'resolutions',
    community: 'Community',
    itemTitle: 'Title',
    note: 'Note',
    createdAt: 'Recorded at',
    search: 'Search titles',
    create: 'New item',
  },
};
