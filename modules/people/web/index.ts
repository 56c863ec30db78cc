import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { peopleZh } from './strings.zh-CN.ts';

const ResidentsPage = lazy(() => import('./residents-page.tsx'));

/** Residents: the roster with its filters, the resident form, leaders. */
export const peopleWeb: WebModule<typeof peopleZh> = {
  name: 'people',
  routes: [{ path: 'residents', page: ResidentsPage, ability: 'people.read' }],
  menu: [
    {
      path: '/residents',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/UserOutlined')),
      label: 'menu.residents',
      ability: 'people.read',
    },
  ],
  strings: { 'zh-CN': peopleZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.peopleEn) },
};
