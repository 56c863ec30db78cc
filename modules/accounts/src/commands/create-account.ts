import {
  type AppConfig,
  AppError,
  auditEntry,
  checkPasswordPolicy,
  hashPassword,
  newId,
  type RequestContext,
  type Role,
  recordAudit,
} from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import { accountRepository } from '../account.repository.ts';
import { accountErrors } from '../errors.ts';
import { grantRoleIn } from './grant-role.ts';

export interface CreateAccountInput {
  username: string;
  displayName: string;
  password: string;
  grants?: { role: Role; nodeId: string }[];
}

/** A security admin creates an account in their tenant; the user must change the password on first login. */
export async function createAccount(db: Db, config: AppConfig, ctx: RequestContext, input: CreateAccountInput) {
  checkPasswordPolicy(input.password, config.passwordPolicy, input.username);
  if (await accountRepository.findByUsername(db, input.username)) {
    throw AppError.of(accountErrors.username_taken, { username: input.username }, { field: 'username' });
  }
  const id = newId();
  const hash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO account (id, tenant_id, username, display_name, password_hash, must_change_password)
      VALUES (${id}, ${ctx.actor.tenantId}, ${input.username}, ${input.displayName}, ${hash}, true)`);
    await recordAudit(tx, auditEntry(ctx, 'account.create', { type: 'account', id }, { username: input.username }));
    for (const g of input.grants ?? []) await grantRoleIn(tx, ctx, { accountId: id, role: g.role, nodeId: g.nodeId });
  });
  return id;
}
