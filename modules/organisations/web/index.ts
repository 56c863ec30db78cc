import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { organisationsFirstZh, organisationsPageStrings } from './first-strings.ts';
import type { organisationsZh } from './strings.zh-CN.ts';

const OrganisationsPage = lazy(withPageStrings(organisationsPageStrings, () => import('./organisations-page.tsx')));

/** Organisations (owners' committees, property managers, social organisations) and dual registration. */
export const organisationsWeb: WebModule<typeof organisationsZh> = {
  name: 'organisations',
  routes: [{ path: 'organisations', page: OrganisationsPage, ability: 'organisation.read' }],
  menu: [
    {
      path: '/organisations',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/BankOutlined')),
      label: 'menu.organisations',
      ability: 'organisation.read',
    },
  ],
  strings: { 'zh-CN': organisationsFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.organisationsEn) },
};
