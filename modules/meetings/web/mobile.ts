import type { MobileWebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';

const MyMeetings = lazy(() => import('./mobile/my-meetings.tsx'));

/** The resident's meeting notices (a tab): agenda, check-in with the room's code, minutes once closed. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'meetings',
      page: MyMeetings,
      tab: { title: 'meetings.mobile.tab', icon: lazyIcon(() => import('@ant-design/icons/es/icons/TeamOutlined')) },
    },
  ],
};
