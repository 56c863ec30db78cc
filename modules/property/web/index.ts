import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { propertyFirstZh, propertyPageStrings } from './first-strings.ts';
import type { propertyZh } from './strings.zh-CN.ts';

const ProfilesPage = lazy(withPageStrings(propertyPageStrings, () => import('./profiles-page.tsx')));
const CompaniesPage = lazy(withPageStrings(propertyPageStrings, () => import('./companies-page.tsx')));
const DashboardPage = lazy(withPageStrings(propertyPageStrings, () => import('./dashboard-page.tsx')));
const ReceptionPage = lazy(withPageStrings(propertyPageStrings, () => import('./reception-page.tsx')));
const InstructorsPage = lazy(withPageStrings(propertyPageStrings, () => import('./instructors-page.tsx')));
const LedgerPage = lazy(withPageStrings(propertyPageStrings, () => import('./ledger-page.tsx')));

/** Property reform: compound property profiles, the property company registry and the ledger (pages load when opened). */
export const propertyWeb: WebModule<typeof propertyZh> = {
  name: 'property',
  routes: [
    { path: 'property', page: ProfilesPage, ability: 'property.read' },
    { path: 'property/companies', page: CompaniesPage, ability: 'property.read' },
    { path: 'property/ledger', page: LedgerPage, ability: 'property.read' },
    { path: 'property/dashboard', page: DashboardPage, ability: 'property.read' },
    { path: 'property/reception-days', page: ReceptionPage, ability: 'property.read' },
    { path: 'property/instructors', page: InstructorsPage, ability: 'property.read' },
  ],
  menu: [
    {
      path: '/property',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/HomeOutlined')),
      label: 'menu.property',
      ability: 'property.read',
    },
    {
      path: '/property/companies',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/ShopOutlined')),
      label: 'menu.propertyCompanies',
      ability: 'property.read',
    },
    {
      path: '/property/ledger',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/BarChartOutlined')),
      label: 'menu.propertyLedger',
      ability: 'property.read',
    },
    {
      path: '/property/dashboard',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/DashboardOutlined')),
      label: 'menu.propertyDashboard',
      ability: 'property.read',
    },
    {
      path: '/property/reception-days',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/CommentOutlined')),
      label: 'menu.propertyReception',
      ability: 'property.read',
    },
    {
      path: '/property/instructors',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/FlagOutlined')),
      label: 'menu.propertyInstructors',
      ability: 'property.read',
    },
  ],
  strings: { 'zh-CN': propertyFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.propertyEn) },
};
