import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'linli_session';
export const CSRF_HEADER = 'x-csrf-token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The database keeps only the SHA-256 of a session token: a leaked table does not give sessions away. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
