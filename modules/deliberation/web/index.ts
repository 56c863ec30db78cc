import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { deliberationFirstZh, deliberationPageStrings } from './first-strings.ts';
import { stationMenu, stationStaffRoutes } from './stations-web.ts';
import type { deliberationZh } from './strings.zh-CN.ts';
import { visitMenu, visitStaffRoutes } from './visits-web.ts';

const TopicsPage = lazy(withPageStrings(deliberationPageStrings, () => import('./topics-page.tsx')));
const ScopePage = lazy(withPageStrings(deliberationPageStrings, () => import('./scope-page.tsx')));
const DashboardPage = lazy(withPageStrings(deliberationPageStrings, () => import('./dashboard-page.tsx')));

/** Deliberation: the topic pool, the scope lists, the stations, the dashboard; menu entries and strings (pages load when opened). */
export const deliberationWeb: WebModule<typeof deliberationZh> = {
  name: 'deliberation',
  routes: [
    { path: 'deliberation', page: TopicsPage, ability: 'deliberation.read' },
    { path: 'deliberation/scope', page: ScopePage, ability: 'deliberation.read' },
    ...stationStaffRoutes,
    ...visitStaffRoutes,
    { path: 'deliberation/dashboard', page: DashboardPage, ability: 'deliberation.read' },
  ],
  menu: [
    {
      path: '/deliberation',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AppstoreOutlined')),
      label: 'menu.deliberation',
      ability: 'deliberation.read',
    },
    {
      path: '/deliberation/scope',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/SafetyCertificateOutlined')),
      label: 'menu.deliberationScope',
      ability: 'deliberation.read',
    },
    ...stationMenu,
    ...visitMenu,
    {
      path: '/deliberation/dashboard',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/BarChartOutlined')),
      label: 'menu.deliberationDashboard',
      ability: 'deliberation.read',
    },
  ],
  strings: { 'zh-CN': deliberationFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.deliberationEn) },
};
