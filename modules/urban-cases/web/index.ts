import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { urbanCasesZh } from './strings.zh-CN.ts';

const UrbanCasesPage = lazy(() => import('./urban-cases-page.tsx'));

/** urban-cases: its staff page, menu entry and strings (pages load when opened). */
export const urbanCasesWeb: WebModule<typeof urbanCasesZh> = {
  name: 'urban-cases',
  routes: [{ path: 'urban-cases', page: UrbanCasesPage, ability: 'urbanCases.read' }],
  menu: [
    {
      path: '/urban-cases',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AppstoreOutlined')),
      label: 'menu.urbanCases',
      ability: 'urbanCases.read',
    },
  ],
  strings: { 'zh-CN': urbanCasesZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.urbanCasesEn) },
};
