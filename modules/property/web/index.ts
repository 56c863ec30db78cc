import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { propertyZh } from './strings.zh-CN.ts';

const PropertyPage = lazy(() => import('./property-page.tsx'));

/** property: its staff page, menu entry and strings (pages load when opened). */
export const propertyWeb: WebModule<typeof propertyZh> = {
  name: 'property',
  routes: [{ path: 'property', page: PropertyPage, ability: 'property.read' }],
  menu: [
    {
      path: '/property',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AppstoreOutlined')),
      label: 'menu.property',
      ability: 'property.read',
    },
  ],
  strings: { 'zh-CN': propertyZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.propertyEn) },
};
