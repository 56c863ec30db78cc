import { type Actor, maskName } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import type { DeadlineRule, HandlingLevel } from '@linli/demands';
import { deadlineRuleSql, demandTypes, iso, visibleTo } from '@linli/demands';
import { DepartmentRepository } from '@linli/departments';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { DemandImportConfig, ExportQuery, ImportMapping } from './contract.ts';

// All SQL of work-order import and export: saved mappings, the reference data a file is checked
// against, the multi-row writes, and the export read (the import job is core's import-job.ts). Bulk
// writes send the rows as one JSON document and expand it with jsonb_to_recordset: one statement
// per chunk, not per row.

export interface ImportCategory {
  id: string;
  code: string;
  name: string;
  active: boolean;
  defaultLevel: HandlingLevel;
  /** Per demand type, the normal-urgency rule a demand of that type in this category gets (null: none on the path). */
  rules: Partial<Record<string, DeadlineRule | null>>;
}

export interface PlaceRef {
  id: string;
  kind: string;
  name: string;
  code: string | null;
  path: string;
}

export interface ExistingDemand {
  id: string;
  externalId: string;
  status: string;
}

/** One new demand as the bulk insert takes it (dates as ISO strings). */
export interface DemandValues {
  id: string;
  number: string;
  channel: string;
  type: string;
  category_id: string;
  title: string;
  description: string;
  node_id: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  reporter_kind: 'caller' | 'anonymous';
  reporter_name: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  external_id: string;
  status: string;
  level: string;
  /** Whether the demand has reached a handling unit (dispatched or later): then the unit is derived from the place. */
  assign: boolean;
  /** The handling department the file names (its agency column): the demand is at the department level, handled by it, whatever its status. */
  department_id: string | null;
  /** The current deadline had passed at the import: no reminders, notices or escalation (counted in the KPIs as it is). */
  historical: boolean;
  response_due_at: string;
  resolve_due_at: string;
  submitted_at: string;
  /** Accepted (or rejected): the response the KPIs measure. */
  responded_at: string | null;
  dispatched_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  result: string | null;
  reject_reason: string | null;
}

/** What a re-import may change on an existing demand. */
export interface DemandUpdateValues {
  id: string;
  status: string;
  responded_at: string | null;
  /** The file gave the accepted time: it replaces ours. Otherwise a demand past submitted keeps the time it has, if any. */
  responded_known: boolean;
  dispatched_at: string | null;
  /** The same for the dispatched time. */
  dispatched_known: boolean;
  resolved_at: string | null;
  closed_at: string | null;
  result: string | null;
  /** Category and channel as the file maps them: written only on a re-import that updates them too (null: kept). */
  category_id: string | null;
  channel: string | null;
}

export interface ExportRow {
  number: string;
  externalId: string | null;
  title: string;
  description: string;
  channel: string;
  type: string;
  categoryCode: string;
  categoryName: string;
  status: string;
  nodeName: string;
  nodeCode: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  reporterName: string | null;
  reporterPhone: string | null;
  submittedAt: Date;
  respondedAt: Date | null;
  dispatchedAt: Date | null;
  closedAt: Date | null;
  resolvedAt: Date | null;
  result: string | null;
  /** The handling department (code and name), when a department handles the demand. */
  departmentCode: string | null;
  departmentName: string | null;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function toMapping(r: Record<string, unknown>): ImportMapping {
  return {
    id: r.id as string,
    name: r.name as string,
    config: json<DemandImportConfig>(r.config),
    createdAt: iso(r.created_at as Date | string),
    updatedAt: iso(r.updated_at as Date | string),
    version: Number(r.version),
  };
}

export class DemandImportRepository {
  constructor(private readonly db: Db) {}

  // --- saved mappings ---

  async listMappings(tenantId: string): Promise<ImportMapping[]> {
    const list = await rows<Record<string, unknown>>(
      this.db,
      sql`SELECT id, name, config, created_at, updated_at, version FROM demand_import_mapping WHERE tenant_id = ${tenantId} ORDER BY name`,
    );
    return list.map(toMapping);
  }

  async findMapping(tenantId: string, id: string): Promise<ImportMapping | undefined> {
    const r = await one<Record<string, unknown>>(
      this.db,
      sql`SELECT id, name, config, created_at, updated_at, version FROM demand_import_mapping
          WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`,
    );
    return r && toMapping(r);
  }

  async nameTaken(tenantId: string, name: string, exceptId: string | null): Promise<boolean> {
    const r = await one<{ taken: boolean }>(
      this.db,
      sql`SELECT EXISTS (SELECT 1 FROM demand_import_mapping WHERE tenant_id = ${tenantId} AND name = ${name}
          AND id IS DISTINCT FROM ${exceptId}::uuid) AS taken`,
    );
    return r?.taken ?? false;
  }

  async insertMapping(m: {
    tenantId: string;
    id: string;
    name: string;
    config: DemandImportConfig;
    createdBy: string;
  }): Promise<ImportMapping> {
    const r = await one<Record<string, unknown>>(
      this.db,
      sql`INSERT INTO demand_import_mapping (tenant_id, id, name, config, created_by)
          VALUES (${m.tenantId}, ${m.id}::uuid, ${m.name}, ${JSON.stringify(m.config)}::jsonb, ${m.createdBy}::uuid)
          RETURNING id, name, config, created_at, updated_at, version`,
    );
    if (!r) throw new Error('mapping insert returned no row');
    return toMapping(r);
  }

  /** Undefined when the mapping is gone or someone saved it since `version`. */
  async updateMapping(tenantId: string, id: string, version: number, m: { name: string; config: DemandImportConfig }) {
    const r = await one<Record<string, unknown>>(
      this.db,
      sql`UPDATE demand_import_mapping SET name = ${m.name}, config = ${JSON.stringify(m.config)}::jsonb,
            version = version + 1, updated_at = now()
          WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND version = ${version}
          RETURNING id, name, config, created_at, updated_at, version`,
    );
    return r && toMapping(r);
  }

  async deleteMapping(tenantId: string, id: string): Promise<boolean> {
    const r = await one<{ id: string }>(
      this.db,
      sql`DELETE FROM demand_import_mapping WHERE tenant_id = ${tenantId} AND id = ${id}::uuid RETURNING id`,
    );
    return r !== undefined;
  }

  // --- reference data ---

  county(tenantId: string): Promise<PlaceRef | undefined> {
    return one<PlaceRef>(
      this.db,
      sql`SELECT id, kind, name, code, path::text AS path FROM ${territorySql.nodes('tn')} WHERE tenant_id = ${tenantId} AND kind = 'county' LIMIT 1`,
    );
  }

  findPlace(tenantId: string, id: string): Promise<PlaceRef | undefined> {
    return one<PlaceRef>(
      this.db,
      sql`SELECT id, kind, name, code, path::text AS path FROM ${territorySql.nodes('tn')} WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`,
    );
  }

  /** Every category with the normal-urgency deadline rule of each demand type it has or inherits, in one query. */
  async categories(tenantId: string): Promise<ImportCategory[]> {
    const list = await rows<Record<string, unknown>>(
      this.db,
      sql`SELECT c.id, c.code, c.name, c.active, c.default_level,
            (SELECT json_object_agg(t.type, ${deadlineRuleSql(sql`c.tenant_id`, sql`c.id`, 'normal', sql`t.type`)})
               FROM unnest(${sql.raw(`ARRAY[${demandTypes.map((t) => `'${t}'`).join(', ')}]`)}::text[]) AS t(type)) AS rules
          FROM demand_category c WHERE c.tenant_id = ${tenantId}`,
    );
    return list.map((r) => ({
      id: r.id as string,
      code: r.code as string,
      name: r.name as string,
      active: r.active as boolean,
      defaultLevel: r.default_level as HandlingLevel,
      rules: r.rules === null || r.rules === undefined ? {} : json<Partial<Record<string, DeadlineRule | null>>>(r.rules),
    }));
  }

  /** Places whose code or name is one of the values (names may be ambiguous; the caller decides). */
  placesByCodeOrName(tenantId: string, values: string[]): Promise<PlaceRef[]> {
    if (values.length === 0) return Promise.resolve([]);
    return rows<PlaceRef>(
      this.db,
      sql`SELECT id, kind, name, code, path::text AS path FROM ${territorySql.nodes('tn')}
          WHERE tenant_id = ${tenantId}
            AND (code IN (SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))
                 OR name IN (SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)))`,
    );
  }

  /** Demands already registered under the external ids (the natural key of a re-import). */
  existingByExternalId(tenantId: string, externalIds: string[]): Promise<ExistingDemand[]> {
    if (externalIds.length === 0) return Promise.resolve([]);
    return rows<ExistingDemand>(
      this.db,
      sql`SELECT d.id, d.external_id AS "externalId", d.status FROM demand d
          WHERE d.tenant_id = ${tenantId}
            AND d.external_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(externalIds)}::jsonb))`,
    );
  }

  /** The category and channel of existing demands (a re-import's preview compares them with the file). */
  classificationOf(tenantId: string, ids: string[]): Promise<{ id: string; category_id: string; channel: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return rows(
      this.db,
      sql`SELECT d.id, d.category_id, d.channel FROM demand d
          WHERE d.tenant_id = ${tenantId} AND d.id IN (SELECT (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`,
    );
  }

  // --- writes ---

  /**
   * Draws `count` numbers of the year from the tenant's counter in one statement (the counter
   * row is locked until commit, as at intake); returns the first serial.
   */
  async reserveNumbers(tenantId: string, year: string, count: number): Promise<number> {
    const r = await one<{ value: number }>(
      this.db,
      sql`INSERT INTO counter (tenant_id, name, value) VALUES (${tenantId}, ${`demand:${year}`}, ${count})
          ON CONFLICT (tenant_id, name) DO UPDATE SET value = counter.value + ${count} RETURNING value`,
    );
    if (!r) throw new Error('counter returned no row');
    return Number(r.value) - count + 1;
  }

  /**
   * Inserts the demands of one chunk, their location path from the place, and — for those
   * dispatched or later — the handling unit the category's level means for the place (the
   * compound / community / subdistrict containing it, or the category's default department).
   */
  async insertDemands(tenantId: string, createdBy: string, values: DemandValues[]): Promise<number> {
    if (values.length === 0) return 0;
    const inserted = await rows<{ id: string }>(
      this.db,
      sql`INSERT INTO demand (tenant_id, id, number, channel, type, category_id, urgency, title, description,
            node_id, node_path, address, lat, lng, reporter_kind, reporter_name, reporter_phone_enc, reporter_phone_hash,
            reporter_phone_masked, external_id, status, level, handling_node_id, handling_department_id, handling_path,
            response_due_at, resolve_due_at, submitted_at, responded_at, dispatched_at, resolved_at, closed_at, result, reject_reason,
            created_by, historical)
          SELECT ${tenantId}, r.id, r.number, r.channel, r.type, r.category_id, 'normal', r.title, r.description,
            r.node_id, n.path, r.address, r.lat, r.lng, r.reporter_kind, r.reporter_name, r.phone_enc, r.phone_hash,
            r.phone_masked, r.external_id, r.status, CASE WHEN r.department_id IS NOT NULL THEN 'department' ELSE r.level END,
            CASE WHEN r.department_id IS NULL THEN hu.id END,
            CASE WHEN r.department_id IS NOT NULL THEN r.department_id
                 WHEN r.assign AND r.level = 'department' THEN c.default_department_id END,
            CASE WHEN r.department_id IS NOT NULL THEN subpath(n.path, 0, 1)
                 WHEN NOT r.assign THEN NULL
                 WHEN r.level = 'department' THEN CASE WHEN c.default_department_id IS NOT NULL THEN subpath(n.path, 0, 1) END
                 ELSE hu.path END,
            r.response_due_at, r.resolve_due_at, r.submitted_at, r.responded_at, r.dispatched_at, r.resolved_at, r.closed_at, r.result,
            r.reject_reason, ${createdBy}::uuid, r.historical
          FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS r(
            id uuid, number text, channel text, type text, category_id uuid, title text, description text, node_id uuid,
            address text, lat double precision, lng double precision, reporter_kind text, reporter_name text, phone_enc text,
            phone_hash text, phone_masked text, external_id text, status text, level text, assign boolean, department_id uuid,
            historical boolean,
            response_due_at timestamptz, resolve_due_at timestamptz, submitted_at timestamptz, responded_at timestamptz,
            dispatched_at timestamptz,
            resolved_at timestamptz, closed_at timestamptz, result text, reject_reason text)
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = ${tenantId} AND n.id = r.node_id
          JOIN demand_category c ON c.tenant_id = ${tenantId} AND c.id = r.category_id
          LEFT JOIN LATERAL (
            SELECT a.id, a.path FROM ${territorySql.nodes('a')}
            WHERE a.tenant_id = ${tenantId} AND r.assign AND r.level <> 'department' AND a.kind = r.level AND a.path @> n.path
            LIMIT 1) hu ON true
          RETURNING id`,
    );
    return inserted.length;
  }

  /** The county's departments by code and by name (a file or a value map may name either). */
  async departments(tenantId: string): Promise<{ id: string; code: string; name: string; active: boolean }[]> {
    return new DepartmentRepository(this.db).list(tenantId);
  }

  /**
   * Applies status, times and resolution of a re-import (and category and channel, when given) to the demands that differ (the source is
   * authoritative: a work order reopened there loses its resolved and closed times here). Accepted
   * and dispatched times the file gives replace ours; where it has none, a demand still in a state
   * that has them keeps the times it has (set in Linli or by an earlier import) and gets the derived
   * one only when it has none. Returns the ids actually changed (with the status they had and the
   * accepted / dispatched times they now have), so unchanged rows get no timeline entry.
   */
  async updateDemands(
    tenantId: string,
    values: DemandUpdateValues[],
  ): Promise<{ id: string; from_status: string; to_status: string; responded_at: string | null; dispatched_at: string | null }[]> {
    if (values.length === 0) return [];
    return rows(
      this.db,
      sql`WITH r AS (
            SELECT * FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
              AS r(id uuid, status text, responded_at timestamptz, responded_known boolean, dispatched_at timestamptz,
                   dispatched_known boolean, resolved_at timestamptz, closed_at timestamptz, result text, category_id uuid,
                   channel text)
          ), old AS (
            SELECT d.id, d.status FROM demand d JOIN r ON d.tenant_id = ${tenantId} AND d.id = r.id
          ), v AS (
            SELECT r.*,
              CASE WHEN r.status = 'submitted' THEN NULL WHEN r.responded_known THEN r.responded_at
                   ELSE coalesce(d.responded_at, r.responded_at) END AS new_responded_at,
              CASE WHEN r.status NOT IN ('dispatched', 'in_progress', 'resolved', 'closed') THEN NULL
                   WHEN r.dispatched_known THEN r.dispatched_at ELSE d.dispatched_at END AS new_dispatched_at
            FROM r JOIN demand d ON d.tenant_id = ${tenantId} AND d.id = r.id
          )
          UPDATE demand d SET status = v.status, responded_at = v.new_responded_at, dispatched_at = v.new_dispatched_at,
            resolved_at = v.resolved_at, closed_at = v.closed_at,
            result = coalesce(v.result, d.result), category_id = coalesce(v.category_id, d.category_id),
            channel = coalesce(v.channel, d.channel), version = d.version + 1, updated_at = now()
          FROM v, old
          WHERE d.tenant_id = ${tenantId} AND d.id = v.id AND old.id = v.id
            AND (d.status, d.responded_at, d.dispatched_at, d.closed_at, d.resolved_at, d.result, d.category_id, d.channel) IS DISTINCT FROM
                (v.status, v.new_responded_at, v.new_dispatched_at, v.closed_at, v.resolved_at, coalesce(v.result, d.result),
                 coalesce(v.category_id, d.category_id), coalesce(v.channel, d.channel))
          RETURNING d.id, old.status AS from_status, d.status AS to_status, d.responded_at, d.dispatched_at`,
    );
  }

  /** The timeline entry "imported" of each written demand (seq after its last entry). */
  async appendImportedEvents(
    tenantId: string,
    actor: { id: string; name: string },
    events: { demand_id: string; from_status: string | null; to_status: string; data: Record<string, unknown> }[],
  ): Promise<void> {
    if (events.length === 0) return;
    await this.db.execute(
      sql`INSERT INTO demand_event (tenant_id, demand_id, seq, actor_id, actor_name, action, from_status, to_status, data)
          SELECT ${tenantId}, e.demand_id,
            coalesce((SELECT max(x.seq) FROM demand_event x WHERE x.tenant_id = ${tenantId} AND x.demand_id = e.demand_id), 0) + 1,
            ${actor.id}::uuid, ${actor.name}, 'imported', e.from_status, e.to_status, e.data
          FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e(demand_id uuid, from_status text, to_status text, data jsonb)`,
    );
  }

  /**
   * The KPI rollup triggers (0009) upsert the same few month × place rows once per written demand; in
   * one transaction those versions pile up, and a file whose rows share a month and place gets slower
   * with every chunk. A large import switches them off for its transaction and rebuilds the tenant's
   * rollup once at the end, as the migration prescribes for bulk loaders.
   */
  async pauseKpiRollup(): Promise<void> {
    await this.db.execute(sql`SET LOCAL linli.kpi_rollup = 'off'`);
  }

  async rebuildKpiRollup(tenantId: string): Promise<void> {
    await this.db.execute(sql`SELECT demand_kpi_rebuild(${tenantId})`);
  }

  // --- export ---

  /** Demands the actor sees in the staff inbox (visibleTo without the reporter rule), filtered, oldest first. */
  async exportRows(tenantId: string, actor: Actor, q: Omit<ExportQuery, 'mappingId'>, limit: number): Promise<ExportRow[]> {
    const c: SQL[] = [visibleTo(actor, { asReporter: false })];
    if (q.status) c.push(sql`d.status = ${q.status}`);
    if (q.channel) c.push(sql`d.channel = ${q.channel}`);
    if (q.importedOnly) c.push(sql`d.external_id IS NOT NULL`);
    if (q.categoryId) {
      c.push(sql`d.category_id IN (SELECT s.id FROM demand_category s, demand_category p
        WHERE p.tenant_id = ${tenantId} AND p.id = ${q.categoryId}::uuid AND s.tenant_id = p.tenant_id AND s.path <@ p.path)`);
    }
    if (q.nodeId) {
      c.push(
        sql`d.node_path <@ (SELECT n.path FROM ${territorySql.nodes('n')} WHERE n.tenant_id = ${tenantId} AND n.id = ${q.nodeId}::uuid)`,
      );
    }
    if (q.from) c.push(sql`d.submitted_at >= ${`${q.from}T00:00:00+08:00`}::timestamptz`);
    if (q.to) c.push(sql`d.submitted_at < ${`${q.to}T00:00:00+08:00`}::timestamptz + interval '1 day'`);
    const list = await rows<Record<string, unknown>>(
      this.db,
      sql`SELECT d.number, d.external_id, d.title, d.description, d.channel, d.type, c.code AS category_code,
            c.name AS category_name, d.status, n.name AS node_name, n.code AS node_code, d.address, d.lat, d.lng,
            d.reporter_name, d.reporter_phone_masked, d.submitted_at, d.responded_at, d.dispatched_at, d.closed_at,
            d.resolved_at, d.result, dep.code AS department_code, dep.name AS department_name
          FROM demand d
          LEFT JOIN department dep ON dep.tenant_id = d.tenant_id AND dep.id = d.handling_department_id
          JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = d.tenant_id AND n.id = d.node_id
          WHERE d.tenant_id = ${tenantId} AND ${sql.join(c, sql` AND `)}
          ORDER BY d.submitted_at, d.id LIMIT ${limit}`,
    );
    const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
    return list.map((r) => ({
      number: r.number as string,
      externalId: (r.external_id as string | null) ?? null,
      title: r.title as string,
      description: r.description as string,
      channel: r.channel as string,
      type: r.type as string,
      categoryCode: r.category_code as string,
      categoryName: r.category_name as string,
      status: r.status as string,
      nodeName: r.node_name as string,
      nodeCode: (r.node_code as string | null) ?? null,
      address: (r.address as string | null) ?? null,
      lat: (r.lat as number | null) ?? null,
      lng: (r.lng as number | null) ?? null,
      reporterName: maskName((r.reporter_name as string | null) ?? null),
      reporterPhone: (r.reporter_phone_masked as string | null) ?? null,
      submittedAt: date(r.submitted_at) as Date,
      respondedAt: date(r.responded_at),
      dispatchedAt: date(r.dispatched_at),
      closedAt: date(r.closed_at),
      resolvedAt: date(r.resolved_at),
      result: (r.result as string | null) ?? null,
      departmentCode: (r.department_code as string | null) ?? null,
      departmentName: (r.department_name as string | null) ?? null,
    }));
  }
}
