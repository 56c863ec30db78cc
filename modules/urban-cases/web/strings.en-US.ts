import type { LocaleStrings } from '@linli/web-kit';
import type { urbanCasesZh } from './strings.zh-CN.ts';

export const urbanCasesEn: LocaleStrings<typeof urbanCasesZh> = {
  menu: {
    urbanCases: 'urban-cases',
  },
  urbanCases: {
    title: 'urban-cases',
    community: 'Community',
    itemTitle: 'Title',
    note: 'Note',
    createdAt: 'Recorded at',
    search: 'Search titles',
    create: 'New item',
  },
};
