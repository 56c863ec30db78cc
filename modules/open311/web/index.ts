import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { open311ClientsFirstZh, open311ClientsPageStrings } from './first-strings.ts';
import type { open311ClientsZh } from './strings.zh-CN.ts';

const Open311ClientsPage = lazy(withPageStrings(open311ClientsPageStrings, () => import('./open311-clients-page.tsx')));

/** Open311 GeoReport v2: the outside clients that submit demands and their keys. */
export const open311Web: WebModule<{ open311Clients: typeof open311ClientsZh }> = {
  name: 'open311',
  routes: [{ path: 'open311-clients', page: Open311ClientsPage, ability: 'demand.configure' }],
  menu: [
    {
      path: '/open311-clients',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/GlobalOutlined')),
      label: 'open311Clients.menu',
      ability: 'demand.configure',
    },
  ],
  strings: {
    'zh-CN': open311ClientsFirstZh,
    'en-US': () => import('./strings.en-US.ts').then((m) => ({ open311Clients: m.open311ClientsEn })),
  },
};
