import { maskName } from '@linli/core';
import { type Db, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';

const inList = (ids: string[]) =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;

/**
 * How each kind of record is named in the trail, read at display time (a renamed record shows its name of today).
 * A person's name is masked: the audit admin sees who, not more than the resident list shows.
 */
const nameSources: Record<string, { sql: (tenantId: string, ids: string[]) => SQL; mask?: boolean }> = {
  account: {
    sql: (t, ids) => sql`SELECT id::text AS id, display_name AS name FROM account WHERE tenant_id = ${t} AND id::text IN ${inList(ids)}`,
  },
  resident: {
    sql: (t, ids) => sql`SELECT id::text AS id, name FROM resident WHERE tenant_id = ${t} AND id::text IN ${inList(ids)}`,
    mask: true,
  },
  territory_node: {
    sql: (t, ids) =>
      sql`SELECT n.id::text AS id, n.name FROM ${territorySql.nodes('n')} WHERE n.tenant_id = ${t} AND n.id::text IN ${inList(ids)}`,
  },
  grid: { sql: (t, ids) => sql`SELECT id::text AS id, name FROM grid WHERE tenant_id = ${t} AND id::text IN ${inList(ids)}` },
  party_org: { sql: (t, ids) => sql`SELECT id::text AS id, name FROM party_org WHERE tenant_id = ${t} AND id::text IN ${inList(ids)}` },
  organisation: {
    sql: (t, ids) => sql`SELECT id::text AS id, name FROM organisation WHERE tenant_id = ${t} AND id::text IN ${inList(ids)}`,
  },
  demand: { sql: (t, ids) => sql`SELECT id::text AS id, number AS name FROM demand WHERE tenant_id = ${t} AND id::text IN ${inList(ids)}` },
  demand_category: {
    sql: (t, ids) => sql`SELECT id::text AS id, name FROM demand_category WHERE tenant_id = ${t} AND id::text IN ${inList(ids)}`,
  },
  demand_theme: {
    sql: (t, ids) => sql`SELECT id::text AS id, title AS name FROM demand_theme WHERE tenant_id = ${t} AND id::text IN ${inList(ids)}`,
  },
  demand_import_mapping: {
    sql: (t, ids) => sql`SELECT id::text AS id, name FROM demand_import_mapping WHERE tenant_id = ${t} AND id::text IN ${inList(ids)}`,
  },
  open311_client: {
    sql: (t, ids) => sql`SELECT id::text AS id, name FROM open311_client WHERE tenant_id = ${t} AND id::text IN ${inList(ids)}`,
  },
};

/** Tables read to name the records of the trail. */
export const auditNamedTables = [
  'account',
  'resident',
  'territory_node',
  'grid',
  'party_org',
  'organisation',
  'demand',
  'demand_category',
  'demand_theme',
  'demand_import_mapping',
  'open311_client',
];

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

  /** The display name of each entry's record and actor ("type:id" → name; actors as "account:id"); records of unknown kinds or since deleted are absent. */
  async targetNames(db: Db, tenantId: string, events: readonly AuditEventRow[]): Promise<Map<string, string>> {
    const byType = new Map<string, Set<string>>();
    const actors = new Set(events.map((e) => e.actor_id).filter((id): id is string => id !== null));
    if (actors.size > 0) byType.set('account', actors);
    for (const e of events) {
      if (!e.target_type || !e.target_id || !nameSources[e.target_type]) continue;
      const ids = byType.get(e.target_type) ?? new Set<string>();
      ids.add(e.target_id);
      byType.set(e.target_type, ids);
    }
    const names = new Map<string, string>();
    for (const [type, ids] of byType) {
      const source = nameSources[type]!;
      for (const r of await rows<{ id: string; name: string }>(db, source.sql(tenantId, [...ids]))) {
        names.set(`${type}:${r.id}`, (source.mask ? maskName(r.name) : r.name) ?? r.name);
      }
    }
    return names;
  },
};
