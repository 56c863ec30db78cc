import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { opinionMapZh } from './strings.zh-CN.ts';

const OpinionMapPage = lazy(() => import('./opinion-map-page.tsx'));

/** opinion-map: its staff page, menu entry and strings (pages load when opened). */
export const opinionMapWeb: WebModule<typeof opinionMapZh> = {
  name: 'opinion-map',
  routes: [{ path: 'opinion-map', page: OpinionMapPage, ability: 'opinionMap.read' }],
  menu: [
    {
      path: '/opinion-map',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AppstoreOutlined')),
      label: 'menu.opinionMap',
      ability: 'opinionMap.read',
    },
  ],
  strings: { 'zh-CN': opinionMapZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.opinionMapEn) },
};
