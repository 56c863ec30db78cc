import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { accountsZh } from './strings.zh-CN.ts';

const AccountsPage = lazy(() => import('./accounts-page.tsx'));

/** Accounts and their role grants. */
export const accountsWeb: WebModule<typeof accountsZh> = {
  name: 'accounts',
  routes: [{ path: 'accounts', page: AccountsPage, ability: 'account.read' }],
  menu: [
    {
      path: '/accounts',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/TeamOutlined')),
      label: 'menu.accounts',
      ability: 'account.read',
    },
  ],
  strings: { 'zh-CN': accountsZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.accountsEn) },
};
