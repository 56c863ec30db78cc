import type { IntervalJob } from '@linli/core/scheduler';
import { type Db, rows } from '@linli/db';
import { sql } from 'drizzle-orm';

export interface RetentionOptions {
  /** Days a published outbox event is kept (it is only the hand-over to the dispatcher). */
  outboxDays: number;
  /** Days a read notification, its channel deliveries and a sent caller text are kept. */
  messageDays: number;
  /** Rows deleted per statement, so no statement holds locks for long (PGlite has one connection). */
  batch?: number;
  now?: Date;
}

export interface RetentionResult {
  events: number;
  notifications: number;
  texts: number;
}

const DAY = 86_400_000;

/**
 * Deletes what has been delivered and is old: published outbox events, read notifications (with
 * their deliveries) and sent texts. Undelivered, failed ('dead') and unread messages stay — they
 * still need someone. Each batch is its own statement; the audit trail is untouched (it has its own
 * retention rules and is append-only).
 */
export async function pruneDelivered(db: Db, options: RetentionOptions): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? 5000;
  const outboxBefore = new Date(now.getTime() - options.outboxDays * DAY).toISOString();
  const messagesBefore = new Date(now.getTime() - options.messageDays * DAY).toISOString();
  const result: RetentionResult = { events: 0, notifications: 0, texts: 0 };
  const repeat = async (statement: () => Promise<number>) => {
    let total = 0;
    for (;;) {
      const n = await statement();
      total += n;
      if (n < batch) return total;
    }
  };
  result.events = await repeat(async () => {
    const deleted = await rows<{ id: string }>(
      db,
      sql`DELETE FROM outbox_event WHERE (tenant_id, id) IN (
            SELECT tenant_id, id FROM outbox_event WHERE published_at IS NOT NULL AND published_at < ${outboxBefore}::timestamptz LIMIT ${batch})
          RETURNING id`,
    );
    return deleted.length;
  });
  result.notifications = await repeat(async () => {
    const deleted = await rows<{ id: string }>(
      db,
      sql`WITH old AS (
            SELECT tenant_id, id FROM notification WHERE read_at IS NOT NULL AND read_at < ${messagesBefore}::timestamptz LIMIT ${batch}),
          deliveries AS (
            DELETE FROM notification_delivery d USING old WHERE d.tenant_id = old.tenant_id AND d.notification_id = old.id)
          DELETE FROM notification n USING old WHERE n.tenant_id = old.tenant_id AND n.id = old.id
          RETURNING n.id`,
    );
    return deleted.length;
  });
  result.texts = await repeat(async () => {
    const deleted = await rows<{ id: string }>(
      db,
      sql`DELETE FROM caller_text WHERE (tenant_id, id) IN (
            SELECT tenant_id, id FROM caller_text WHERE status = 'sent' AND sent_at < ${messagesBefore}::timestamptz LIMIT ${batch})
          RETURNING id`,
    );
    return deleted.length;
  });
  return result;
}

/** The retention job for the server's scheduler: once an hour. */
export function retentionJob(db: Db, options: Omit<RetentionOptions, 'now'>, intervalMs = 3_600_000): IntervalJob {
  return { name: 'notifications.retention', intervalMs, run: () => pruneDelivered(db, options) };
}
