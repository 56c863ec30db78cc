import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { resolutionsZh } from './strings.zh-CN.ts';

const ResolutionsPage = lazy(() => import('./resolutions-page.tsx'));

/** resolutions: its staff page, menu entry and strings (pages load when opened). */
export const resolutionsWeb: WebModule<typeof resolutionsZh> = {
  name: 'resolutions',
  routes: [{ path: 'resolutions', page: ResolutionsPage, ability: 'resolutions.read' }],
  menu: [
    {
      path: '/resolutions',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AppstoreOutlined')),
      label: 'menu.resolutions',
      ability: 'resolutions.read',
    },
  ],
  strings: { 'zh-CN': resolutionsZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.resolutionsEn) },
};
