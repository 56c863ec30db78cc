import {
  type AppConfig,
  AppError,
  auditEntry,
  checkPasswordPolicy,
  hashPassword,
  inScope,
  type RequestContext,
  recordAudit,
  requireAbility,
} from '@linli/core';
import { type Db, one } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { accountErrors, accountNouns } from '../errors.ts';
import { sessionRepository } from '../session.repository.ts';

/**
 * An account the security admin may manage: same tenant, and either no grant yet or a grant
 * inside the admin's scope. Checked in SQL; anything else is "not found".
 */
export async function findManageableAccount(tx: Db, ctx: RequestContext, accountId: string): Promise<{ id: string; username: string }> {
  const scope = requireAbility(ctx.actor, 'account.manage');
  const account = await one<{ id: string; username: string }>(
    tx,
    sql`SELECT a.id, a.username FROM account a WHERE a.id = ${accountId} AND a.tenant_id = ${ctx.actor.tenantId}
        AND (NOT EXISTS (SELECT 1 FROM role_grant r WHERE r.tenant_id = a.tenant_id AND r.account_id = a.id)
             OR EXISTS (SELECT 1 FROM role_grant r JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
                        WHERE r.tenant_id = a.tenant_id AND r.account_id = a.id AND ${inScope(sql`n.path`, scope)}))`,
  );
  if (!account) throw AppError.notFound(accountNouns.account, accountId);
  return account;
}

export async function updateAccount(
  db: Db,
  ctx: RequestContext,
  accountId: string,
  input: { displayName?: string; status?: 'active' | 'disabled' },
): Promise<void> {
  await db.transaction(async (tx) => {
    const account = await findManageableAccount(tx, ctx, accountId);
    if (input.status === 'disabled' && account.id === ctx.actor.accountId) throw AppError.of(accountErrors.own_account);
    const sets: SQL[] = [sql`updated_at = now()`];
    if (input.displayName !== undefined) sets.push(sql`display_name = ${input.displayName}`);
    if (input.status !== undefined) sets.push(sql`status = ${input.status}`);
    await tx.execute(sql`UPDATE account SET ${sql.join(sets, sql`, `)} WHERE id = ${account.id}`);
    if (input.status === 'disabled') await sessionRepository.revokeAllOf(tx, account.id);
    await recordAudit(tx, auditEntry(ctx, 'account.update', { type: 'account', id: account.id }, input));
  });
}

export async function unlockAccount(db: Db, ctx: RequestContext, accountId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const account = await findManageableAccount(tx, ctx, accountId);
    await tx.execute(sql`UPDATE account SET failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = ${account.id}`);
    await recordAudit(tx, auditEntry(ctx, 'account.unlock', { type: 'account', id: account.id }));
  });
}

/** Sets a temporary password the user must change at next login; their sessions end. */
export async function resetPassword(db: Db, config: AppConfig, ctx: RequestContext, accountId: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const account = await findManageableAccount(tx, ctx, accountId);
    checkPasswordPolicy(password, config.passwordPolicy, account.username);
    await tx.execute(sql`UPDATE account SET password_hash = ${hash}, must_change_password = true, password_changed_at = now(),
      failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = ${account.id}`);
    await sessionRepository.revokeAllOf(tx, account.id);
    await recordAudit(tx, auditEntry(ctx, 'account.password.reset', { type: 'account', id: account.id }));
  });
}
