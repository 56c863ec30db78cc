import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { promisify } from 'node:util';
import { AppError } from './app-error.ts';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

// scrypt (RFC 7914) from Node's crypto: memory-hard, no native add-on to install. N = 2^15, r = 8.
const N = 32768;
const r = 8;
const p = 1;
const KEYLEN = 32;
const maxmem = 64 * 1024 * 1024;

/**
 * A hash of the same parameters as hashPassword's that no password matches (its salt and hash are
 * zeros): login checks an unknown user name against it, so that answer costs the same scrypt as a
 * wrong password.
 */
export const UNUSABLE_PASSWORD_HASH = `scrypt$${N}$${r}$${p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEYLEN).toString('base64')}`;

/** The parameters of a stored hash (undefined when it is not one verifyPassword can check). */
export function passwordHashParameters(
  stored: string,
): { N: number; r: number; p: number; saltBytes: number; hashBytes: number } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [, n, rr, pp, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  return {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
    saltBytes: Buffer.from(saltB64, 'base64').length,
    hashBytes: Buffer.from(hashB64, 'base64').length,
  };
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEYLEN, { N, r, p, maxmem });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/**
 * Every scrypt check is published on this diagnostics channel (in-process only; Node's
 * `diagnostics_channel`) with its cost parameters and whether it ran against the unusable hash —
 * never the password or the hash — so a monitor or a test can see that each login answer paid
 * for exactly one check.
 */
export const passwordCheckChannel = diagnostics.channel('linli.password.verify');
export interface PasswordCheck {
  unusable: boolean;
  N: number;
  r: number;
  p: number;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, rr, pp, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  if (passwordCheckChannel.hasSubscribers) {
    const check: PasswordCheck = { unusable: stored === UNUSABLE_PASSWORD_HASH, N: Number(n), r: Number(rr), p: Number(pp) };
    passwordCheckChannel.publish(check);
  }
  const expected = Buffer.from(hashB64, 'base64');
  const actual = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
    maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface PasswordPolicy {
  minLength: number;
  /** Of: lower case, upper case, digits, other characters. */
  minClasses: number;
  maxAgeDays: number;
}

export const defaultPasswordPolicy: PasswordPolicy = { minLength: 8, minClasses: 3, maxAgeDays: 90 };

export function checkPasswordPolicy(password: string, policy: PasswordPolicy, username?: string): void {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`at least ${policy.minLength} characters`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) problems.push(`at least ${policy.minClasses} of: lower case, upper case, digits, symbols`);
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('must not contain the user name');
  if (problems.length) {
    throw AppError.invalid(
      problems.map((reason) => ({ field: 'password', reason })),
      'The password does not meet the password policy',
    );
  }
}
