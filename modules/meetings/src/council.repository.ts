import { CursorText, CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Council, CouncilSeat } from './contract.ts';
import type { CouncilKind, CouncilLevel, SeatRole } from './rules.ts';

export interface CouncilFilter {
  nodeId?: string;
  level?: CouncilLevel;
  q?: string;
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt';
}

export const CouncilNameCursor = Type.Tuple([CursorText, Uuid]);
export const CouncilTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const councilCursorFor = (sort: string | undefined) => (sort?.endsWith('name') ? CouncilNameCursor : CouncilTimeCursor);

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** SQL of councils and their seats; a council is visible where its place is in the caller's scope. */
export class CouncilRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT c.id, c.node_id AS "nodeId", n.name AS "nodeName", c.level, c.kind, c.name,
        c.min_members AS "minMembers", c.max_members AS "maxMembers", c.quorum_percent AS "quorumPercent",
        c.term_start::text AS "termStart", c.term_end::text AS "termEnd", c.active,
        (SELECT count(*)::int FROM council_seat s WHERE s.tenant_id = c.tenant_id AND s.council_id = c.id AND s.ended_at IS NULL) AS members,
        ${iso(sql`c.created_at`)} AS "createdAt"
      FROM council c JOIN ${territorySql.nodes('n')} ON n.tenant_id = c.tenant_id AND n.id = c.node_id
      WHERE c.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: CouncilFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Council[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    if (filter.level) c.push(sql`c.level = ${filter.level}`);
    if (filter.q) c.push(sql`c.name ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    const sort = filter.sort ?? '-createdAt';
    const byName = sort.endsWith('name');
    const desc = sort.startsWith('-');
    const key = byName ? sql`c.name` : sql`c.created_at`;
    if (page.after) {
      const value = byName ? sql`${page.after[0]}` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, c.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, c.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, c.id DESC` : sql`${key}, c.id`;
    const found = await rows<Council>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [byName ? last.name : last.createdAt, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<Council | undefined> {
    return one<Council>(this.db, this.select(tenantId, scope, [sql`c.id = ${id}::uuid`]));
  }

  /** The council locked for a change of its seats (serialises two seats added at once to a nearly full council). */
  async lock(tenantId: string, id: string): Promise<void> {
    await this.db.execute(sql`SELECT id FROM council WHERE tenant_id = ${tenantId} AND id = ${id}::uuid FOR UPDATE`);
  }

  /**
   * The seats held now. Party membership is shown only where the caller may see it
   * (`sensitiveScope`, the people.sensitive scope): elsewhere the column is not selected.
   */
  seats(tenantId: string, councilId: string, sensitiveScope: string[]): Promise<(CouncilSeat & { showParty: boolean })[]> {
    return rows(
      this.db,
      sql`SELECT s.id, s.role, s.name, s.resident_id AS "residentId", s.party_org_id AS "partyOrgId", po.name AS "partyOrgName",
          s.organisation_id AS "organisationId", o.name AS "organisationName", s.department_id AS "departmentId", d.name AS "departmentName",
          s.term_start::text AS "termStart", s.term_end::text AS "termEnd",
          (r.id IS NOT NULL AND ${inScope(sql`h.path`, sensitiveScope)}) AS "showParty",
          CASE WHEN r.id IS NOT NULL AND ${inScope(sql`h.path`, sensitiveScope)} THEN r.is_party_member END AS "isPartyMember"
        FROM council_seat s
        LEFT JOIN resident r ON r.tenant_id = s.tenant_id AND r.id = s.resident_id
        LEFT JOIN ${territorySql.nodes('h')} ON h.tenant_id = r.tenant_id AND h.id = r.household_id
        LEFT JOIN party_org po ON po.tenant_id = s.tenant_id AND po.id = s.party_org_id
        LEFT JOIN organisation o ON o.tenant_id = s.tenant_id AND o.id = s.organisation_id
        LEFT JOIN department d ON d.tenant_id = s.tenant_id AND d.id = s.department_id
        WHERE s.tenant_id = ${tenantId} AND s.council_id = ${councilId}::uuid AND s.ended_at IS NULL
        ORDER BY array_position(ARRAY['party_branch','owners_committee','property_company','street_committee','department',
          'representative','elder','resident_group_leader','member']::text[], s.role), s.created_at, s.id`,
    );
  }

  async insert(
    tenantId: string,
    input: {
      nodeId: string;
      level: CouncilLevel;
      kind: CouncilKind;
      name: string;
      minMembers: number | null;
      maxMembers: number | null;
      quorumPercent: number;
      termStart?: string;
      termEnd?: string;
      createdBy?: string;
    },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO council (tenant_id, id, node_id, level, kind, name, min_members, max_members, quorum_percent,
        term_start, term_end, created_by)
      VALUES (${tenantId}, ${id}, ${input.nodeId}, ${input.level}, ${input.kind}, ${input.name}, ${input.minMembers}, ${input.maxMembers},
        ${input.quorumPercent}, ${input.termStart ?? null}::date, ${input.termEnd ?? null}::date, ${input.createdBy ?? null})`);
    return id;
  }

  async update(
    tenantId: string,
    id: string,
    changes: { name?: string; quorumPercent?: number; termStart?: string | null; termEnd?: string | null; active?: boolean },
  ): Promise<void> {
    const sets: SQL[] = [];
    if (changes.name !== undefined) sets.push(sql`name = ${changes.name}`);
    if (changes.quorumPercent !== undefined) sets.push(sql`quorum_percent = ${changes.quorumPercent}`);
    if (changes.termStart !== undefined) sets.push(sql`term_start = ${changes.termStart}::date`);
    if (changes.termEnd !== undefined) sets.push(sql`term_end = ${changes.termEnd}::date`);
    if (changes.active !== undefined) sets.push(sql`active = ${changes.active}`);
    if (sets.length === 0) return;
    await this.db.execute(sql`UPDATE council SET ${sql.join(sets, sql`, `)} WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }

  async residentName(tenantId: string, residentId: string): Promise<{ name: string; householdId: string } | undefined> {
    return one(
      this.db,
      sql`SELECT name, household_id AS "householdId" FROM resident WHERE tenant_id = ${tenantId} AND id = ${residentId}::uuid`,
    );
  }

  async seatHeld(tenantId: string, councilId: string, residentId: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM council_seat WHERE tenant_id = ${tenantId} AND council_id = ${councilId}::uuid
          AND resident_id = ${residentId}::uuid AND ended_at IS NULL`,
    );
    return row !== undefined;
  }

  async insertSeat(
    tenantId: string,
    councilId: string,
    input: {
      role: SeatRole;
      name: string;
      residentId?: string;
      partyOrgId?: string;
      organisationId?: string;
      departmentId?: string;
      termStart?: string;
      termEnd?: string;
    },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO council_seat (tenant_id, id, council_id, role, name, resident_id, party_org_id, organisation_id,
        department_id, term_start, term_end)
      VALUES (${tenantId}, ${id}, ${councilId}, ${input.role}, ${input.name}, ${input.residentId ?? null}, ${input.partyOrgId ?? null},
        ${input.organisationId ?? null}, ${input.departmentId ?? null}, ${input.termStart ?? null}::date, ${input.termEnd ?? null}::date)`);
    return id;
  }

  /** Ends a seat held now; false when there is none with this id on the council. */
  async endSeat(tenantId: string, councilId: string, seatId: string): Promise<boolean> {
    const ended = await rows(
      this.db,
      sql`UPDATE council_seat SET ended_at = now() WHERE tenant_id = ${tenantId} AND council_id = ${councilId}::uuid
          AND id = ${seatId}::uuid AND ended_at IS NULL RETURNING id`,
    );
    return ended.length > 0;
  }
}
