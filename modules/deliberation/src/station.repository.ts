import { CursorText, CursorTime, inScope, maskPersonalText, newId, type ReferenceKind, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type {
  PublicStation,
  Station,
  StationDetail,
  StationKind,
  StationLevel,
  StationPhoto,
  StationPoint,
  StationRules,
  StationSchedule,
} from './station-contract.ts';
import { nextOpenings, type StationScheduleRule } from './station-schedule.ts';

/** The kinds a county starts with; it renames, hides or adds to them (e.g. 谯城区's 毫议站). */
export const defaultStationKinds: readonly { code: string; name: string }[] = [
  { code: 'station', name: '议事站' },
  { code: 'hall', name: '议事厅' },
  { code: 'studio', name: '工作室' },
  { code: 'pavilion', name: '议事亭' },
  { code: 'room', name: '议事室' },
];

export interface StationFilter {
  level?: StationLevel;
  kind?: string;
  nodeId?: string;
  q?: string;
  active?: boolean;
  sort?: 'name' | '-name' | 'updatedAt' | '-updatedAt';
}

export const StationNameCursor = Type.Tuple([CursorText, Uuid]);
export const StationTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const stationCursorFor = (sort: string | undefined) => (sort?.endsWith('updatedAt') ? StationTimeCursor : StationNameCursor);

/** A station named by id in a request (requireReferences): in scope where its node is. */
export const stationReference: ReferenceKind = {
  name: 'deliberation_station',
  noun: 'Deliberation station',
  from: sql`deliberation_station x`,
  path: sql`x.node_path`,
};

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

type StationRow = Omit<Station, 'nextOpening'> & { nodePath: string };

export interface StationRecord extends Station {
  nodePath: string;
}

/** A row's schedule with its next opening computed for `now`. */
function withNextOpening(row: StationRow, now: Date): StationRecord {
  const schedule = row.schedule as StationSchedule | null;
  return { ...row, nextOpening: schedule ? (nextOpenings(schedule as StationScheduleRule, now, 1)[0] ?? null) : null };
}

type PublicRules = PublicStation['rules'];
const maskRules = (r: PublicRules): PublicRules =>
  r && {
    ...r,
    scopeSummary: maskPersonalText(r.scopeSummary),
    procedure: maskPersonalText(r.procedure),
    meetingRules: maskPersonalText(r.meetingRules),
  };

/** SQL of deliberation stations, their kinds, photos and posted rules; a station is visible where its node is in scope. */
export class StationRepository {
  /** A database handle for reads, the write's transaction (a Tx is a Db) for writes. */
  constructor(private readonly db: Db) {}

  private select(tenantId: string, conditions: SQL[]): SQL {
    return sql`SELECT s.id, s.name, s.kind, k.name AS "kindName", s.level, s.node_id AS "nodeId", n.name AS "nodeName",
        ${territorySql.namesOnPath(tenantId, sql`s.node_path`)} AS place, s.node_path::text AS "nodePath",
        s.room, s.area_m2::float8 AS "areaM2", s.lat, s.lng, s.schedule, s.active, s.version,
        (SELECT count(*)::int FROM deliberation_station_photo p WHERE p.tenant_id = s.tenant_id AND p.station_id = s.id) AS "photoCount",
        (SELECT max(r.version) FROM deliberation_station_rules r WHERE r.tenant_id = s.tenant_id AND r.station_id = s.id) AS "rulesVersion",
        ${iso(sql`s.created_at`)} AS "createdAt", ${iso(sql`s.updated_at`)} AS "updatedAt"
      FROM deliberation_station s
      JOIN ${territorySql.nodes('n')} ON n.tenant_id = s.tenant_id AND n.id = s.node_id
      JOIN deliberation_station_kind k ON k.tenant_id = s.tenant_id AND k.code = s.kind
      WHERE s.tenant_id = ${tenantId} ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  private conditions(tenantId: string, scope: string[], filter: StationFilter): SQL[] {
    const c: SQL[] = [inScope(sql`s.node_path`, scope)];
    if (filter.level) c.push(sql`s.level = ${filter.level}`);
    if (filter.kind) c.push(sql`s.kind = ${filter.kind}`);
    if (filter.nodeId) c.push(territorySql.underNode(sql`s.node_path`, tenantId, filter.nodeId));
    if (filter.q) c.push(sql`s.name ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    if (filter.active !== undefined) c.push(sql`s.active = ${filter.active}`);
    return c;
  }

  /** Stations in service under the node (in scope), by kind with the county's name of the kind — what the property reform's figures count (65 party service stations, 51 pavilions …). */
  async countByKind(tenantId: string, scope: string[], nodeId?: string): Promise<{ kind: string; name: string; count: number }[]> {
    const c = this.conditions(tenantId, scope, { nodeId, active: true });
    return rows<{ kind: string; name: string; count: number }>(
      this.db,
      sql`SELECT s.kind, k.name, count(*)::int AS count FROM deliberation_station s
          JOIN deliberation_station_kind k ON k.tenant_id = s.tenant_id AND k.code = s.kind
          WHERE s.tenant_id = ${tenantId} AND ${sql.join(c, sql` AND `)} GROUP BY s.kind, k.name, k.sort_order ORDER BY k.sort_order, s.kind`,
    );
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: StationFilter,
    page: { limit: number; after?: [string, string] },
    now = new Date(),
  ): Promise<{ items: StationRecord[]; next: [string, string] | null }> {
    const c = this.conditions(tenantId, scope, filter);
    const sort = filter.sort ?? 'name';
    const byTime = sort.endsWith('updatedAt');
    const desc = sort.startsWith('-');
    const key = byTime ? sql`s.updated_at` : sql`s.name`;
    if (page.after) {
      const value = byTime ? sql`${page.after[0]}::timestamptz` : sql`${page.after[0]}`;
      c.push(desc ? sql`(${key}, s.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, s.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, s.id DESC` : sql`${key}, s.id`;
    const found = await rows<StationRow>(this.db, sql`${this.select(tenantId, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit).map((r) => withNextOpening(r, now));
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [byTime ? last.updatedAt : last.name, last.id] : null };
  }

  /** Stations in scope that have a place on the map, and how many have none. */
  async points(tenantId: string, scope: string[], filter: StationFilter): Promise<{ points: StationPoint[]; withoutPlace: number }> {
    const c = this.conditions(tenantId, scope, filter);
    const found = await rows<StationPoint & { lat: number | null; lng: number | null }>(
      this.db,
      sql`SELECT s.id, s.node_id AS "nodeId", s.name, k.name AS "kindName", s.level, n.name AS "nodeName", s.lat, s.lng
        FROM deliberation_station s
        JOIN ${territorySql.nodes('n')} ON n.tenant_id = s.tenant_id AND n.id = s.node_id
        JOIN deliberation_station_kind k ON k.tenant_id = s.tenant_id AND k.code = s.kind
        WHERE s.tenant_id = ${tenantId} AND ${sql.join(c, sql` AND `)} ORDER BY s.name, s.id LIMIT 5000`,
    );
    const points = found.filter((p): p is StationPoint => p.lat !== null && p.lng !== null);
    return { points, withoutPlace: found.length - points.length };
  }

  async findById(tenantId: string, id: string, scope: string[], now = new Date()): Promise<StationRecord | undefined> {
    const row = await one<StationRow>(this.db, this.select(tenantId, [sql`s.id = ${id}::uuid`, inScope(sql`s.node_path`, scope)]));
    return row && withNextOpening(row, now);
  }

  /** A station in scope with its next openings, photos and every rules version, or undefined. */
  async detail(tenantId: string, id: string, scope: string[], now = new Date()): Promise<StationDetail | undefined> {
    const station = await this.findById(tenantId, id, scope, now);
    if (!station) return undefined;
    const { nodePath: _path, ...rest } = station;
    const [photos, rules] = await Promise.all([this.photos(tenantId, id), this.rules(tenantId, id)]);
    const openings = rest.schedule ? nextOpenings(rest.schedule as StationScheduleRule, now, 5) : [];
    return { ...rest, openings, photos, rules };
  }

  /** Locks the station row for a write (in scope), or undefined. */
  async lock(tenantId: string, id: string, scope: string[]): Promise<{ id: string; version: number; nodeId: string } | undefined> {
    return one(
      this.db,
      sql`SELECT id, version, node_id AS "nodeId" FROM deliberation_station
          WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND ${inScope(sql`node_path`, scope)} FOR UPDATE`,
    );
  }

  async nameTaken(tenantId: string, nodeId: string, name: string, exceptId?: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM deliberation_station WHERE tenant_id = ${tenantId} AND node_id = ${nodeId}::uuid AND name = ${name}
          ${exceptId ? sql`AND id <> ${exceptId}::uuid` : sql``}`,
    );
    return row !== undefined;
  }

  async insert(
    tenantId: string,
    input: {
      name: string;
      kind: string;
      level: StationLevel;
      nodeId: string;
      nodePath: string;
      room: string | null;
      areaM2: number | null;
      lat: number | null;
      lng: number | null;
      schedule: StationSchedule | null;
      createdBy: string | null;
    },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO deliberation_station
        (tenant_id, id, name, kind, level, node_id, node_path, room, area_m2, lat, lng, schedule, created_by)
      VALUES (${tenantId}, ${id}, ${input.name}, ${input.kind}, ${input.level}, ${input.nodeId}, ${input.nodePath}::ltree, ${input.room},
        ${input.areaM2}, ${input.lat}, ${input.lng}, ${input.schedule === null ? null : JSON.stringify(input.schedule)}::jsonb, ${input.createdBy})`);
    return id;
  }

  /** Writes the given fields and moves the version on. */
  async update(
    tenantId: string,
    id: string,
    changes: {
      name?: string;
      kind?: string;
      room?: string | null;
      areaM2?: number | null;
      lat?: number | null;
      lng?: number | null;
      active?: boolean;
    },
  ): Promise<void> {
    const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = now()`];
    if (changes.name !== undefined) sets.push(sql`name = ${changes.name}`);
    if (changes.kind !== undefined) sets.push(sql`kind = ${changes.kind}`);
    if (changes.room !== undefined) sets.push(sql`room = ${changes.room}`);
    if (changes.areaM2 !== undefined) sets.push(sql`area_m2 = ${changes.areaM2}`);
    if (changes.lat !== undefined) sets.push(sql`lat = ${changes.lat}`);
    if (changes.lng !== undefined) sets.push(sql`lng = ${changes.lng}`);
    if (changes.active !== undefined) sets.push(sql`active = ${changes.active}`);
    await this.db.execute(
      sql`UPDATE deliberation_station SET ${sql.join(sets, sql`, `)} WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`,
    );
  }

  async setSchedule(tenantId: string, id: string, schedule: StationSchedule | null): Promise<void> {
    await this.db.execute(sql`UPDATE deliberation_station
      SET schedule = ${schedule === null ? null : JSON.stringify(schedule)}::jsonb, version = version + 1, updated_at = now()
      WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }

  /** Moves the version on after a change of its photos or rules (the list shows it as changed). */
  async touch(tenantId: string, id: string): Promise<void> {
    await this.db.execute(
      sql`UPDATE deliberation_station SET version = version + 1, updated_at = now() WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`,
    );
  }

  // Kinds ----------------------------------------------------------------------------------------

  /** Puts the default kinds on a county's list the first time it is used (never again: a county's changes stay). */
  async ensureKinds(tenantId: string): Promise<void> {
    const any = await one(this.db, sql`SELECT 1 AS x FROM deliberation_station_kind WHERE tenant_id = ${tenantId} LIMIT 1`);
    if (any) return;
    for (const [i, k] of defaultStationKinds.entries()) {
      await this.db.execute(sql`INSERT INTO deliberation_station_kind (tenant_id, code, name, sort_order)
        VALUES (${tenantId}, ${k.code}, ${k.name}, ${(i + 1) * 10}) ON CONFLICT DO NOTHING`);
    }
  }

  kinds(tenantId: string): Promise<StationKind[]> {
    return rows<StationKind>(
      this.db,
      sql`SELECT k.code, k.name, k.sort_order AS "sortOrder", k.active,
          (SELECT count(*)::int FROM deliberation_station s WHERE s.tenant_id = k.tenant_id AND s.kind = k.code) AS stations
        FROM deliberation_station_kind k WHERE k.tenant_id = ${tenantId} ORDER BY k.sort_order, k.code`,
    );
  }

  kind(tenantId: string, code: string): Promise<{ code: string; name: string; active: boolean } | undefined> {
    return one(this.db, sql`SELECT code, name, active FROM deliberation_station_kind WHERE tenant_id = ${tenantId} AND code = ${code}`);
  }

  async kindNameTaken(tenantId: string, code: string, name: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM deliberation_station_kind WHERE tenant_id = ${tenantId} AND name = ${name} AND code <> ${code}`,
    );
    return row !== undefined;
  }

  async saveKind(tenantId: string, kind: { code: string; name: string; sortOrder?: number; active?: boolean }): Promise<void> {
    await this.db.execute(sql`INSERT INTO deliberation_station_kind (tenant_id, code, name, sort_order, active)
      VALUES (${tenantId}, ${kind.code}, ${kind.name}, ${kind.sortOrder ?? 100}, ${kind.active ?? true})
      ON CONFLICT (tenant_id, code) DO UPDATE SET name = EXCLUDED.name,
        sort_order = ${kind.sortOrder === undefined ? sql`deliberation_station_kind.sort_order` : sql`EXCLUDED.sort_order`},
        active = ${kind.active === undefined ? sql`deliberation_station_kind.active` : sql`EXCLUDED.active`}`);
  }

  // Photos ---------------------------------------------------------------------------------------

  photos(tenantId: string, stationId: string): Promise<StationPhoto[]> {
    return rows<StationPhoto>(
      this.db,
      sql`SELECT id, file_name AS "fileName", content_type AS "contentType", size, ${iso(sql`uploaded_at`)} AS "uploadedAt"
        FROM deliberation_station_photo WHERE tenant_id = ${tenantId} AND station_id = ${stationId}::uuid ORDER BY uploaded_at, id`,
    );
  }

  photo(tenantId: string, stationId: string, photoId: string): Promise<(StationPhoto & { storageKey: string }) | undefined> {
    return one(
      this.db,
      sql`SELECT id, file_name AS "fileName", content_type AS "contentType", size, storage_key AS "storageKey",
          ${iso(sql`uploaded_at`)} AS "uploadedAt"
        FROM deliberation_station_photo WHERE tenant_id = ${tenantId} AND station_id = ${stationId}::uuid AND id = ${photoId}::uuid`,
    );
  }

  async insertPhoto(
    tenantId: string,
    photo: {
      id: string;
      stationId: string;
      fileName: string;
      contentType: string;
      size: number;
      sha256: string;
      storageKey: string;
      uploadedBy: string;
    },
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO deliberation_station_photo
        (tenant_id, id, station_id, file_name, content_type, size, sha256, storage_key, uploaded_by)
      VALUES (${tenantId}, ${photo.id}, ${photo.stationId}, ${photo.fileName}, ${photo.contentType}, ${photo.size}, ${photo.sha256},
        ${photo.storageKey}, ${photo.uploadedBy})`);
  }

  async deletePhoto(tenantId: string, stationId: string, photoId: string): Promise<void> {
    await this.db.execute(
      sql`DELETE FROM deliberation_station_photo WHERE tenant_id = ${tenantId} AND station_id = ${stationId}::uuid AND id = ${photoId}::uuid`,
    );
  }

  // Posted rules ---------------------------------------------------------------------------------

  /** Every version, newest (in force) first. */
  async rules(tenantId: string, stationId: string): Promise<StationRules[]> {
    const found = await rows<Omit<StationRules, 'current'>>(
      this.db,
      sql`SELECT version, scope_summary AS "scopeSummary", procedure, meeting_rules AS "meetingRules", note,
          ${iso(sql`published_at`)} AS "publishedAt", published_by_name AS "publishedByName"
        FROM deliberation_station_rules WHERE tenant_id = ${tenantId} AND station_id = ${stationId}::uuid ORDER BY version DESC`,
    );
    return found.map((r, i) => ({ ...r, current: i === 0 }));
  }

  /** Adds the next version (numbered under the station's row lock, taken by the caller). */
  async insertRules(
    tenantId: string,
    stationId: string,
    rules: {
      scopeSummary: string;
      procedure: string;
      meetingRules: string;
      note: string | null;
      publishedBy: string;
      publishedByName: string;
    },
  ): Promise<number> {
    const row = await one<{ version: number }>(
      this.db,
      sql`INSERT INTO deliberation_station_rules
          (tenant_id, station_id, version, scope_summary, procedure, meeting_rules, note, published_by, published_by_name)
        SELECT ${tenantId}, ${stationId}::uuid, coalesce(max(version), 0) + 1, ${rules.scopeSummary}, ${rules.procedure}, ${rules.meetingRules},
          ${rules.note}, ${rules.publishedBy}::uuid, ${rules.publishedByName}
        FROM deliberation_station_rules WHERE tenant_id = ${tenantId} AND station_id = ${stationId}::uuid
        RETURNING version`,
    );
    return row?.version ?? 1;
  }

  // Without a session ----------------------------------------------------------------------------

  /**
   * What anyone may see of an active station: name, place, room, schedule, the rules in force and
   * the photos — never who wrote the rules or who uploaded a photo.
   */
  async publicStation(tenantId: string, id: string, now = new Date()): Promise<PublicStation | undefined> {
    const found = await this.publicStations(tenantId, [sql`s.id = ${id}::uuid`], now);
    return found[0];
  }

  /** The active stations on the path to any of `paths` (a resident's homes): their compound's, community's and street's. */
  async stationsAbove(tenantId: string, paths: string[], now = new Date()): Promise<PublicStation[]> {
    if (!paths.length) return [];
    const above = sql`(${sql.join(
      paths.map((p) => sql`s.node_path @> ${p}::ltree`),
      sql` OR `,
    )})`;
    return this.publicStations(tenantId, [above], now);
  }

  private async publicStations(tenantId: string, conditions: SQL[], now: Date): Promise<PublicStation[]> {
    const found = await rows<Omit<PublicStation, 'openings' | 'photos'> & { photoIds: string[] | null }>(
      this.db,
      sql`SELECT s.id, s.node_id AS "nodeId", s.name, k.name AS "kindName", s.level, ${territorySql.namesOnPath(tenantId, sql`s.node_path`)} AS place,
          s.room, s.area_m2::float8 AS "areaM2", s.schedule,
          (SELECT json_build_object('version', r.version, 'scopeSummary', r.scope_summary, 'procedure', r.procedure,
              'meetingRules', r.meeting_rules, 'publishedAt', ${iso(sql`r.published_at`)})
             FROM deliberation_station_rules r WHERE r.tenant_id = s.tenant_id AND r.station_id = s.id
             ORDER BY r.version DESC LIMIT 1) AS rules,
          ARRAY(SELECT p.id::text FROM deliberation_station_photo p WHERE p.tenant_id = s.tenant_id AND p.station_id = s.id
             ORDER BY p.uploaded_at, p.id) AS "photoIds"
        FROM deliberation_station s
        JOIN deliberation_station_kind k ON k.tenant_id = s.tenant_id AND k.code = s.kind
        WHERE s.tenant_id = ${tenantId} AND s.active AND ${sql.join(conditions, sql` AND `)}
        ORDER BY s.node_path DESC, s.name`,
    );
    return found.map(({ photoIds, ...s }) => ({
      ...s,
      // Staff write these texts; a phone or ID number typed into them is masked like on every public page.
      room: s.room === null ? null : maskPersonalText(s.room),
      rules: maskRules(typeof s.rules === 'string' ? JSON.parse(s.rules) : s.rules),
      openings: s.schedule ? nextOpenings(s.schedule as StationScheduleRule, now, 5) : [],
      photos: (photoIds ?? []).map((p) => ({
        id: p,
        url: `/api/v1/public/tenants/${encodeURIComponent(tenantId)}/deliberation-stations/${s.id}/photos/${p}`,
      })),
    }));
  }

  /** A photo of an active station, for the public page. */
  publicPhoto(tenantId: string, stationId: string, photoId: string): Promise<{ contentType: string; storageKey: string } | undefined> {
    return one(
      this.db,
      sql`SELECT p.content_type AS "contentType", p.storage_key AS "storageKey"
        FROM deliberation_station_photo p JOIN deliberation_station s ON s.tenant_id = p.tenant_id AND s.id = p.station_id
        WHERE p.tenant_id = ${tenantId} AND p.station_id = ${stationId}::uuid AND p.id = ${photoId}::uuid AND s.active`,
    );
  }
}
