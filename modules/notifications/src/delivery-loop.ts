import { type Db, rows } from '@linli/db';
import { type SQL, sql } from 'drizzle-orm';
import { backoffMs, DEFAULT_MAX_ATTEMPTS, type SendResult } from './retry.ts';

/** What to do with one claimed row: send it, or fail it without sending (`final` parks it as dead at once). */
export type Attempt = { send: () => Promise<void> } | { refuse: string; final: boolean };

export interface DeliveryLoop<Row extends { attempts: number }> {
  /** The table whose rows carry `status`, `attempts`, `last_error`, `next_attempt_at` and `sent_at`. */
  table: 'notification_delivery' | 'caller_text';
  /** `SELECT … FROM <table> <alias> [JOIN …]`: the loop adds the due rows' condition, order, limit and lock. */
  select: SQL;
  /** The alias of `table` in `select`. */
  alias: string;
  /** The WHERE condition naming one row. */
  key: (row: Row) => SQL;
  /** Prepares one row; runs outside the send's error handling, so its own errors abort the batch. */
  attempt: (tx: Db, row: Row) => Promise<Attempt>;
}

/**
 * Sends one batch of pending rows in one transaction: a sent row becomes 'sent'; a failed send is
 * retried with backoff and becomes 'dead' after `maxAttempts`. A process that dies after a gateway
 * accepted a message but before commit sends it again: delivery is at least once.
 */
export async function runDeliveryLoop<Row extends { attempts: number }>(
  db: Db,
  loop: DeliveryLoop<Row>,
  options: { batch?: number; maxAttempts?: number; now?: Date } = {},
): Promise<SendResult> {
  const now = options.now ?? new Date();
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const table = sql.raw(loop.table);
  const alias = sql.raw(loop.alias);
  return db.transaction(async (tx) => {
    // Claimed with FOR UPDATE SKIP LOCKED, so several processes share the pending rows.
    const due = await rows<Row>(
      tx,
      sql`${loop.select}
          WHERE ${alias}.status = 'pending' AND ${alias}.next_attempt_at <= ${now.toISOString()}::timestamptz
          ORDER BY ${alias}.next_attempt_at LIMIT ${options.batch ?? 20}
          FOR UPDATE OF ${alias} SKIP LOCKED`,
    );
    const result: SendResult = { sent: 0, failed: 0, dead: 0 };
    for (const row of due) {
      const key = loop.key(row);
      const fail = async (reason: string, final: boolean) => {
        const attempts = row.attempts + 1;
        const dead = final || attempts >= maxAttempts;
        await tx.execute(
          sql`UPDATE ${table} SET attempts = ${attempts}, status = ${dead ? 'dead' : 'pending'}, last_error = ${reason.slice(0, 1000)},
                next_attempt_at = ${new Date(now.getTime() + backoffMs(attempts)).toISOString()}::timestamptz
              WHERE ${key}`,
        );
        result.failed += 1;
        if (dead) result.dead += 1;
      };
      const attempt = await loop.attempt(tx, row);
      if ('refuse' in attempt) {
        await fail(attempt.refuse, attempt.final);
        continue;
      }
      try {
        await attempt.send();
        await tx.execute(
          sql`UPDATE ${table} SET status = 'sent', attempts = attempts + 1, sent_at = ${now.toISOString()}::timestamptz, last_error = NULL
              WHERE ${key}`,
        );
        result.sent += 1;
      } catch (err) {
        await fail(String((err as Error)?.message ?? err), false);
      }
    }
    return result;
  });
}
