import { createHash, createHmac, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto';

/**
 * The keys that make the audit trail evidence against someone who can write to the database.
 * Both are derived (HKDF) from the master key that also protects personal data, so they live where
 * it lives — outside the database — and need no backup of their own:
 * - the chain key: each record's hash is HMAC-SHA-256 under a per-tenant key derived from it, so a
 *   rewritten chain cannot be recomputed from the database alone;
 * - the checkpoint signing key (Ed25519): signs the chain head at a point in time, written to files
 *   outside the database; anyone holding the public key can check a printed copy.
 */
export class AuditKeys {
  readonly #chainKey: Buffer;
  readonly #signingKey: KeyObject;
  readonly publicKey: KeyObject;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes (256 bits)');
    this.#chainKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli:audit:chain:v1', 32));
    const seed = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli:audit:sign:v1', 32));
    // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410).
    const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    this.#signingKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    this.publicKey = createPublicKey(this.#signingKey);
  }

  /** The HMAC key of one tenant's chain. */
  tenantKey(tenantId: string): Buffer {
    return createHmac('sha256', this.#chainKey).update(`tenant:${tenantId}`).digest();
  }

  /**
   * The tenant key as the two padded blocks of HMAC (key ⊕ ipad, key ⊕ opad), in hex, so SQL can
   * compute HMAC-SHA-256 with the built-in sha256() on PGlite and PostgreSQL alike (no extension).
   */
  tenantKeyPads(tenantId: string): { inner: string; outer: string } {
    const block = Buffer.alloc(64);
    this.tenantKey(tenantId).copy(block);
    return {
      inner: Buffer.from(block.map((b) => b ^ 0x36)).toString('hex'),
      outer: Buffer.from(block.map((b) => b ^ 0x5c)).toString('hex'),
    };
  }

  sign(message: string): string {
    return sign(null, Buffer.from(message, 'utf8'), this.#signingKey).toString('base64');
  }

  /** The public key, base64 of its 32 raw bytes. */
  get publicKeyBase64(): string {
    return rawPublicKey(this.publicKey).toString('base64');
  }

  /** SHA-256 of the raw public key, in groups of four hex digits: what to compare when printed. */
  get fingerprint(): string {
    return publicKeyFingerprint(this.publicKeyBase64);
  }
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32);
}

export function publicKeyFingerprint(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
  return hex.match(/.{4}/g)!.join(' ');
}

/** Checks an Ed25519 signature made by `sign` against a raw public key (base64). */
export function verifySignature(message: string, signatureBase64: string, publicKeyBase64: string): boolean {
  try {
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKeyBase64, 'base64')]);
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

let configured: AuditKeys | undefined;

/** Sets the process's audit keys; the server and the CLIs do it once the master key is loaded. */
export function configureAuditKeys(keys: AuditKeys | undefined): void {
  configured = keys;
}

/** The process's audit keys; appending to or verifying the chain without them is a set-up error. */
export function auditKeys(): AuditKeys {
  if (!configured) throw new Error('the audit keys are not configured: call configureAuditKeys with the master key first');
  return configured;
}
