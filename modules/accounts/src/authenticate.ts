import { type AppConfig, AppError, type Grant, isRole, type RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isPasswordExpired } from './commands/login.ts';
import { accountErrors } from './errors.ts';
import { sessionRepository } from './session.repository.ts';
import { CSRF_HEADER, hashToken, SESSION_COOKIE } from './tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    session: { tokenHash: string; csrfToken: string; passwordExpired: boolean; tenantName: string } | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a user whose password has expired may still do. */
const EXPIRED_PASSWORD_ALLOWED = new Set(['/api/v1/auth/me', '/api/v1/auth/password', '/api/v1/auth/logout']);

/**
 * Resolves the session cookie into request.ctx (actor with grants) before every API handler.
 * Enforces the idle and absolute timeouts, revocation, disabled accounts, CSRF on state-changing
 * requests (the x-csrf-token header must equal the session's token) and password expiry.
 */
export function installAuthentication(app: FastifyInstance, db: Db, config: AppConfig): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashToken(token);
    const session = await sessionRepository.find(db, tokenHash);
    if (!session || session.revoked_at || session.status !== 'active') return;
    const now = Date.now();
    if (new Date(session.expires_at).getTime() <= now) return;
    if (new Date(session.last_seen_at).getTime() + config.sessionIdleMinutes * 60_000 <= now) {
      await sessionRepository.revoke(db, tokenHash);
      return;
    }
    const path = request.url.split('?')[0] ?? '';
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrf_token) {
      throw AppError.of(accountErrors.csrf);
    }
    const passwordExpired = isPasswordExpired(session, config);
    if (passwordExpired && !EXPIRED_PASSWORD_ALLOWED.has(path)) {
      throw AppError.of(accountErrors.password_expired);
    }
    if (new Date(session.last_seen_at).getTime() < now - 60_000) await sessionRepository.touch(db, tokenHash);
    const grants: Grant[] = session.grants.flatMap((g) => (isRole(g.role) ? [{ ...g, role: g.role }] : []));
    request.session = { tokenHash, csrfToken: session.csrf_token, passwordExpired, tenantName: session.tenant_name };
    request.ctx = {
      actor: {
        accountId: session.account_id,
        username: session.username,
        displayName: session.display_name,
        tenantId: session.tenant_id,
        grants,
      },
      clientIp: request.ip ?? null,
    } satisfies RequestContext;
  });
}

export function clientOf(request: FastifyRequest): { clientIp: string | null; userAgent: string | null } {
  return { clientIp: request.ip ?? null, userAgent: (request.headers['user-agent'] as string | undefined)?.slice(0, 300) ?? null };
}
