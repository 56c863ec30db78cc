import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { ballotsFirstZh, ballotsPageStrings } from './first-strings.ts';
import type { ballotsZh } from './strings.zh-CN.ts';

const BallotsPage = lazy(withPageStrings(ballotsPageStrings, () => import('./ballots-page.tsx')));

/** ballots: its staff page, menu entry and strings (pages load when opened). */
export const ballotsWeb: WebModule<typeof ballotsZh> = {
  name: 'ballots',
  routes: [{ path: 'ballots', page: BallotsPage, ability: 'ballots.read' }],
  menu: [
    {
      path: '/ballots',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/CheckSquareOutlined')),
      label: 'menu.ballots',
      ability: 'ballots.read',
    },
  ],
  strings: { 'zh-CN': ballotsFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.ballotsEn) },
};
