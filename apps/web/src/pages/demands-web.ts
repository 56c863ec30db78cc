import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';

const DemandInboxPage = lazy(() => import('./demands/demand-inbox-page.tsx'));
const DemandDetailPage = lazy(() => import('./demands/demand-detail-page.tsx'));
const DemandDashboardPage = lazy(() => import('./demands/demand-dashboard-page.tsx'));
const WorkingCalendarPage = lazy(() => import('./calendar/working-calendar-page.tsx'));
const DemandImportPage = lazy(() => import('./demand-import/demand-import-page.tsx'));
const HotspotsPage = lazy(() => import('./demand-smart/hotspots-page.tsx'));
const DemandSettingsPage = lazy(() => import('./demand-settings/demand-settings-page.tsx'));
const Open311ClientsPage = lazy(() => import('./open311-clients/open311-clients-page.tsx'));
const DemandView = lazy(() => import('../mobile/demands/demand-view.tsx'));
const MyDemands = lazy(() => import('../mobile/demands/my-demands.tsx'));
const SubmitDemand = lazy(() => import('../mobile/demands/submit-demand.tsx'));
const MobileHomeEntries = lazy(() => import('../mobile/demands/home-entries.tsx'));

/** The demand pages while they move to their modules. */
export const demandsWeb: WebModule = {
  name: 'demands',
  routes: [
    { path: 'demands', page: DemandInboxPage, ability: ['demand.read', 'demand.handle'] },
    { path: 'demands/dashboard', page: DemandDashboardPage, ability: 'demand.read' },
    { path: 'demands/hotspots', page: HotspotsPage, ability: 'demand.read' },
    { path: 'demands/settings/categories', page: DemandSettingsPage, ability: ['demand.configure', 'demand.read'] },
    { path: 'demands/:id', page: DemandDetailPage, ability: ['demand.read', 'demand.handle'] },
    { path: 'demand-calendar', page: WorkingCalendarPage, ability: ['demand.configure', 'demand.read'] },
    { path: 'demand-import', page: DemandImportPage, ability: ['demand.intake', 'demand.read'] },
    { path: 'open311-clients', page: Open311ClientsPage, ability: 'demand.configure' },
  ],
  menu: [
    {
      path: '/demands',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/MessageOutlined')),
      label: 'demands.menu.inbox',
      ability: ['demand.read', 'demand.handle'],
    },
    {
      path: '/demands/dashboard',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/BarChartOutlined')),
      label: 'demands.menu.dashboard',
      ability: 'demand.read',
    },
    {
      path: '/demands/hotspots',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/FireOutlined')),
      label: 'demandSmart.menu',
      ability: 'demand.read',
    },
    {
      path: '/demands/settings/categories',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/ClusterOutlined')),
      label: 'demandSettings.menu',
      ability: ['demand.configure', 'demand.read'],
    },
    {
      path: '/demand-calendar',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/CalendarOutlined')),
      label: 'notifications.menu.calendar',
      ability: ['demand.configure', 'demand.read'],
    },
    {
      path: '/demand-import',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/CloudUploadOutlined')),
      label: 'demandImport.menu',
      ability: ['demand.intake', 'demand.read'],
    },
    {
      path: '/open311-clients',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/GlobalOutlined')),
      label: 'open311Clients.menu',
      ability: 'demand.configure',
    },
  ],
  mobileRoutes: [
    {
      path: 'demands',
      page: MyDemands,
      tab: { title: 'demands.mobile.tab', icon: lazyIcon(() => import('@ant-design/icons/es/icons/MessageOutlined')) },
    },
    { path: 'demands/new', page: SubmitDemand },
    { path: 'demands/:id', page: DemandView },
  ],
  mobileHome: MobileHomeEntries,
  strings: { 'zh-CN': {}, 'en-US': async () => ({}) },
};
