import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { loadNotificationConfig } from './config.ts';
import { notificationJobs } from './jobs.ts';
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
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  tables: ['notification', 'notification_delivery', 'caller_text'],
  // Demands for their recipients; residents to reach the invitees of a meeting (meetings.* events).
  reads: ['account', 'demand', 'resident', 'role_grant'],
  // The outbox dispatcher and the retention of delivered events; a wrong channel setting stops start-up.
  jobs: ({ db, cipher, log }) => notificationJobs(db, loadNotificationConfig(), log, cipher),
};
