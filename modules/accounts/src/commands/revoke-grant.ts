import { AppError, auditEntry, inScope, type RequestContext, recordAudit, requireAbility } from '@linli/core';
import { type Db, one } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import { accountErrors, accountNouns } from '../errors.ts';
import { sessionRepository } from '../session.repository.ts';

export async function revokeGrant(db: Db, ctx: RequestContext, input: { accountId: string; grantId: string }): Promise<void> {
  const scope = requireAbility(ctx.actor, 'account.manage');
  if (input.accountId === ctx.actor.accountId) throw AppError.of(accountErrors.own_roles);
  await db.transaction(async (tx) => {
    const grant = await one<{ role: string; node_id: string }>(
      tx,
      sql`DELETE FROM role_grant g USING ${territorySql.nodes('n')}
          WHERE g.tenant_id = ${ctx.actor.tenantId} AND g.id = ${input.grantId} AND g.account_id = ${input.accountId}
            AND n.tenant_id = g.tenant_id AND n.id = g.node_id AND ${inScope(sql`n.path`, scope)}
          RETURNING g.role, g.node_id`,
    );
    if (!grant) throw AppError.notFound(accountNouns.grant, input.grantId);
    // Rights shrink at once: open sessions of that account must sign in again.
    await sessionRepository.revokeAllOf(tx, input.accountId);
    await recordAudit(
      tx,
      auditEntry(ctx, 'account.revoke', { type: 'account', id: input.accountId }, { role: grant.role, nodeId: grant.node_id }),
    );
  });
}
