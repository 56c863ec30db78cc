import { CursorDate, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Attendee, Training, TrainingDetail } from './contract.ts';
import type { PersonView } from './election.repository.ts';

export const TrainingCursor = Type.Tuple([CursorDate, Uuid]);

/** SQL of training batches and attendance; a batch is visible where its place is in the caller's scope. */
export class TrainingRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT t.id, t.node_id AS "nodeId", n.name AS "nodeName", t.title, to_char(t.held_on, 'YYYY-MM-DD') AS "heldOn",
        t.place_text AS "placeText",
        (SELECT count(*)::int FROM owners_committee_attendance a WHERE a.tenant_id = t.tenant_id AND a.training_id = t.id) AS attendees,
        to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"
      FROM owners_committee_training t JOIN ${territorySql.nodes('n')} ON n.tenant_id = t.tenant_id AND n.id = t.node_id
      WHERE t.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: { nodeId?: string; q?: string },
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Training[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    if (filter.q) c.push(sql`t.title ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    if (page.after) c.push(sql`(t.held_on, t.id) < (${page.after[0]}::date, ${page.after[1]}::uuid)`);
    const found = await rows<Training>(
      this.db,
      sql`${this.select(tenantId, scope, c)} ORDER BY t.held_on DESC, t.id DESC LIMIT ${page.limit + 1}`,
    );
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [last.heldOn, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<Training | undefined> {
    return one<Training>(this.db, this.select(tenantId, scope, [sql`t.id = ${id}`]));
  }

  async detail(tenantId: string, id: string, scope: string[], view: PersonView): Promise<TrainingDetail | undefined> {
    const t = await this.findById(tenantId, id, scope);
    if (!t) return undefined;
    const attendeeList = await rows<Attendee>(
      this.db,
      sql`SELECT m.id AS "memberId",
            CASE WHEN ${inScope(sql`hh.path`, view.roster)} THEN r.name
                 ELSE left(r.name, 1) || repeat('*', GREATEST(1, char_length(r.name) - 1)) END AS name,
            c.id AS "committeeId", c.name AS "committeeName", cp.name AS "compoundName", m.position
          FROM owners_committee_attendance a
          JOIN owners_committee_member m ON m.tenant_id = a.tenant_id AND m.id = a.member_id
          JOIN owners_committee c ON c.tenant_id = m.tenant_id AND c.id = m.committee_id
          JOIN ${territorySql.nodes('cp')} ON cp.tenant_id = c.tenant_id AND cp.id = c.compound_id
          JOIN resident r ON r.tenant_id = m.tenant_id AND r.id = m.resident_id
          LEFT JOIN ${territorySql.nodes('hh')} ON hh.tenant_id = r.tenant_id AND hh.id = r.household_id
          WHERE a.tenant_id = ${tenantId} AND a.training_id = ${id} AND ${inScope(sql`cp.path`, view.scope ?? scope)}
          ORDER BY cp.name, c.id, array_position(ARRAY['chair', 'vice_chair', 'member'], m.position), m.id`,
    );
    return { ...t, attendeeList };
  }

  lock(tenantId: string, id: string, scope: string[]) {
    return one<{ id: string; path: string }>(
      this.db,
      sql`SELECT t.id, n.path::text AS path FROM owners_committee_training t
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = t.tenant_id AND n.id = t.node_id
          WHERE t.tenant_id = ${tenantId} AND t.id = ${id} AND ${inScope(sql`n.path`, scope)} FOR UPDATE OF t`,
    );
  }

  async insert(
    tenantId: string,
    v: { nodeId: string; title: string; heldOn: string; placeText: string | null; createdBy: string },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO owners_committee_training (tenant_id, id, node_id, title, held_on, place_text, created_by)
      VALUES (${tenantId}, ${id}, ${v.nodeId}, ${v.title}, ${v.heldOn}::date, ${v.placeText}, ${v.createdBy})`);
    return id;
  }

  /** Of the given member ids, those of committees whose compound lies under `path` and in `scope`. */
  async membersUnder(tenantId: string, memberIds: string[], path: string, scope: string[]): Promise<string[]> {
    const found = await rows<{ id: string }>(
      this.db,
      sql`SELECT m.id FROM owners_committee_member m
          JOIN owners_committee c ON c.tenant_id = m.tenant_id AND c.id = m.committee_id
          JOIN ${territorySql.nodes('cp')} ON cp.tenant_id = c.tenant_id AND cp.id = c.compound_id
          WHERE m.tenant_id = ${tenantId} AND m.id IN (${sql.join(
            memberIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) AND cp.path <@ ${path}::ltree AND ${inScope(sql`cp.path`, scope)}`,
    );
    return found.map((r) => r.id);
  }

  async addAttendance(tenantId: string, trainingId: string, memberIds: string[]): Promise<number> {
    const before = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM owners_committee_attendance WHERE tenant_id = ${tenantId} AND training_id = ${trainingId}`,
    );
    await this.db.execute(sql`INSERT INTO owners_committee_attendance (tenant_id, training_id, member_id)
      SELECT ${tenantId}, ${trainingId}, m FROM unnest(${`{${memberIds.join(',')}}`}::uuid[]) AS m ON CONFLICT DO NOTHING`);
    const after = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM owners_committee_attendance WHERE tenant_id = ${tenantId} AND training_id = ${trainingId}`,
    );
    return (after?.n ?? 0) - (before?.n ?? 0);
  }
}
