import type { Db } from '@linli/db';
import type { Notification } from './contract.ts';
import { NotificationRepository } from './notification.repository.ts';

/** What other modules may read of a person's in-app messages: how many are unread, and the newest few. */
export const notifications = {
  /** How many of the recipient's notifications are unread. */
  unreadCount(db: Db, tenantId: string, recipientId: string): Promise<number> {
    return new NotificationRepository(db).unreadCount(tenantId, recipientId);
  },

  /** The recipient's newest notifications, newest first. */
  async latest(db: Db, tenantId: string, recipientId: string, limit: number): Promise<Notification[]> {
    return (await new NotificationRepository(db).list(tenantId, recipientId, { limit })).items;
  },
};
