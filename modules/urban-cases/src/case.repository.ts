import { CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { CaseEvent, CaseListQuery, MyCase, Photo, TotalsRow, UrbanCase } from './contract.ts';
import { caseSums, inPeriod, round2 } from './figures.ts';
import { type CaseKind, type CaseStatus, caseUnits } from './vocabulary.ts';

export type CaseFilter = Omit<CaseListQuery, 'cursor' | 'limit'>;

/** The cursor of a page sorted by time (the default: newest first), and of one sorted by quantity. */
export const CaseTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const CaseQuantityCursor = Type.Tuple([Type.Number(), Uuid]);
export const caseCursorFor = (sort: string | undefined) => (sort?.endsWith('quantity') ? CaseQuantityCursor : CaseTimeCursor);

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const unitCase = sql.raw(
  `CASE x.kind ${Object.entries(caseUnits)
    .map(([k, u]) => `WHEN '${k}' THEN '${u.unit}'`)
    .join(' ')} END`,
);

/** What a write needs of a case: its place and state, read in scope and locked. */
export interface CaseRecord {
  id: string;
  kind: CaseKind;
  status: CaseStatus;
  version: number;
  nodePath: string;
  quantity: number | null;
}

/**
 * SQL of 城管进小区 cases with their timeline and photos. A case is visible where its place (a
 * compound or building) is in the caller's scope; the community it lies in comes from the tree.
 */
export class CaseRepository {
  /** A database handle for reads, the write's transaction (a Tx is a Db) for writes. */
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT x.id, x.kind, ${unitCase} AS unit, x.node_id AS "nodeId", n.name AS "nodeName",
        m.id AS "communityId", m.name AS "communityName", x.description, x.quantity::float8 AS quantity,
        x.department_id AS "departmentId", d.name AS "departmentName", x.status, x.source,
        ${iso(sql`x.reported_at`)} AS "reportedAt", ${iso(sql`x.assigned_at`)} AS "assignedAt", ${iso(sql`x.closed_at`)} AS "closedAt",
        (SELECT count(*)::int FROM urban_case_photo p WHERE p.tenant_id = x.tenant_id AND p.case_id = x.id AND p.stage = 'before') AS "beforePhotos",
        (SELECT count(*)::int FROM urban_case_photo p WHERE p.tenant_id = x.tenant_id AND p.case_id = x.id AND p.stage = 'after') AS "afterPhotos",
        x.version
      FROM urban_case x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.node_id
      LEFT JOIN ${territorySql.nodes('m')} ON m.tenant_id = x.tenant_id AND m.kind = 'community' AND m.path @> n.path
      LEFT JOIN department d ON d.tenant_id = x.tenant_id AND d.id = x.department_id
      WHERE x.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  private conditions(tenantId: string, filter: CaseFilter): SQL[] {
    const c: SQL[] = [];
    if (filter.kind) c.push(sql`x.kind = ${filter.kind}`);
    if (filter.status) c.push(sql`x.status = ${filter.status}`);
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    if (filter.from) c.push(sql`(x.reported_at AT TIME ZONE 'Asia/Shanghai') >= ${filter.from}::timestamp`);
    if (filter.to) c.push(sql`(x.reported_at AT TIME ZONE 'Asia/Shanghai') < ${filter.to}::timestamp`);
    return c;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: CaseFilter,
    page: { limit: number; after?: [string, string] | [number, string] },
  ): Promise<{ items: UrbanCase[]; next: [string, string] | [number, string] | null }> {
    const c = this.conditions(tenantId, filter);
    const sort = filter.sort ?? '-reportedAt';
    const byQuantity = sort.endsWith('quantity');
    const desc = sort.startsWith('-');
    const key = byQuantity ? sql`coalesce(x.quantity, 0)` : sql`x.reported_at`;
    if (page.after) {
      const value = byQuantity ? sql`${page.after[0]}::numeric` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, x.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, x.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, x.id DESC` : sql`${key}, x.id`;
    const found = await rows<UrbanCase>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? (byQuantity ? [last.quantity ?? 0, last.id] : [last.reportedAt, last.id]) : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<UrbanCase | undefined> {
    return one<UrbanCase>(this.db, this.select(tenantId, scope, [sql`x.id = ${id}`]));
  }

  /** The case in scope, locked for the write (FOR UPDATE), or undefined. */
  lock(tenantId: string, id: string, scope: string[]): Promise<CaseRecord | undefined> {
    return one<CaseRecord>(
      this.db,
      sql`SELECT x.id, x.kind, x.status, x.version, n.path::text AS "nodePath", x.quantity::float8 AS quantity
          FROM urban_case x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.node_id
          WHERE x.tenant_id = ${tenantId} AND x.id = ${id}::uuid AND ${inScope(sql`n.path`, scope)}
          FOR UPDATE OF x`,
    );
  }

  async insert(
    tenantId: string,
    input: {
      kind: CaseKind;
      nodeId: string;
      description: string;
      quantity: number | null;
      source: 'staff' | 'resident';
      reportedBy: string;
    },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO urban_case (tenant_id, id, kind, node_id, description, quantity, source, reported_by)
      VALUES (${tenantId}, ${id}, ${input.kind}, ${input.nodeId}, ${input.description}, ${input.quantity}, ${input.source}, ${input.reportedBy})`);
    return id;
  }

  /** Moves the case on when it still has `version`; false when someone changed it meanwhile. */
  async update(
    tenantId: string,
    id: string,
    version: number,
    change: { status: CaseStatus; departmentId?: string; quantity?: number },
  ): Promise<boolean> {
    const done = await rows<{ id: string }>(
      this.db,
      sql`UPDATE urban_case SET status = ${change.status}, version = version + 1,
            department_id = coalesce(${change.departmentId ?? null}::uuid, department_id),
            quantity = coalesce(${change.quantity ?? null}::numeric, quantity),
            assigned_at = CASE WHEN ${change.status} = 'assigned' THEN now() ELSE assigned_at END,
            closed_at = CASE WHEN ${change.status} = 'closed' THEN now() ELSE closed_at END
          WHERE tenant_id = ${tenantId} AND id = ${id} AND version = ${version} RETURNING id`,
    );
    return done.length === 1;
  }

  async appendEvent(
    tenantId: string,
    caseId: string,
    e: { action: string; fromStatus: string | null; toStatus: string; note?: string | null; actorId: string; actorName: string | null },
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO urban_case_event (tenant_id, id, case_id, action, from_status, to_status, note, actor_id, actor_name)
      VALUES (${tenantId}, ${newId()}, ${caseId}, ${e.action}, ${e.fromStatus}, ${e.toStatus}, ${e.note ?? null}, ${e.actorId}, ${e.actorName})`);
  }

  events(tenantId: string, caseId: string): Promise<CaseEvent[]> {
    return rows<CaseEvent>(
      this.db,
      sql`SELECT id, action, from_status AS "fromStatus", to_status AS "toStatus", note, actor_name AS "actorName", ${iso(sql`at`)} AS at
          FROM urban_case_event WHERE tenant_id = ${tenantId} AND case_id = ${caseId} ORDER BY at, id`,
    );
  }

  photos(tenantId: string, caseId: string): Promise<Photo[]> {
    return rows<Photo>(
      this.db,
      sql`SELECT id, stage, NULL::text AS caption, file_name AS "fileName", ${iso(sql`uploaded_at`)} AS "uploadedAt"
          FROM urban_case_photo WHERE tenant_id = ${tenantId} AND case_id = ${caseId} ORDER BY uploaded_at, id`,
    );
  }

  photo(tenantId: string, caseId: string, photoId: string): Promise<{ storageKey: string; contentType: string } | undefined> {
    return one(
      this.db,
      sql`SELECT storage_key AS "storageKey", content_type AS "contentType" FROM urban_case_photo
          WHERE tenant_id = ${tenantId} AND case_id = ${caseId} AND id = ${photoId}::uuid`,
    );
  }

  async insertPhoto(
    tenantId: string,
    p: {
      id: string;
      caseId: string;
      stage: string;
      fileName: string;
      contentType: string;
      size: number;
      sha256: string;
      storageKey: string;
      uploadedBy: string;
    },
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO urban_case_photo (tenant_id, id, case_id, stage, file_name, content_type, size, sha256, storage_key, uploaded_by)
      VALUES (${tenantId}, ${p.id}, ${p.caseId}, ${p.stage}, ${p.fileName}, ${p.contentType}, ${p.size}, ${p.sha256}, ${p.storageKey}, ${p.uploadedBy})`);
  }

  /** The cases a resident reported (their own account), newest first. */
  mine(tenantId: string, accountId: string): Promise<MyCase[]> {
    return rows<MyCase>(
      this.db,
      sql`SELECT x.id, x.kind, n.name AS "nodeName", x.description, x.status, ${iso(sql`x.reported_at`)} AS "reportedAt",
            ${iso(sql`x.closed_at`)} AS "closedAt", x.quantity::float8 AS quantity, ${unitCase} AS unit,
            (SELECT count(*)::int FROM urban_case_photo p WHERE p.tenant_id = x.tenant_id AND p.case_id = x.id AND p.stage = 'before') AS "beforePhotos"
          FROM urban_case x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.node_id
          WHERE x.tenant_id = ${tenantId} AND x.reported_by = ${accountId} AND x.source = 'resident'
          ORDER BY x.reported_at DESC, x.id DESC LIMIT 200`,
    );
  }

  /** A resident's own case (reported by their account), locked for adding a photo. */
  lockMine(tenantId: string, id: string, accountId: string): Promise<{ id: string; status: CaseStatus } | undefined> {
    return one(
      this.db,
      sql`SELECT id, status FROM urban_case WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND reported_by = ${accountId}
          AND source = 'resident' FOR UPDATE`,
    );
  }

  /**
   * Closed cases in [from, to) per subdistrict or community in scope (and under `nodeId`), with
   * the distinct compounds renovated (projects accepted in the range). Places without any stay in
   * the list with zeros.
   */
  async totals(
    tenantId: string,
    scope: string[],
    range: { from: string; to: string; nodeId?: string; by?: 'subdistrict' | 'community' },
  ): Promise<TotalsRow[]> {
    const kind = range.by ?? 'subdistrict';
    const under = range.nodeId ? sql`AND ${territorySql.underNode(sql`g.path`, tenantId, range.nodeId)}` : sql``;
    const found = await rows<TotalsRow>(
      this.db,
      sql`SELECT g.id AS "nodeId", g.name, s.*,
            (SELECT count(DISTINCT rc.compound_id)::int FROM urban_renovation r
               JOIN urban_renovation_compound rc ON rc.tenant_id = r.tenant_id AND rc.project_id = r.id
               JOIN ${territorySql.nodes('c')} ON c.tenant_id = rc.tenant_id AND c.id = rc.compound_id
              WHERE r.tenant_id = g.tenant_id AND r.status = 'accepted' AND c.path <@ g.path
                AND r.accepted_on >= ${range.from}::timestamp AND r.accepted_on < ${range.to}::timestamp
                AND ${inScope(sql`c.path`, scope)}) AS "renovatedCompounds"
          FROM ${territorySql.nodes('g')}
          CROSS JOIN LATERAL (
            SELECT ${caseSums} FROM urban_case x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.node_id
            WHERE x.tenant_id = g.tenant_id AND x.status = 'closed' AND n.path <@ g.path AND ${inScope(sql`n.path`, scope)}
              AND ${inPeriod(sql`x.closed_at`, range)}) s
          WHERE g.tenant_id = ${tenantId} AND g.kind = ${kind}
            AND (${inScope(sql`g.path`, scope)} OR EXISTS (SELECT 1 FROM unnest(${`{${scope.join(',')}}`}::ltree[]) p WHERE g.path @> p))
            ${under}
          ORDER BY ${territorySql.naturalKey(sql`g.name`)}, g.id`,
    );
    return found.map((r) => ({
      ...r,
      illegalStructureAreaM2: round2(r.illegalStructureAreaM2),
      rubbishTonnes: round2(r.rubbishTonnes),
      parkingSpaces: round2(r.parkingSpaces),
      chargers: round2(r.chargers),
    }));
  }
}
