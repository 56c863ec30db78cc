import { type PersonalDataCipher, recordAudit } from '@linli/core';
import { type Db, rows } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Channel } from './channels.ts';
import { backoffMs, DEFAULT_MAX_ATTEMPTS, type SendResult } from './retry.ts';

interface DueText {
  tenant_id: string;
  id: string;
  demand_id: string;
  channel: string;
  event_type: string;
  body: string;
  attempts: number;
  reporter_phone_enc: string | null;
}

/**
 * Sends one batch of pending texts to phone-only callers (claimed with FOR UPDATE SKIP LOCKED, so
 * several processes share them). The phone is decrypted from the demand for the send and never
 * stored elsewhere; each send is audited as `demand.caller_text` by the system, naming the channel
 * but not the number — the trail of who read a caller's phone. A failed send is retried with backoff
 * and becomes 'dead' after `maxAttempts`; a demand whose phone was erased meanwhile is parked at once.
 */
export async function sendCallerTexts(
  db: Db,
  cipher: PersonalDataCipher,
  channels: Channel[],
  options: { batch?: number; maxAttempts?: number; now?: Date } = {},
): Promise<SendResult> {
  const now = options.now ?? new Date();
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const byName = new Map(channels.map((c) => [c.name, c]));
  return db.transaction(async (tx) => {
    const due = await rows<DueText>(
      tx,
      sql`SELECT t.tenant_id, t.id, t.demand_id, t.channel, t.event_type, t.body, t.attempts, d.reporter_phone_enc
          FROM caller_text t
          JOIN demand d ON d.tenant_id = t.tenant_id AND d.id = t.demand_id
          WHERE t.status = 'pending' AND t.next_attempt_at <= ${now.toISOString()}::timestamptz
          ORDER BY t.next_attempt_at LIMIT ${options.batch ?? 20}
          FOR UPDATE OF t SKIP LOCKED`,
    );
    const result: SendResult = { sent: 0, failed: 0, dead: 0 };
    for (const t of due) {
      const key = sql`tenant_id = ${t.tenant_id} AND id = ${t.id}::uuid`;
      const fail = async (reason: string, final: boolean) => {
        const attempts = t.attempts + 1;
        const dead = final || attempts >= maxAttempts;
        await tx.execute(
          sql`UPDATE caller_text SET attempts = ${attempts}, status = ${dead ? 'dead' : 'pending'}, last_error = ${reason.slice(0, 1000)},
                next_attempt_at = ${new Date(now.getTime() + backoffMs(attempts)).toISOString()}::timestamptz
              WHERE ${key}`,
        );
        result.failed += 1;
        if (dead) result.dead += 1;
      };
      const channel = byName.get(t.channel);
      if (!channel?.sendText) {
        await fail(`channel ${t.channel} cannot send texts here`, false);
        continue;
      }
      if (!t.reporter_phone_enc) {
        await fail('the demand no longer has a phone', true);
        continue;
      }
      const target = { type: 'demand', id: t.demand_id };
      await recordAudit(tx, {
        tenantId: t.tenant_id,
        actorName: 'system',
        action: 'demand.caller_text',
        targetType: target.type,
        targetId: target.id,
        details: { fields: ['reporterPhone'], channel: t.channel, event: t.event_type, attempt: t.attempts + 1 },
      });
      try {
        await channel.sendText({
          tenantId: t.tenant_id,
          textId: t.id,
          demandId: t.demand_id,
          phone: cipher.decrypt(t.reporter_phone_enc),
          body: t.body,
        });
        await tx.execute(
          sql`UPDATE caller_text SET status = 'sent', attempts = attempts + 1, sent_at = ${now.toISOString()}::timestamptz, last_error = NULL
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
