import { createHash } from 'node:crypto';
import { type Db, one, rows } from '@linli/db';
import { sql } from 'drizzle-orm';

export type AuditResult = 'ok' | 'denied' | 'failed';

export interface AuditEntry {
  tenantId: string;
  actorId?: string | null;
  actorName?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  result?: AuditResult;
  clientIp?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

export interface AuditRecord {
  tenantId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  result: AuditResult;
  clientIp: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level, so jsonb's own key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, r: Omit<AuditRecord, 'prevHash' | 'hash'>): string {
  const body = canonicalJson([
    r.tenantId,
    r.seq,
    new Date(r.at).toISOString(),
    r.actorId,
    r.actorName,
    r.action,
    r.targetType,
    r.targetId,
    r.result,
    r.clientIp,
    r.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends audit records in the caller's transaction. The per-tenant head row is locked
 * (SELECT … FOR UPDATE), so records of one tenant form a gap-free chain in commit order; the
 * lock is held only until the surrounding transaction commits.
 */
export async function recordAudit(tx: Db, entries: AuditEntry | AuditEntry[]): Promise<number[]> {
  // The head lock must live until commit; called outside a transaction, open one.
  if (!('rollback' in tx)) return tx.transaction((inner) => recordAudit(inner, entries));
  const list = Array.isArray(entries) ? entries : [entries];
  const seqs: number[] = [];
  const byTenant = new Map<string, AuditEntry[]>();
  for (const e of list) byTenant.set(e.tenantId, [...(byTenant.get(e.tenantId) ?? []), e]);
  for (const [tenantId, tenantEntries] of byTenant) {
    const lockHead = () =>
      one<{ seq: number; hash: string }>(tx, sql`SELECT seq, hash FROM audit_head WHERE tenant_id = ${tenantId} FOR UPDATE`);
    let head = await lockHead();
    if (!head) {
      await tx.execute(sql`INSERT INTO audit_head (tenant_id) VALUES (${tenantId}) ON CONFLICT DO NOTHING`);
      head = await lockHead();
    }
    if (!head) throw new Error(`audit head of tenant ${tenantId} missing`);
    let { seq, hash } = head;
    const values = [];
    for (const e of tenantEntries) {
      seq += 1;
      const record = {
        tenantId,
        seq,
        at: (e.at ?? new Date()).toISOString(),
        actorId: e.actorId ?? null,
        actorName: e.actorName ?? null,
        action: e.action,
        targetType: e.targetType ?? null,
        targetId: e.targetId ?? null,
        result: e.result ?? 'ok',
        clientIp: e.clientIp ?? null,
        details: e.details ?? {},
      };
      const next = auditHash(hash, record);
      values.push(
        sql`(${tenantId}, ${seq}, ${record.at}, ${record.actorId}, ${record.actorName}, ${record.action}, ${record.targetType}, ${record.targetId}, ${record.result}, ${record.clientIp}, ${JSON.stringify(record.details)}::jsonb, ${hash}, ${next})`,
      );
      hash = next;
      seqs.push(seq);
    }
    // One round trip for the records and the new head.
    await tx.execute(sql`WITH appended AS (
        INSERT INTO audit_event (tenant_id, seq, at, actor_id, actor_name, action, target_type, target_id, result, client_ip, details, prev_hash, hash)
        VALUES ${sql.join(values, sql`, `)} RETURNING 1)
      UPDATE audit_head SET seq = ${seq}, hash = ${hash} WHERE tenant_id = ${tenantId}`);
  }
  return seqs;
}

export interface ChainBreak {
  tenantId: string;
  seq: number;
  reason: string;
}

/**
 * Recomputes every tenant's chain: a changed field, a removed or inserted record, or a head that
 * does not match the last record is reported with the sequence number where the chain breaks.
 */
export async function verifyAuditChain(
  db: Db,
  options: { tenantId?: string; batch?: number; onProgress?: (tenantId: string, checked: number) => void } = {},
): Promise<{ checked: number; breaks: ChainBreak[] }> {
  const batch = options.batch ?? 5000;
  const tenants = options.tenantId
    ? [{ tenant_id: options.tenantId }]
    : await rows<{ tenant_id: string }>(db, sql`SELECT tenant_id FROM audit_head ORDER BY tenant_id`);
  const breaks: ChainBreak[] = [];
  let checked = 0;
  for (const { tenant_id: tenantId } of tenants) {
    let prevHash = '';
    let expectedSeq = 1;
    for (;;) {
      const page = await rows<Record<string, unknown>>(
        db,
        sql`SELECT tenant_id, seq, at, actor_id, actor_name, action, target_type, target_id, result, client_ip, details, prev_hash, hash
            FROM audit_event WHERE tenant_id = ${tenantId} AND seq >= ${expectedSeq} ORDER BY seq LIMIT ${batch}`,
      );
      for (const row of page) {
        const seq = Number(row.seq);
        if (seq !== expectedSeq) {
          breaks.push({ tenantId, seq: expectedSeq, reason: `record ${expectedSeq} is missing (next is ${seq})` });
          expectedSeq = seq;
        }
        if (row.prev_hash !== prevHash) breaks.push({ tenantId, seq, reason: 'prev_hash does not match the previous record' });
        const computed = auditHash(row.prev_hash as string, {
          tenantId,
          seq,
          at: new Date(row.at as string | Date).toISOString(),
          actorId: (row.actor_id as string | null) ?? null,
          actorName: (row.actor_name as string | null) ?? null,
          action: row.action as string,
          targetType: (row.target_type as string | null) ?? null,
          targetId: (row.target_id as string | null) ?? null,
          result: row.result as AuditResult,
          clientIp: (row.client_ip as string | null) ?? null,
          details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown>,
        });
        if (computed !== row.hash) breaks.push({ tenantId, seq, reason: 'content does not match its hash' });
        prevHash = row.hash as string;
        expectedSeq = seq + 1;
        checked++;
      }
      options.onProgress?.(tenantId, checked);
      if (page.length < batch) break;
    }
    const head = await one<{ seq: number; hash: string }>(db, sql`SELECT seq, hash FROM audit_head WHERE tenant_id = ${tenantId}`);
    if (head && (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash)) {
      breaks.push({ tenantId, seq: expectedSeq - 1, reason: `the chain head (seq ${head.seq}) does not match the last record` });
    }
  }
  return { checked, breaks };
}
