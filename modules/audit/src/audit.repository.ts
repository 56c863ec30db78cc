import { type Db, rows } from '@linli/db';
import { type SQL, sql } from 'drizzle-orm';

export interface AuditFilter {
  tenantId: string;
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  result?: string;
  from?: string;
  to?: string;
  /** Keyset: only records with seq below this one (newest first). */
  beforeSeq?: number;
  limit: number;
}

export interface AuditEventRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  result: string;
  client_ip: string | null;
  details: Record<string, unknown>;
  hash: string;
}

/** Read side of the audit trail. There is deliberately no update or delete here. */
export const auditRepository = {
  list(db: Db, f: AuditFilter): Promise<AuditEventRow[]> {
    const where: SQL[] = [sql`tenant_id = ${f.tenantId}`];
    if (f.actor) where.push(sql`actor_name ILIKE ${`%${f.actor}%`}`);
    if (f.action) where.push(sql`action LIKE ${`${f.action}%`}`);
    if (f.targetType) where.push(sql`target_type = ${f.targetType}`);
    if (f.targetId) where.push(sql`target_id = ${f.targetId}`);
    if (f.result) where.push(sql`result = ${f.result}`);
    if (f.from) where.push(sql`at >= ${f.from}::timestamptz`);
    if (f.to) where.push(sql`at < ${f.to}::timestamptz`);
    if (f.beforeSeq !== undefined) where.push(sql`seq < ${f.beforeSeq}`);
    return rows<AuditEventRow>(
      db,
      sql`SELECT seq, at, actor_id, actor_name, action, target_type, target_id, result, client_ip, details, hash
          FROM audit_event WHERE ${sql.join(where, sql` AND `)} ORDER BY seq DESC LIMIT ${f.limit}`,
    );
  },
};
