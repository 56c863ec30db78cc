import type { ModuleManifest } from '@linli/core';
import { notificationRoutes } from './routes.ts';

/**
 * Notifications: delivers domain events from the outbox as in-app messages and through pluggable
 * SMS / WeChat channels. The dispatcher runs as a background job (`notificationJobs`), started by
 * the server next to the HTTP routes.
 */
export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  description: 'Delivers domain events from the outbox as in-app messages and through pluggable SMS / WeChat channels',
  routes: notificationRoutes,
};
