import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { useUnreadCount } from './api.ts';
import { notificationsZh } from './strings.zh-CN.ts';

const MobileNotifications = lazy(() => import('./mobile-notifications.tsx'));

/** In-app notifications: the resident's messages tab (the staff app's bell is part of its header). */
export const notificationsWeb: WebModule<{ notifications: typeof notificationsZh }> = {
  name: 'notifications',
  mobileRoutes: [
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
  strings: {
    'zh-CN': { notifications: notificationsZh },
    'en-US': () => import('./strings.en-US.ts').then((m) => ({ notifications: m.notificationsEn })),
  },
};
