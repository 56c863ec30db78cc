import type { Noun } from '@linli/core/app-error';

/** What a 404 of the notifications module names (`AppError.notFound(notificationNouns.notification, id)`). */
export const notificationNouns = {
  notification: { 'zh-CN': '通知', 'en-US': 'Notification' },
} as const satisfies Record<string, Noun>;
