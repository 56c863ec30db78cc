import type { MobileWebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { useUnreadCount } from './api.ts';

const MobileNotifications = lazy(() => import('./mobile-notifications.tsx'));

/** The resident's messages: a tab with the unread count. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'notifications',
      page: MobileNotifications,
      tab: {
        title: 'notifications.bell.title',
        icon: lazyIcon(() => import('@ant-design/icons/es/icons/BellOutlined')),
        useBadge: () => useUnreadCount().count,
      },
    },
  ],
};
