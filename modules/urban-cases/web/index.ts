import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { urbanCasesFirstZh, urbanCasesPageStrings } from './first-strings.ts';
import type { urbanCasesZh } from './strings.zh-CN.ts';

const CasesPage = lazy(withPageStrings(urbanCasesPageStrings, () => import('./cases-page.tsx')));
const RenovationsPage = lazy(withPageStrings(urbanCasesPageStrings, () => import('./renovations-page.tsx')));
const TotalsPage = lazy(withPageStrings(urbanCasesPageStrings, () => import('./totals-page.tsx')));

/** urban-cases: 城管进小区 cases, 老旧小区改造 projects and the totals by street or community (pages load when opened). */
export const urbanCasesWeb: WebModule<typeof urbanCasesZh> = {
  name: 'urban-cases',
  routes: [
    { path: 'urban-cases', page: CasesPage, ability: 'urbanCases.read' },
    { path: 'urban-cases/renovations', page: RenovationsPage, ability: 'urbanCases.read' },
    { path: 'urban-cases/totals', page: TotalsPage, ability: 'urbanCases.read' },
  ],
  menu: [
    {
      path: '/urban-cases',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/SafetyOutlined')),
      label: 'menu.urbanCases',
      ability: 'urbanCases.read',
    },
    {
      path: '/urban-cases/renovations',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/HomeOutlined')),
      label: 'menu.renovations',
      ability: 'urbanCases.read',
    },
    {
      path: '/urban-cases/totals',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/BarChartOutlined')),
      label: 'menu.urbanTotals',
      ability: 'urbanCases.read',
    },
  ],
  strings: { 'zh-CN': urbanCasesFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.urbanCasesEn) },
};
