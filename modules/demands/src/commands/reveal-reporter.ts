import { auditEntry, inScope, type PersonalDataCipher, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import { one, type Tx } from '@linli/db';
import { sql } from 'drizzle-orm';

export type RevealReporterOutcome = { revealed: { name: string | null; phone: string | null } } | { denied: string };

/**
 * The reporter's name and phone unmasked, for a callback (回访): only to holders of people.pii on the
 * demand's place or on its first receiver, checked in the SQL that reads the ciphertext. Every
 * attempt is audited as `demand.reveal` — a refusal too, returned rather than thrown so the
 * caller's transaction commits its record (as the people module's reveal does).
 */
export async function revealReporter(tx: Tx, cipher: PersonalDataCipher, ctx: RequestContext, id: string): Promise<RevealReporterOutcome> {
  const pii = scopePaths(ctx.actor, 'people.pii');
  const row = await one<{ reporter_name: string | null; reporter_phone_enc: string | null }>(
    tx,
    sql`SELECT reporter_name, reporter_phone_enc FROM demand d
        WHERE d.tenant_id = ${ctx.actor.tenantId} AND d.id = ${id}::uuid
          AND (${inScope(sql`d.node_path`, pii)} OR ${inScope(sql`d.first_receiver_path`, pii)})`,
  );
  const target = { type: 'demand', id };
  if (!row) {
    await recordAudit(tx, auditEntry(ctx, 'demand.reveal', target, { fields: ['reporterName', 'reporterPhone'] }, 'denied'));
    return { denied: 'Permission people.pii is required for this demand' };
  }
  await recordAudit(tx, auditEntry(ctx, 'demand.reveal', target, { fields: ['reporterName', 'reporterPhone'] }));
  return { revealed: { name: row.reporter_name, phone: row.reporter_phone_enc ? cipher.decrypt(row.reporter_phone_enc) : null } };
}
