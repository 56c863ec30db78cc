import { createHash } from 'node:crypto';
import { type Db, one } from '@linli/db';
import { sql } from 'drizzle-orm';
import { canonicalJson } from './audit.ts';

export type Claim = { kind: 'new' } | { kind: 'replay'; status: number; body: unknown } | { kind: 'mismatch' };

/** What a key is bound to: the SHA-256 of the request's canonical JSON. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/**
 * Idempotency keys of retried writes (the platform's `idempotency_key` table), used by `runWrite`
 * only: construct it on the write's transaction. A key is claimed inside that transaction: a concurrent retry with the same key waits on the
 * uncommitted row and then reads the stored response; a failed write rolls the claim back, so the
 * retry runs for real.
 */
export class IdempotencyRepository {
  constructor(private readonly db: Db) {}

  /** Claims the key for this account and request, or says what it already answered (or that it stands for another request). */
  async claim(tenantId: string, key: string, actorId: string, hash: string): Promise<Claim> {
    const inserted = await one(
      this.db,
      sql`INSERT INTO idempotency_key (tenant_id, key, actor_id, request_hash) VALUES (${tenantId}, ${key}, ${actorId}::uuid, ${hash})
          ON CONFLICT (tenant_id, key) DO NOTHING RETURNING key`,
    );
    if (inserted) return { kind: 'new' };
    const stored = await one<{ actor_id: string | null; request_hash: string; response_status: number | null; response_body: unknown }>(
      this.db,
      sql`SELECT actor_id, request_hash, response_status, response_body FROM idempotency_key WHERE tenant_id = ${tenantId} AND key = ${key}`,
    );
    if (!stored || stored.actor_id !== actorId || stored.request_hash !== hash || stored.response_status === null)
      return { kind: 'mismatch' };
    const body = typeof stored.response_body === 'string' ? JSON.parse(stored.response_body) : stored.response_body;
    return { kind: 'replay', status: stored.response_status, body };
  }

  /** Stores the answer of a claimed key, in the same transaction as the write it answers. */
  async complete(tenantId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.execute(sql`UPDATE idempotency_key SET response_status = ${status}, response_body = ${JSON.stringify(body)}::jsonb
      WHERE tenant_id = ${tenantId} AND key = ${key}`);
  }
}
