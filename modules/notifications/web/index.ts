import type { WebModule } from '@linli/web-kit';
import { notificationsZh } from './strings.zh-CN.ts';

/** In-app notifications: their strings (the staff app's bell is part of its header; the resident's messages tab: mobile.ts). */
export const notificationsWeb: WebModule<{ notifications: typeof notificationsZh }> = {
  name: 'notifications',
  strings: {
    'zh-CN': { notifications: notificationsZh },
    'en-US': () => import('./strings.en-US.ts').then((m) => ({ notifications: m.notificationsEn })),
  },
};
