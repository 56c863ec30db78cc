import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { partyZh } from './strings.zh-CN.ts';

const PartyPage = lazy(() => import('./party-page.tsx'));

/** Party organisations, their members and coverage. */
export const partyWeb: WebModule<typeof partyZh> = {
  name: 'party',
  routes: [{ path: 'party', page: PartyPage, ability: 'party.read' }],
  menu: [
    { path: '/party', icon: lazyIcon(() => import('@ant-design/icons/es/icons/FlagOutlined')), label: 'menu.party', ability: 'party.read' },
  ],
  strings: { 'zh-CN': partyZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.partyEn) },
};
