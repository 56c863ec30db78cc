import { auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import { sessionRepository } from '../session.repository.ts';

export async function logout(db: Db, ctx: RequestContext, tokenHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    await sessionRepository.revoke(tx, tokenHash);
    await recordAudit(tx, auditEntry(ctx, 'auth.logout', { type: 'account', id: ctx.actor.accountId }));
  });
}
