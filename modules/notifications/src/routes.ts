import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, errorResponses, type ModuleDeps, requireContext } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { Notification, NotificationIdParams, NotificationListQuery, NotificationPage, UnreadCount } from './contract.ts';
import { notificationNouns } from './errors.ts';
import { NotificationRepository } from './notification.repository.ts';

const tags = ['notifications'];
const errors = errorResponses(400, 401, 404);

/**
 * The caller's own notifications. Every query is keyed by the caller's tenant and account, so
 * there is nothing else to check: someone else's notification is simply not found. Marking read
 * is the reader's own inbox state and is not written to the audit trail.
 */
export async function notificationRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const repository = new NotificationRepository(deps.db);

  app.get(
    '/notifications',
    {
      schema: {
        operationId: 'listNotifications',
        tags,
        summary: 'My notifications, newest first',
        querystring: NotificationListQuery,
        response: { 200: NotificationPage, ...errors },
      },
    },
    async (request) => {
      const { actor } = requireContext(request);
      const { unread, cursor, limit } = request.query;
      return repository.list(actor.tenantId, actor.accountId, { unread, cursor, limit: limit ?? 50 });
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        operationId: 'countUnreadNotifications',
        tags,
        summary: 'How many of my notifications are unread',
        response: { 200: UnreadCount, ...errors },
      },
    },
    async (request) => {
      const { actor } = requireContext(request);
      return { count: await repository.unreadCount(actor.tenantId, actor.accountId) };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        operationId: 'markNotificationRead',
        tags,
        summary: 'Mark one of my notifications read',
        params: NotificationIdParams,
        response: { 200: Notification, ...errors },
      },
    },
    async (request) => {
      const { actor } = requireContext(request);
      const marked = await repository.markRead(actor.tenantId, actor.accountId, request.params.id);
      if (!marked) throw AppError.notFound(notificationNouns.notification, request.params.id);
      return marked;
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        operationId: 'markAllNotificationsRead',
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: UnreadCount, ...errors },
      },
    },
    async (request) => {
      const { actor } = requireContext(request);
      return { count: await repository.markAllRead(actor.tenantId, actor.accountId) };
    },
  );
}
