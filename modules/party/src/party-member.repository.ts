import { CursorText, inScope, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { type Static, Type } from 'typebox';
import type { PartyMember } from './contract.ts';
import { memberBelongsTo } from './party-org.repository.ts';
import { partyMember } from './schema.ts';

export interface MemberFilter {
  orgId?: string;
  nodeId?: string;
  inService?: boolean;
}

export const MemberCursor = Type.Tuple([CursorText, Uuid]);
export type MemberCursor = Static<typeof MemberCursor>;

/** SQL of party members; a member is visible where their organisation's territory node is in scope. */
export class PartyMemberRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT m.id, m.resident_id AS "residentId", r.name, m.party_org_id AS "orgId", o.name AS "orgName",
        to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn", m.status, m.in_service AS "inService"
      FROM party_member m
      JOIN party_org o ON o.tenant_id = m.tenant_id AND o.id = m.party_org_id
      JOIN ${territorySql.nodes('n')} ON n.tenant_id = o.tenant_id AND n.id = o.node_id
      JOIN resident r ON r.tenant_id = m.tenant_id AND r.id = m.resident_id
      WHERE m.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  private conditions(tenantId: string, filter: MemberFilter): SQL[] {
    const c: SQL[] = [];
    if (filter.orgId) {
      c.push(sql`EXISTS (SELECT 1 FROM party_org p JOIN ${territorySql.nodes('pn')} ON pn.tenant_id = p.tenant_id AND pn.id = p.node_id
        WHERE p.tenant_id = ${tenantId} AND p.id = ${filter.orgId}
          AND ${memberBelongsTo(sql.raw('o'), sql.raw('r'), sql.raw('p'), sql.raw('pn'))})`);
    }
    if (filter.nodeId) c.push(sql`n.path <@ ${territorySql.pathOf(tenantId, filter.nodeId)}`);
    if (filter.inService !== undefined) c.push(sql`m.in_service = ${filter.inService}`);
    return c;
  }

  /**
   * Members of the organisations in `scope`. Party membership is sensitive personal information:
   * when `residentScope` (the caller's people.sensitive scope) is given, only members whose
   * household lies in it are listed.
   */
  async list(
    tenantId: string,
    scope: string[],
    filter: MemberFilter,
    page: { limit: number; after?: MemberCursor },
    residentScope?: string[],
  ): Promise<{ items: PartyMember[]; next: MemberCursor | null }> {
    const c = this.conditions(tenantId, filter);
    if (residentScope) {
      c.push(sql`EXISTS (SELECT 1 FROM ${territorySql.nodes('hh')} WHERE hh.tenant_id = r.tenant_id AND hh.id = r.household_id
        AND ${inScope(sql`hh.path`, residentScope)})`);
    }
    if (page.after) c.push(sql`(r.name, m.id) > (${page.after[0]}, ${page.after[1]}::uuid)`);
    const found = await rows<PartyMember>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY r.name, m.id LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [last.name, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<PartyMember | undefined> {
    return one<PartyMember>(this.db, this.select(tenantId, scope, [sql`m.id = ${id}`]));
  }

  async isMember(tenantId: string, residentId: string): Promise<boolean> {
    return (
      (await one(this.db, sql`SELECT 1 AS x FROM party_member WHERE tenant_id = ${tenantId} AND resident_id = ${residentId}`)) !== undefined
    );
  }

  async insert(values: typeof partyMember.$inferInsert): Promise<void> {
    await this.db.insert(partyMember).values(values);
  }

  /**
   * Keeps the resident's party-member flag and 党员 tag in step with membership, in the same
   * transaction (the people module's lists filter on them).
   */
  async markResident(tenantId: string, residentId: string): Promise<void> {
    await this.db.execute(sql`UPDATE resident SET is_party_member = true,
        tags = CASE WHEN '党员' = ANY(tags) THEN tags ELSE array_append(tags, '党员') END, updated_at = now()
      WHERE tenant_id = ${tenantId} AND id = ${residentId}`);
  }
}
