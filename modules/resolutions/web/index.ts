import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { resolutionsFirstZh, resolutionsPageStrings } from './first-strings.ts';
import type { resolutionsZh } from './strings.zh-CN.ts';

const ResolutionsPage = lazy(withPageStrings(resolutionsPageStrings, () => import('./resolutions-page.tsx')));
const SupervisionPage = lazy(withPageStrings(resolutionsPageStrings, () => import('./supervision-page.tsx')));
const NoticesPage = lazy(withPageStrings(resolutionsPageStrings, () => import('./notices-page.tsx')));
const CommitteesPage = lazy(withPageStrings(resolutionsPageStrings, () => import('./committees-page.tsx')));

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
  strings: { 'zh-CN': resolutionsFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.resolutionsEn) },
};
