import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { __camel__Zh } from './strings.zh-CN.ts';

const __Pascal__Page = lazy(() => import('./__name__-page.tsx'));

/** __name__: its staff page, menu entry and strings (pages load when opened). */
export const __camel__Web: WebModule<typeof __camel__Zh> = {
  name: '__name__',
  routes: [{ path: '__name__', page: __Pascal__Page, ability: '__camel__.read' }],
  menu: [
    {
      path: '/__name__',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AppstoreOutlined')),
      label: 'menu.__camel__',
      ability: '__camel__.read',
    },
  ],
  strings: { 'zh-CN': __camel__Zh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.__camel__En) },
};
