import { CursorText, CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Phase, Photo, Renovation, RenovationCounts, RenovationDetail, RenovationListQuery } from './contract.ts';
import type { FundingSource, RenovationStatus } from './vocabulary.ts';

export type RenovationFilter = Omit<RenovationListQuery, 'cursor' | 'limit'>;

export const RenovationNameCursor = Type.Tuple([CursorText, Uuid]);
export const RenovationTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const renovationCursorFor = (sort: string | undefined) => (sort?.endsWith('name') ? RenovationNameCursor : RenovationTimeCursor);

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const day = (column: SQL) => sql`to_char(${column}, 'YYYY-MM-DD')`;

/** A project is visible where one of its compounds is in the scope (and, with `nodeId`, under that node). */
const visible = (tenantId: string, scope: string[], nodeId?: string) =>
  sql`EXISTS (SELECT 1 FROM urban_renovation_compound rc JOIN ${territorySql.nodes('c')} ON c.tenant_id = rc.tenant_id AND c.id = rc.compound_id
        WHERE rc.tenant_id = r.tenant_id AND rc.project_id = r.id AND ${inScope(sql`c.path`, scope)}
        ${nodeId ? sql`AND ${territorySql.underNode(sql`c.path`, tenantId, nodeId)}` : sql``})`;

export interface RenovationRecord {
  id: string;
  status: RenovationStatus;
  version: number;
  nodePath: string;
}

export interface RenovationWrite {
  name: string;
  nodeId: string;
  compoundIds: string[];
  scopeItems: string[];
  scopeNote: string | null;
  budget: number;
  funding: { source: FundingSource; amount: number }[];
  phases: Phase[];
  topicId: string | null;
}

/** SQL of 老旧小区改造 projects with their compounds, funding, phases and photos. */
export class RenovationRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, conditions: SQL[]): SQL {
    return sql`SELECT r.id, r.name, r.node_id AS "nodeId", o.name AS "nodeName",
        (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name) ORDER BY c.name, c.id), '[]'::json)
           FROM urban_renovation_compound rc JOIN ${territorySql.nodes('c')} ON c.tenant_id = rc.tenant_id AND c.id = rc.compound_id
          WHERE rc.tenant_id = r.tenant_id AND rc.project_id = r.id) AS compounds,
        r.scope_items AS "scopeItems", r.scope_note AS "scopeNote", r.budget::float8 AS budget, r.status, r.topic_id AS "topicId",
        ${day(sql`r.accepted_on`)} AS "acceptedOn", r.acceptance_note AS "acceptanceNote", ${iso(sql`r.created_at`)} AS "createdAt", r.version
      FROM urban_renovation r JOIN ${territorySql.nodes('o')} ON o.tenant_id = r.tenant_id AND o.id = r.node_id
      WHERE r.tenant_id = ${tenantId} ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: RenovationFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Renovation[]; next: [string, string] | null }> {
    const c: SQL[] = [visible(tenantId, scope, filter.nodeId)];
    if (filter.status) c.push(sql`r.status = ${filter.status}`);
    if (filter.q) c.push(sql`r.name ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    const sort = filter.sort ?? '-createdAt';
    const byName = sort.endsWith('name');
    const desc = sort.startsWith('-');
    const key = byName ? sql`r.name` : sql`r.created_at`;
    if (page.after) {
      const value = byName ? sql`${page.after[0]}` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, r.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, r.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, r.id DESC` : sql`${key}, r.id`;
    const found = await rows<Renovation>(this.db, sql`${this.select(tenantId, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [byName ? last.name : last.createdAt, last.id] : null };
  }

  async findDetail(tenantId: string, id: string, scope: string[]): Promise<RenovationDetail | undefined> {
    const found = await one<Renovation>(this.db, this.select(tenantId, [sql`r.id = ${id}::uuid`, visible(tenantId, scope)]));
    if (!found) return undefined;
    const [funding, phases, photos] = await Promise.all([
      rows<{ source: FundingSource; amount: number }>(
        this.db,
        sql`SELECT source, amount::float8 AS amount FROM urban_renovation_funding WHERE tenant_id = ${tenantId} AND project_id = ${id}
            ORDER BY array_position(ARRAY['central','provincial','county','owners','companies','other'], source)`,
      ),
      rows<RenovationDetail['phases'][number]>(
        this.db,
        sql`SELECT seq, name, ${day(sql`planned_start`)} AS "plannedStart", ${day(sql`planned_end`)} AS "plannedEnd",
              ${day(sql`actual_start`)} AS "actualStart", ${day(sql`actual_end`)} AS "actualEnd"
            FROM urban_renovation_phase WHERE tenant_id = ${tenantId} AND project_id = ${id} ORDER BY seq`,
      ),
      this.photos(tenantId, id),
    ]);
    return { ...found, funding, phases, photos };
  }

  /** The project, locked, when the caller may write it: its place (the node holding all its compounds) is in `scope`. */
  lock(tenantId: string, id: string, scope: string[]): Promise<RenovationRecord | undefined> {
    return one<RenovationRecord>(
      this.db,
      sql`SELECT r.id, r.status, r.version, o.path::text AS "nodePath"
          FROM urban_renovation r JOIN ${territorySql.nodes('o')} ON o.tenant_id = r.tenant_id AND o.id = r.node_id
          WHERE r.tenant_id = ${tenantId} AND r.id = ${id}::uuid AND ${inScope(sql`o.path`, scope)} FOR UPDATE OF r`,
    );
  }

  async insert(tenantId: string, w: RenovationWrite, createdBy: string): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO urban_renovation (tenant_id, id, name, node_id, scope_items, scope_note, budget, topic_id, created_by)
      VALUES (${tenantId}, ${id}, ${w.name}, ${w.nodeId}, ${`{${w.scopeItems.join(',')}}`}::text[], ${w.scopeNote}, ${w.budget}, ${w.topicId}, ${createdBy})`);
    await this.writeParts(tenantId, id, w);
    return id;
  }

  async update(tenantId: string, id: string, version: number, w: RenovationWrite): Promise<boolean> {
    const done = await rows<{ id: string }>(
      this.db,
      sql`UPDATE urban_renovation SET name = ${w.name}, node_id = ${w.nodeId}, scope_items = ${`{${w.scopeItems.join(',')}}`}::text[],
            scope_note = ${w.scopeNote}, budget = ${w.budget}, topic_id = ${w.topicId}, updated_at = now(), version = version + 1
          WHERE tenant_id = ${tenantId} AND id = ${id} AND version = ${version} RETURNING id`,
    );
    if (done.length !== 1) return false;
    for (const table of ['urban_renovation_compound', 'urban_renovation_funding', 'urban_renovation_phase'])
      await this.db.execute(sql`DELETE FROM ${sql.raw(table)} WHERE tenant_id = ${tenantId} AND project_id = ${id}`);
    await this.writeParts(tenantId, id, w);
    return true;
  }

  private async writeParts(tenantId: string, id: string, w: RenovationWrite): Promise<void> {
    await this.db.execute(sql`INSERT INTO urban_renovation_compound (tenant_id, project_id, compound_id)
      SELECT ${tenantId}, ${id}, unnest(${`{${w.compoundIds.join(',')}}`}::uuid[])`);
    for (const f of w.funding)
      await this.db.execute(
        sql`INSERT INTO urban_renovation_funding (tenant_id, project_id, source, amount) VALUES (${tenantId}, ${id}, ${f.source}, ${f.amount})`,
      );
    for (const [i, p] of w.phases.entries())
      await this.db.execute(sql`INSERT INTO urban_renovation_phase (tenant_id, project_id, seq, name, planned_start, planned_end, actual_start, actual_end)
        VALUES (${tenantId}, ${id}, ${i + 1}, ${p.name}, ${p.plannedStart ?? null}, ${p.plannedEnd ?? null}, ${p.actualStart ?? null}, ${p.actualEnd ?? null})`);
  }

  async setStatus(
    tenantId: string,
    id: string,
    version: number,
    change: { status: RenovationStatus; acceptedOn?: string; acceptanceNote?: string | null },
  ): Promise<boolean> {
    const done = await rows<{ id: string }>(
      this.db,
      sql`UPDATE urban_renovation SET status = ${change.status}, accepted_on = coalesce(${change.acceptedOn ?? null}::date, accepted_on),
            acceptance_note = coalesce(${change.acceptanceNote ?? null}, acceptance_note), updated_at = now(), version = version + 1
          WHERE tenant_id = ${tenantId} AND id = ${id} AND version = ${version} RETURNING id`,
    );
    return done.length === 1;
  }

  photos(tenantId: string, projectId: string): Promise<Photo[]> {
    return rows<Photo>(
      this.db,
      sql`SELECT id, stage, caption, file_name AS "fileName", ${iso(sql`uploaded_at`)} AS "uploadedAt"
          FROM urban_renovation_photo WHERE tenant_id = ${tenantId} AND project_id = ${projectId} ORDER BY stage, uploaded_at, id`,
    );
  }

  photo(tenantId: string, projectId: string, photoId: string): Promise<{ storageKey: string; contentType: string } | undefined> {
    return one(
      this.db,
      sql`SELECT storage_key AS "storageKey", content_type AS "contentType" FROM urban_renovation_photo
          WHERE tenant_id = ${tenantId} AND project_id = ${projectId} AND id = ${photoId}::uuid`,
    );
  }

  async insertPhoto(
    tenantId: string,
    p: {
      id: string;
      projectId: string;
      stage: string;
      caption: string | null;
      fileName: string;
      contentType: string;
      size: number;
      sha256: string;
      storageKey: string;
      uploadedBy: string;
    },
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO urban_renovation_photo (tenant_id, id, project_id, stage, caption, file_name, content_type, size, sha256, storage_key, uploaded_by)
      VALUES (${tenantId}, ${p.id}, ${p.projectId}, ${p.stage}, ${p.caption}, ${p.fileName}, ${p.contentType}, ${p.size}, ${p.sha256}, ${p.storageKey}, ${p.uploadedBy})`);
  }

  async counts(tenantId: string, scope: string[], nodeId?: string): Promise<RenovationCounts> {
    const found = await rows<{ status: RenovationStatus; n: number }>(
      this.db,
      sql`SELECT r.status, count(*)::int AS n FROM urban_renovation r WHERE r.tenant_id = ${tenantId} AND ${visible(tenantId, scope, nodeId)} GROUP BY r.status`,
    );
    const counts: RenovationCounts = { planned: 0, in_progress: 0, accepted: 0 };
    for (const r of found) counts[r.status] = r.n;
    return counts;
  }
}
