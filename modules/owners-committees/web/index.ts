import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { ownersCommitteesZh } from './strings.zh-CN.ts';

const OwnersCommitteesPage = lazy(() => import('./owners-committees-page.tsx'));

/** owners-committees: its staff page, menu entry and strings (pages load when opened). */
export const ownersCommitteesWeb: WebModule<typeof ownersCommitteesZh> = {
  name: 'owners-committees',
  routes: [{ path: 'owners-committees', page: OwnersCommitteesPage, ability: 'ownersCommittees.read' }],
  menu: [
    {
      path: '/owners-committees',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AppstoreOutlined')),
      label: 'menu.ownersCommittees',
      ability: 'ownersCommittees.read',
    },
  ],
  strings: { 'zh-CN': ownersCommitteesZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.ownersCommitteesEn) },
};
