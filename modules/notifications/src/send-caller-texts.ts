import { type PersonalDataCipher, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Channel } from './channels.ts';
import { runDeliveryLoop } from './delivery-loop.ts';
import type { SendResult } from './retry.ts';

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
  const byName = new Map(channels.map((c) => [c.name, c]));
  return runDeliveryLoop<DueText>(
    db,
    {
      table: 'caller_text',
      select: sql`SELECT t.tenant_id, t.id, t.demand_id, t.channel, t.event_type, t.body, t.attempts, d.reporter_phone_enc
                  FROM caller_text t
                  JOIN demand d ON d.tenant_id = t.tenant_id AND d.id = t.demand_id`,
      alias: 't',
      key: (t) => sql`tenant_id = ${t.tenant_id} AND id = ${t.id}::uuid`,
      attempt: async (tx, t) => {
        const channel = byName.get(t.channel);
        const sendText = channel?.sendText?.bind(channel);
        if (!sendText) return { refuse: `channel ${t.channel} cannot send texts here`, final: false };
        const phoneEnc = t.reporter_phone_enc;
        if (!phoneEnc) return { refuse: 'the demand no longer has a phone', final: true };
        const target = { type: 'demand', id: t.demand_id };
        await recordAudit(tx, {
          tenantId: t.tenant_id,
          actorName: 'system',
          action: 'demand.caller_text',
          targetType: target.type,
          targetId: target.id,
          details: { fields: ['reporterPhone'], channel: t.channel, event: t.event_type, attempt: t.attempts + 1 },
        });
        return {
          send: () =>
            sendText({
              tenantId: t.tenant_id,
              textId: t.id,
              demandId: t.demand_id,
              phone: cipher.decrypt(phoneEnc),
              body: t.body,
            }),
        };
      },
    },
    options,
  );
}
