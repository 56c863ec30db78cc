import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data (phone and ID numbers) is encrypted at rest with AES-256-GCM. Each value gets a
 * fresh 96-bit IV; the stored form is `v1.<base64(iv | tag | ciphertext)>`. A separate key derived
 * with HKDF makes the keyed hash used for exact look-ups and de-duplication, so the database never
 * holds a plain value nor an unkeyed (guessable) hash of one.
 */
export class PersonalDataCipher {
  readonly #encKey: Buffer;
  readonly #macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the personal-data key must be 32 bytes (256 bits)');
    this.#encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli:pii:enc:v1', 32));
    this.#macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli:pii:mac:v1', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1.')) throw new Error('unknown personal-data format');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.#encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Keyed hash of a normalised value, for equality look-ups. */
  hash(plain: string): string {
    return createHmac('sha256', this.#macKey).update(plain).digest('hex');
  }

  /** The three stored columns of one value: encrypted, keyed hash, masked. */
  protect(plain: string | null | undefined, kind: 'phone' | 'id_number'): ProtectedValue {
    if (plain === null || plain === undefined || plain === '') return { enc: null, hash: null, masked: null };
    const value = kind === 'phone' ? normalisePhone(plain) : plain.trim().toUpperCase();
    return { enc: this.encrypt(value), hash: this.hash(value), masked: kind === 'phone' ? maskPhone(value) : maskIdNumber(value) };
  }
}

export interface ProtectedValue {
  enc: string | null;
  hash: string | null;
  masked: string | null;
}

export function normalisePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

/** 13812345678 → 138****5678; landlines keep their last four digits. */
export function maskPhone(phone: string): string {
  const p = normalisePhone(phone);
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  if (p.length <= 4) return '*'.repeat(p.length);
  return `${'*'.repeat(p.length - 4)}${p.slice(-4)}`;
}

/** 370785199001011234 → 370785********1234 (region and last four kept, birth date hidden). */
export function maskIdNumber(id: string): string {
  const v = id.trim();
  if (v.length < 10) return '*'.repeat(v.length);
  return `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}`;
}

/** Mainland mobile numbers and landlines with area code. */
export function isValidPhone(phone: string): boolean {
  const p = normalisePhone(phone);
  return /^1[3-9]\d{9}$/.test(p) || /^0\d{2,3}-?\d{7,8}$/.test(p);
}

/** GB 11643 resident identity number with its ISO 7064 MOD 11-2 check digit. */
export function isValidIdNumber(id: string): boolean {
  const v = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
}

/**
 * The key comes from LINLI_ENCRYPTION_KEY (64 hex characters or base64 of 32 bytes). In embedded
 * mode, without that variable, a key file is generated in DATA_DIR on first start (mode 0600);
 * losing it makes the stored personal data unreadable, so the start-up message says to back it up.
 */
export function loadMasterKey(options: { envKey?: string; keyFile?: string; generate: boolean }): { key: Buffer; generated: boolean } {
  if (options.envKey) return { key: parseKey(options.envKey), generated: false };
  if (!options.keyFile) throw new Error('LINLI_ENCRYPTION_KEY is required when DATABASE_URL is set');
  if (fs.existsSync(options.keyFile)) return { key: parseKey(fs.readFileSync(options.keyFile, 'utf8').trim()), generated: false };
  if (!options.generate) throw new Error(`no encryption key: set LINLI_ENCRYPTION_KEY or provide ${options.keyFile}`);
  const key = randomBytes(32);
  fs.mkdirSync(path.dirname(options.keyFile), { recursive: true });
  fs.writeFileSync(options.keyFile, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return { key, generated: true };
}

function parseKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('the encryption key must be 32 bytes: 64 hex characters or base64');
  return key;
}
