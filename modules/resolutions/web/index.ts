import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { resolutionsZh } from './strings.zh-CN.ts';

const ResolutionsPage = lazy(() => import('./resolutions-page.tsx'));
const SupervisionPage = lazy(() => import('./supervision-page.tsx'));
const NoticesPage = lazy(() => import('./notices-page.tsx'));
const CommitteesPage = lazy(() => import('./committees-page.tsx'));

/** Resolutions: the tracker, the monthly supervision grid, the notices (PDF, objections, good ideas, figures) and the committees. */
export const resolutionsWeb: WebModule<typeof resolutionsZh> = {
  name: 'resolutions',
  routes: [
    { path: 'resolutions', page: ResolutionsPage, ability: 'resolutions.read' },
    { path: 'resolutions/supervision', page: SupervisionPage, ability: 'resolutions.read' },
    { path: 'resolutions/notices', page: NoticesPage, ability: 'resolutions.read' },
    { path: 'resolutions/committees', page: CommitteesPage, ability: 'resolutions.read' },
  ],
  menu: [
    {
      path: '/resolutions',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/CheckSquareOutlined')),
      label: 'menu.resolutions',
      ability: 'resolutions.read',
    },
    {
      path: '/resolutions/supervision',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AuditOutlined')),
      label: 'menu.supervision',
      ability: 'resolutions.read',
    },
    {
      path: '/resolutions/notices',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/NotificationOutlined')),
      label: 'menu.notices',
      ability: 'resolutions.read',
    },
    {
      path: '/resolutions/committees',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/TeamOutlined')),
      label: 'menu.committees',
      ability: 'resolutions.read',
    },
  ],
  strings: { 'zh-CN': resolutionsZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.resolutionsEn) },
};
