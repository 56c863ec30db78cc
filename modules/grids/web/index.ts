import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { gridsZh } from './strings.zh-CN.ts';

const GridsPage = lazy(() => import('./grids-page.tsx'));

/** Grids and micro-grids: their buildings and their teams. */
export const gridsWeb: WebModule<typeof gridsZh> = {
  name: 'grids',
  routes: [{ path: 'grids', page: GridsPage, ability: 'grid.read' }],
  menu: [
    { path: '/grids', icon: lazyIcon(() => import('@ant-design/icons/es/icons/TableOutlined')), label: 'menu.grids', ability: 'grid.read' },
  ],
  strings: { 'zh-CN': gridsZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.gridsEn) },
};
