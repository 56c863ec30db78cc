import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { territoryZh } from './strings.zh-CN.ts';

const TerritoryPage = lazy(() => import('./territory-page.tsx'));
const CompoundPage = lazy(() => import('./compound-page.tsx'));
const ImportPage = lazy(() => import('./import-page.tsx'));

/** The territory tree (county → household), compounds and the household/division import. */
export const territoryWeb: WebModule<typeof territoryZh> = {
  name: 'territory',
  routes: [
    { path: 'territory', page: TerritoryPage, ability: 'territory.read' },
    { path: 'territory/:nodeId', page: TerritoryPage, ability: 'territory.read' },
    { path: 'compounds/:id', page: CompoundPage, ability: 'territory.read' },
    { path: 'import', page: ImportPage, ability: 'territory.import' },
  ],
  menu: [
    {
      path: '/territory',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/ApartmentOutlined')),
      label: 'menu.territory',
      ability: 'territory.read',
      also: ['/compounds'],
    },
    {
      path: '/import',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/CloudUploadOutlined')),
      label: 'menu.import',
      ability: 'territory.import',
    },
  ],
  strings: { 'zh-CN': territoryZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.territoryEn) },
};
