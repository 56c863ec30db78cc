import type { ModuleManifest } from '@linli/core';

/** Notifications: delivers outbox events as in-app messages and through SMS / WeChat channels. */
export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  description: 'Delivers domain events from the outbox as in-app messages and through pluggable SMS / WeChat channels',
};
