import { type AppConfig, AppError, recordAudit, UNUSABLE_PASSWORD_HASH, verifyPassword } from '@linli/core';
import type { Db } from '@linli/db';
import { accountRepository } from '../account.repository.ts';
import { accountErrors } from '../errors.ts';
import { sessionRepository } from '../session.repository.ts';
import { hashToken, newToken } from '../tokens.ts';

export interface LoginInput {
  username: string;
  password: string;
  clientIp: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  accountId: string;
  passwordExpired: boolean;
}

/**
 * The one answer to an unknown user name, a wrong password and a locked account: the same status
 * and body, so the answer tells nobody whether a name exists or is locked.
 */
export const LOGIN_REFUSED = accountErrors.login_refused['en-US'];
const refused = () => AppError.of(accountErrors.login_refused);

/**
 * Signs a user in. After `lockout.maxFailures` wrong passwords in a row the account is locked for
 * `lockout.minutes` (等保 三级: login failure handling); every attempt with a known user name is
 * audited in that user's tenant, successful or not. Unknown user names, wrong passwords and locked
 * accounts get one answer (LOGIN_REFUSED) after one scrypt each: an unknown name is checked against
 * a hash of the same parameters, a locked account's password is checked and the result ignored.
 */
export async function login(db: Db, config: AppConfig, input: LoginInput): Promise<LoginResult> {
  const account = await accountRepository.findByUsername(db, input.username);
  if (!account) {
    await verifyPassword(input.password, UNUSABLE_PASSWORD_HASH);
    throw refused();
  }
  const audit = (result: 'ok' | 'denied' | 'failed', reason?: string) =>
    recordAudit(db, {
      tenantId: account.tenant_id,
      actorId: account.id,
      actorName: account.username,
      action: 'auth.login',
      targetType: 'account',
      targetId: account.id,
      result,
      clientIp: input.clientIp,
      details: reason ? { reason } : {},
    });

  const rightPassword = await verifyPassword(input.password, account.password_hash);
  if (account.locked_until && new Date(account.locked_until) > new Date()) {
    await audit('denied', 'locked');
    throw refused();
  }
  if (!rightPassword) {
    const after = await accountRepository.recordFailure(db, account.id, config.lockout.maxFailures, config.lockout.minutes);
    await audit('failed', after?.locked_until ? 'wrong password; account locked' : 'wrong password');
    throw refused();
  }
  if (account.status !== 'active') {
    await audit('denied', 'disabled');
    throw AppError.of(accountErrors.disabled);
  }

  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await accountRepository.recordSuccess(tx, account.id);
    await sessionRepository.create(tx, {
      tokenHash: hashToken(token),
      accountId: account.id,
      tenantId: account.tenant_id,
      csrfToken,
      absoluteMinutes: config.sessionAbsoluteMinutes,
      clientIp: input.clientIp,
      userAgent: input.userAgent,
    });
    await recordAudit(tx, {
      tenantId: account.tenant_id,
      actorId: account.id,
      actorName: account.username,
      action: 'auth.login',
      targetType: 'account',
      targetId: account.id,
      result: 'ok',
      clientIp: input.clientIp,
    });
  });
  return { token, csrfToken, accountId: account.id, passwordExpired: isPasswordExpired(account, config) };
}

export function isPasswordExpired(
  account: { password_changed_at: Date | string; must_change_password: boolean },
  config: AppConfig,
): boolean {
  if (account.must_change_password) return true;
  if (config.passwordPolicy.maxAgeDays <= 0) return false;
  const age = Date.now() - new Date(account.password_changed_at).getTime();
  return age > config.passwordPolicy.maxAgeDays * 86_400_000;
}
