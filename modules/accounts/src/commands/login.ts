import { type AppConfig, AppError, recordAudit, verifyPassword } from '@linli/core';
import type { Db } from '@linli/db';
import { accountRepository } from '../account.repository.ts';
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

// Compared against when the user name is unknown, so both paths cost one scrypt.
const DUMMY_HASH = 'scrypt$32768$8$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
const INVALID = 'Invalid user name or password';

/**
 * Signs a user in. After `lockout.maxFailures` wrong passwords in a row the account is locked for
 * `lockout.minutes` (等保 三级: login failure handling); every attempt with a known user name is
 * audited in that user's tenant, successful or not.
 */
export async function login(db: Db, config: AppConfig, input: LoginInput): Promise<LoginResult> {
  const account = await accountRepository.findByUsername(db, input.username);
  if (!account) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw new AppError('unauthenticated', INVALID);
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

  if (account.locked_until && new Date(account.locked_until) > new Date()) {
    await audit('denied', 'locked');
    throw lockedError(new Date(account.locked_until));
  }
  if (!(await verifyPassword(input.password, account.password_hash))) {
    const after = await accountRepository.recordFailure(db, account.id, config.lockout.maxFailures, config.lockout.minutes);
    await audit('failed', after?.locked_until ? 'wrong password; account locked' : 'wrong password');
    if (after?.locked_until) throw lockedError(new Date(after.locked_until));
    throw new AppError('unauthenticated', INVALID);
  }
  if (account.status !== 'active') {
    await audit('denied', 'disabled');
    throw new AppError('forbidden', 'This account is disabled');
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

function lockedError(until: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError('account_locked', `Too many failed logins; the account is locked until ${until.toISOString()}`, {
    retryAfterSeconds,
    lockedUntil: until.toISOString(),
  });
}
