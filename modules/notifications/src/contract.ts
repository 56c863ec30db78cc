import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

/** Request and response schemas of the notifications API, shared with the web app. */
export const Notification = Type.Object({
  id: Uuid,
  /** The domain event it came from, e.g. demand.dispatched. */
  eventType: Type.String(),
  /** Message key and parameters for other languages (the web app's en-US). */
  messageKey: Type.String(),
  params: Type.Record(Type.String(), Type.String()),
  /** zh-CN title and body. */
  title: Type.String(),
  body: Type.String(),
  /** Where to open it in the web app. */
  link: Type.Union([Type.String(), Type.Null()]),
  demandId: Type.Union([Uuid, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type Notification = Static<typeof Notification>;

export const NotificationPage = Page(Notification);

export const NotificationListQuery = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'only the unread ones' })),
  ...PageQuery,
});
export type NotificationListQuery = Static<typeof NotificationListQuery>;

export const NotificationIdParams = Type.Object({ id: Uuid });
export const UnreadCount = Type.Object({ count: Type.Integer() });
