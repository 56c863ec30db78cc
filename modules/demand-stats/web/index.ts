import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { demandStatsFirstZh, demandStatsPageStrings } from './first-strings.ts';
import type { demandStatsZh } from './strings.zh-CN.ts';

const DemandDashboardPage = lazy(withPageStrings(demandStatsPageStrings, () => import('./demand-dashboard-page.tsx')));

/** Demand KPIs: response, on-time, satisfaction, breakdowns and rankings (the public notice board: mobile.ts). */
export const demandStatsWeb: WebModule<{ demandStats: typeof demandStatsZh }> = {
  name: 'demand-stats',
  routes: [{ path: 'demands/dashboard', page: DemandDashboardPage, ability: 'demand.read' }],
  menu: [
    {
      path: '/demands/dashboard',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/BarChartOutlined')),
      label: 'demandStats.menu',
      ability: 'demand.read',
    },
  ],
  strings: {
    'zh-CN': demandStatsFirstZh,
    'en-US': () => import('./strings.en-US.ts').then((m) => ({ demandStats: m.demandStatsEn })),
  },
};
