import {
  type AppConfig,
  AppError,
  auditEntry,
  checkPasswordPolicy,
  hashPassword,
  type RequestContext,
  recordAudit,
  verifyPassword,
} from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import { accountRepository } from '../account.repository.ts';
import { accountNouns } from '../errors.ts';
import { sessionRepository } from '../session.repository.ts';

/** The user changes their own password; other sessions of the account are signed out. */
export async function changePassword(
  db: Db,
  config: AppConfig,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string; currentTokenHash: string },
): Promise<void> {
  const account = await accountRepository.findById(db, ctx.actor.accountId);
  if (!account) throw AppError.notFound(accountNouns.account);
  if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
    await recordAudit(
      db,
      auditEntry(ctx, 'auth.password.change', { type: 'account', id: account.id }, { reason: 'wrong current password' }, 'failed'),
    );
    throw AppError.invalid([{ field: 'currentPassword', reason: 'is not the current password' }]);
  }
  checkPasswordPolicy(input.newPassword, config.passwordPolicy, account.username);
  if (await verifyPassword(input.newPassword, account.password_hash)) {
    throw AppError.invalid([{ field: 'newPassword', reason: 'must differ from the current password' }]);
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE account SET password_hash = ${hash}, password_changed_at = now(), must_change_password = false,
      updated_at = now() WHERE id = ${account.id}`);
    await sessionRepository.revokeAllOf(tx, account.id, input.currentTokenHash);
    await recordAudit(tx, auditEntry(ctx, 'auth.password.change', { type: 'account', id: account.id }));
  });
}
