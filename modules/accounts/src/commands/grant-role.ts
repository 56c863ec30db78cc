import {
  AppError,
  auditEntry,
  inScope,
  newId,
  type RequestContext,
  type Role,
  recordAudit,
  requireAbility,
  requireReferences,
} from '@linli/core';
import { type Db, one } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import { accountErrors, accountNouns } from '../errors.ts';
import { accountReference } from '../references.ts';

/** Roles only the county-wide security admin may hand out (separation of duties). */
const COUNTY_ONLY: Role[] = ['system_admin', 'security_admin', 'audit_admin', 'county_staff'];

/**
 * Grants a role on a territory node. The node must lie inside the granting security admin's own
 * scope, and so must the account (one of its grants, or none yet, as the accounts list shows it):
 * another community's account answers like an unknown one. Both are checked in SQL.
 */
export async function grantRoleIn(tx: Db, ctx: RequestContext, input: { accountId: string; role: Role; nodeId: string }): Promise<string> {
  const scope = requireAbility(ctx.actor, 'account.manage');
  const node = await one<{ kind: string; path: string }>(
    tx,
    sql`SELECT n.kind, n.path::text AS path FROM ${territorySql.nodes('n')}
        WHERE n.tenant_id = ${ctx.actor.tenantId} AND n.id = ${input.nodeId} AND ${inScope(sql`n.path`, scope)}`,
  );
  if (!node) throw AppError.notFound(accountNouns.node, input.nodeId);
  if (COUNTY_ONLY.includes(input.role) && node.kind !== 'county') {
    throw AppError.invalid([{ field: 'nodeId', reason: `role ${input.role} is granted on the county only` }]);
  }
  await requireReferences(tx, ctx.actor, scope, input, { accountId: accountReference });
  if (input.accountId === ctx.actor.accountId) throw AppError.of(accountErrors.own_roles);
  const id = newId();
  await tx.execute(sql`INSERT INTO role_grant (tenant_id, id, account_id, role, node_id, granted_by)
    VALUES (${ctx.actor.tenantId}, ${id}, ${input.accountId}, ${input.role}, ${input.nodeId}, ${ctx.actor.accountId})`);
  await recordAudit(
    tx,
    auditEntry(ctx, 'account.grant', { type: 'account', id: input.accountId }, { role: input.role, nodeId: input.nodeId }),
  );
  return id;
}

export function grantRole(db: Db, ctx: RequestContext, input: { accountId: string; role: Role; nodeId: string }): Promise<string> {
  return db.transaction((tx) => grantRoleIn(tx, ctx, input));
}
