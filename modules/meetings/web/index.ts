import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { meetingsZh } from './strings.zh-CN.ts';

const MeetingsPage = lazy(() => import('./meetings-page.tsx'));

/** meetings: its staff page, menu entry and strings (pages load when opened). */
export const meetingsWeb: WebModule<typeof meetingsZh> = {
  name: 'meetings',
  routes: [{ path: 'meetings', page: MeetingsPage, ability: 'meetings.read' }],
  menu: [
    {
      path: '/meetings',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AppstoreOutlined')),
      label: 'menu.meetings',
      ability: 'meetings.read',
    },
  ],
  strings: { 'zh-CN': meetingsZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.meetingsEn) },
};
