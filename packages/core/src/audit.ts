import { createHash, createHmac } from 'node:crypto';
import { type Db, isTransaction, one, rows, transaction } from '@linli/db';
import { type SQL, sql } from 'drizzle-orm';
import { type AuditKeys, auditKeys } from './audit-keys.ts';

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

/** The canonical body of a record: what its hash covers besides the previous hash. */
function auditBody(r: Omit<AuditRecord, 'prevHash' | 'hash'>): string {
  return canonicalJson([
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
}

/**
 * A record's hash over the previous hash, a newline and its canonical body: HMAC-SHA-256 under the
 * tenant's chain key, or — for records written before the chain was keyed, and for anyone without
 * the key — plain SHA-256.
 */
export function auditHash(prevHash: string, r: Omit<AuditRecord, 'prevHash' | 'hash'>, key?: Buffer): string {
  const h = key ? createHmac('sha256', key) : createHash('sha256');
  return h.update(prevHash).update('\n').update(auditBody(r)).digest('hex');
}

/**
 * Appends audit records in the caller's transaction. The per-tenant head row is locked
 * (SELECT … FOR UPDATE), so records of one tenant form a gap-free chain in commit order; the
 * lock is held only until the surrounding transaction commits.
 */
export async function recordAudit(tx: Db, entries: AuditEntry | AuditEntry[]): Promise<number[]> {
  // The head lock must live until commit; called outside a transaction, open one.
  if (!isTransaction(tx)) return transaction(tx, (inner) => recordAudit(inner, entries));
  const list = Array.isArray(entries) ? entries : [entries];
  const keys = auditKeys();
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
    const key = keys.tenantKey(tenantId);
    const first = seq + 1;
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
      const next = auditHash(hash, record, key);
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
      UPDATE audit_head SET seq = ${seq}, hash = ${hash}, keyed_from = LEAST(keyed_from, ${first}) WHERE tenant_id = ${tenantId}`);
  }
  return seqs;
}

/** A marker that cannot occur in real data: where a value known only inside SQL goes. */
const LATE = (name: string) => `\u0000late:${name}\u0000`;

/** Literal text and SQL expressions (of type text) concatenated, in SQL. */
function spliced(text: string, late: Map<string, SQL>): SQL {
  const parts: SQL[] = [];
  let rest = text;
  for (;;) {
    let first: { at: number; marker: string; value: SQL } | undefined;
    for (const [marker, value] of late) {
      const at = rest.indexOf(marker);
      if (at >= 0 && (!first || at < first.at)) first = { at, marker, value };
    }
    if (!first) break;
    if (first.at > 0) parts.push(sql`${rest.slice(0, first.at)}::text`);
    parts.push(sql`(${first.value})`);
    rest = rest.slice(first.at + first.marker.length);
  }
  if (rest.length > 0 || parts.length === 0) parts.push(sql`${rest}::text`);
  return sql.join(parts, sql` || `);
}

/**
 * One audit record appended by the caller's own SQL statement, for writes that want the record in
 * the same round trip as the change (intake: demand, timeline, audit and event in one statement).
 * Returns common table expressions to put into a WITH clause:
 *   audit_prev     — the tenant's chain head, locked (FOR UPDATE) only once `when` holds, so the
 *                    serialising lock is taken after the rest of the statement's work;
 *   audit_next     — the head moved on: seq + 1 and the new hash, computed in SQL with the same
 *                    canonical body as recordAudit (HMAC-SHA-256 of prev_hash, a newline and the
 *                    body under the tenant's chain key, built from the built-in sha256() and the
 *                    key's padded blocks passed as parameters: no extension needed);
 *   audit_appended — the record itself (RETURNING seq).
 * `late` fills detail fields whose value is only known inside the statement (e.g. the demand
 * number drawn in it): SQL expressions of type text, stored as JSON strings. When the tenant has no
 * chain head yet, nothing is appended: callers must check audit_appended and call
 * ensureAuditHead first (recordAudit creates the head itself).
 */
export function auditAppendCte(entry: AuditEntry, options: { when?: SQL; late?: Record<string, SQL> } = {}): SQL {
  const tenantId = entry.tenantId;
  const at = (entry.at ?? new Date()).toISOString();
  const late = new Map<string, SQL>();
  const details: Record<string, unknown> = { ...(entry.details ?? {}) };
  for (const [field, value] of Object.entries(options.late ?? {})) {
    details[field] = LATE(field);
    late.set(JSON.stringify(LATE(field)), sql`to_json((${value})::text)::text`);
  }
  const detailsJson = canonicalJson(details);
  const body = canonicalJson([
    tenantId,
    LATE('seq'),
    at,
    entry.actorId ?? null,
    entry.actorName ?? null,
    entry.action,
    entry.targetType ?? null,
    entry.targetId ?? null,
    entry.result ?? 'ok',
    entry.clientIp ?? null,
    details,
  ]);
  const bodySql = spliced(body, new Map([...late, [JSON.stringify(LATE('seq')), sql`(p.seq + 1)::text`]]));
  const pads = auditKeys().tenantKeyPads(tenantId);
  const message = sql`convert_to(p.hash || chr(10) || ${bodySql}, 'UTF8')`;
  const hmac = sql`encode(sha256(decode(${pads.outer}, 'hex') || sha256(decode(${pads.inner}, 'hex') || ${message})), 'hex')`;
  return sql`audit_prev AS (
      SELECT seq, hash FROM audit_head WHERE tenant_id = ${tenantId} AND ${options.when ?? sql`true`} FOR UPDATE),
    audit_next AS (
      UPDATE audit_head h SET seq = p.seq + 1, hash = ${hmac}, keyed_from = LEAST(h.keyed_from, p.seq + 1)
      FROM audit_prev p WHERE h.tenant_id = ${tenantId}
      RETURNING h.seq, p.hash AS prev_hash, h.hash),
    audit_appended AS (
      INSERT INTO audit_event (tenant_id, seq, at, actor_id, actor_name, action, target_type, target_id, result, client_ip, details, prev_hash, hash)
      SELECT ${tenantId}, n.seq, ${at}::timestamptz, ${entry.actorId ?? null}::uuid, ${entry.actorName ?? null}, ${entry.action},
             ${entry.targetType ?? null}, ${entry.targetId ?? null}, ${entry.result ?? 'ok'}, ${entry.clientIp ?? null},
             (${spliced(detailsJson, late)})::jsonb, n.prev_hash, n.hash
      FROM audit_next n
      RETURNING seq)`;
}

/** Creates the tenant's chain head if it has none (auditAppendCte appends only behind an existing head). */
export async function ensureAuditHead(db: Db, tenantId: string): Promise<void> {
  await db.execute(sql`INSERT INTO audit_head (tenant_id) VALUES (${tenantId}) ON CONFLICT DO NOTHING`);
}

export interface ChainBreak {
  tenantId: string;
  seq: number;
  reason: string;
}

/** A signed statement of a chain head, as audit-checkpoint.ts writes and reads it. */
export interface CheckpointClaim {
  tenantId: string;
  seq: number;
  hash: string;
  keyedFrom: number;
  file?: string;
}

/**
 * Recomputes every tenant's chain: a changed field, a removed or inserted record, or a head that
 * does not match the last record is reported with the sequence number where the chain breaks.
 * Records from the head's keyed_from on must carry the keyed hash (HMAC under the tenant's chain
 * key); earlier ones the unkeyed SHA-256 of before. Given checkpoints (signature already checked),
 * the chain must also pass through each checkpoint's hash at its sequence number: a chain
 * recomputed after a change — keyed or not — no longer does.
 */
export async function verifyAuditChain(
  db: Db,
  options: {
    tenantId?: string;
    batch?: number;
    keys?: AuditKeys;
    checkpoints?: CheckpointClaim[];
    onProgress?: (tenantId: string, checked: number) => void;
  } = {},
): Promise<{ checked: number; breaks: ChainBreak[] }> {
  const batch = options.batch ?? 5000;
  const keys = options.keys ?? auditKeys();
  const heads = await rows<{ tenant_id: string; seq: number; hash: string; keyed_from: number }>(
    db,
    sql`SELECT tenant_id, seq, hash, keyed_from FROM audit_head ${options.tenantId ? sql`WHERE tenant_id = ${options.tenantId}` : sql``} ORDER BY tenant_id`,
  );
  const tenants = options.tenantId ? [options.tenantId] : heads.map((h) => h.tenant_id);
  // Checkpoints of tenants without a chain head at all: the whole chain was removed.
  for (const c of options.checkpoints ?? []) {
    if (!heads.some((h) => h.tenant_id === c.tenantId) && (!options.tenantId || c.tenantId === options.tenantId) && c.seq > 0) {
      if (!tenants.includes(c.tenantId)) tenants.push(c.tenantId);
    }
  }
  const breaks: ChainBreak[] = [];
  let checked = 0;
  for (const tenantId of tenants) {
    const head = heads.find((h) => h.tenant_id === tenantId);
    const keyedFrom = head ? Number(head.keyed_from) : 1;
    const key = keys.tenantKey(tenantId);
    const claims = (options.checkpoints ?? []).filter((c) => c.tenantId === tenantId);
    const hashAt = new Map<number, string>();
    const wanted = new Set(claims.map((c) => c.seq));
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
        const computed = auditHash(
          row.prev_hash as string,
          {
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
          },
          seq >= keyedFrom ? key : undefined,
        );
        if (computed !== row.hash) breaks.push({ tenantId, seq, reason: 'content does not match its hash' });
        prevHash = row.hash as string;
        if (wanted.has(seq)) hashAt.set(seq, prevHash);
        expectedSeq = seq + 1;
        checked++;
      }
      options.onProgress?.(tenantId, checked);
      if (page.length < batch) break;
    }
    if (head && (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash)) {
      breaks.push({ tenantId, seq: expectedSeq - 1, reason: `the chain head (seq ${head.seq}) does not match the last record` });
    }
    // The keyed part begins at the latest with the record after the head (migration 0017 sets it so).
    if (head && keyedFrom > Number(head.seq) + 1) {
      breaks.push({
        tenantId,
        seq: Number(head.seq),
        reason: `the keyed part of the chain is said to begin after its head (seq ${keyedFrom})`,
      });
    }
    for (const c of claims) {
      const where = c.file ? ` (${c.file})` : '';
      if (c.seq === 0) continue;
      const found = hashAt.get(c.seq);
      if (found === undefined) {
        breaks.push({ tenantId, seq: c.seq, reason: `record ${c.seq} of the signed checkpoint${where} is missing` });
      } else if (found !== c.hash) {
        breaks.push({ tenantId, seq: c.seq, reason: `the chain does not match the signed checkpoint at seq ${c.seq}${where}` });
      } else if (keyedFrom > c.keyedFrom) {
        breaks.push({
          tenantId,
          seq: c.seq,
          reason: `the keyed part of the chain was moved from seq ${c.keyedFrom} to ${keyedFrom}${where}`,
        });
      }
    }
  }
  return { checked, breaks };
}
