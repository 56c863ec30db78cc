import type { LocaleStrings } from '@linli/web-kit';
import type { __camel__Zh } from './strings.zh-CN.ts';

export const __camel__En: LocaleStrings<typeof __camel__Zh> = {
  menu: {
    __camel__: '__name__',
  },
  __camel__: {
    title: '__name__',
    community: 'Community',
    itemTitle: 'Title',
    note: 'Note',
    createdAt: 'Recorded at',
    search: 'Search titles',
    create: 'New item',
  },
};
