import path from 'node:path';
import { defaultPasswordPolicy, type PasswordPolicy } from './password.ts';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /**
   * Uploaded files (LINLI_FILES_DIR, default DATA_DIR/files). Several server processes on one
   * PostgreSQL database share one directory (NFS or another shared mount), or an upload made through
   * one process is not found by the others.
   */
  filesDir?: string;
  databaseUrl?: string;
  /** Session idle timeout and absolute lifetime, in minutes. */
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
  lockout: { maxFailures: number; minutes: number };
  /**
   * Requests per minute and client address: all API calls, and login attempts; login attempts per
   * minute and user name (the per-address value when not given). The per-name window is fixed: it
   * ends a minute after it began however many attempts came, so it can never keep someone out longer
   * than the attacker keeps sending — what the account lockout already allows. `store`: where the
   * windows are counted — 'database' (shared by every process on one PostgreSQL database; the
   * default on PostgreSQL) or 'memory' (this process only; always so on embedded PGlite).
   */
  rateLimit: { apiPerMinute: number; loginPerMinute: number; loginPerUserPerMinute?: number; store?: 'database' | 'memory' };
  passwordPolicy: PasswordPolicy;
  /** Secure cookies (HTTPS). Off by default so the embedded demo works on http://localhost. */
  secureCookies: boolean;
  webDist?: string;
  logLevel: string;
  /** Signed checkpoints of the audit chain head: where they are written (outside the database) and how often. */
  auditCheckpoints: { dir: string; minutes: number };
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function rateLimitStore(env: NodeJS.ProcessEnv): 'database' | 'memory' | undefined {
  const raw = env.RATE_LIMIT_STORE;
  if (raw === undefined || raw === '') return undefined;
  if (raw !== 'database' && raw !== 'memory') throw new Error(`RATE_LIMIT_STORE must be database or memory, got "${raw}"`);
  return raw;
}

/** Where uploaded files are kept: LINLI_FILES_DIR, or DATA_DIR/files. */
export function filesDirOf(config: Pick<AppConfig, 'dataDir' | 'filesDir'>): string {
  return config.filesDir ?? path.join(config.dataDir, 'files');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: intEnv(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    filesDir: env.LINLI_FILES_DIR ? path.resolve(env.LINLI_FILES_DIR) : undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    sessionIdleMinutes: intEnv(env, 'SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteMinutes: intEnv(env, 'SESSION_ABSOLUTE_MINUTES', 12 * 60),
    rateLimit: {
      apiPerMinute: intEnv(env, 'RATE_LIMIT_PER_MINUTE', 600),
      loginPerMinute: intEnv(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20),
      loginPerUserPerMinute: intEnv(env, 'LOGIN_RATE_LIMIT_PER_USER_PER_MINUTE', 10),
      store: rateLimitStore(env),
    },
    lockout: { maxFailures: intEnv(env, 'LOCKOUT_MAX_FAILURES', 5), minutes: intEnv(env, 'LOCKOUT_MINUTES', 15) },
    passwordPolicy: {
      minLength: intEnv(env, 'PASSWORD_MIN_LENGTH', defaultPasswordPolicy.minLength),
      minClasses: intEnv(env, 'PASSWORD_MIN_CLASSES', defaultPasswordPolicy.minClasses),
      maxAgeDays: intEnv(env, 'PASSWORD_MAX_AGE_DAYS', defaultPasswordPolicy.maxAgeDays),
    },
    secureCookies: env.SECURE_COOKIES === 'true',
    webDist: env.WEB_DIST,
    logLevel: env.LOG_LEVEL ?? 'info',
    auditCheckpoints: {
      dir: path.resolve(env.AUDIT_CHECKPOINT_DIR || path.join(env.DATA_DIR ?? './data', 'audit-checkpoints')),
      minutes: intEnv(env, 'AUDIT_CHECKPOINT_MINUTES', 60) || 60,
    },
  };
}
