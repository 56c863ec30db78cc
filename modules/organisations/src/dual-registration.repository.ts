import { CursorDate, inScope, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { type Static, Type } from 'typebox';
import type { DualRegistration } from './contract.ts';
import { dualRegistration } from './schema.ts';

export const DualRegistrationCursor = Type.Tuple([CursorDate, Uuid]);
export type DualRegistrationCursor = Static<typeof DualRegistrationCursor>;

/** SQL of dual registrations (双报到), scoped by the community they register with. */
export class DualRegistrationRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT d.id, d.community_id AS "communityId", c.name AS "communityName", d.organisation_id AS "organisationId",
        o.name AS "organisationName", d.resident_id AS "residentId", r.name AS "residentName",
        to_char(d.registered_on, 'YYYY-MM-DD') AS "registeredOn", d.services
      FROM dual_registration d
      JOIN ${territorySql.nodes('c')} ON c.tenant_id = d.tenant_id AND c.id = d.community_id
      LEFT JOIN organisation o ON o.tenant_id = d.tenant_id AND o.id = d.organisation_id
      LEFT JOIN resident r ON r.tenant_id = d.tenant_id AND r.id = d.resident_id
      WHERE d.tenant_id = ${tenantId} AND ${inScope(sql`c.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: { communityId?: string },
    page: { limit: number; after?: DualRegistrationCursor },
  ): Promise<{ items: DualRegistration[]; next: DualRegistrationCursor | null }> {
    const c: SQL[] = [];
    if (filter.communityId) c.push(sql`c.path <@ ${territorySql.pathOf(tenantId, filter.communityId)}`);
    if (page.after) c.push(sql`(to_char(d.registered_on, 'YYYY-MM-DD'), d.id) < (${page.after[0]}, ${page.after[1]}::uuid)`);
    const found = await rows<DualRegistration>(
      this.db,
      sql`${this.select(tenantId, scope, c)} ORDER BY to_char(d.registered_on, 'YYYY-MM-DD') DESC, d.id DESC LIMIT ${page.limit + 1}`,
    );
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [last.registeredOn, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<DualRegistration | undefined> {
    return one<DualRegistration>(this.db, this.select(tenantId, scope, [sql`d.id = ${id}`]));
  }

  async organisationExists(tenantId: string, id: string): Promise<boolean> {
    return (await one(this.db, sql`SELECT 1 AS x FROM organisation WHERE tenant_id = ${tenantId} AND id = ${id}`)) !== undefined;
  }

  /** Dual registration of people is for party members (在职党员); the flag is kept by the party module. */
  async residentIsPartyMember(tenantId: string, id: string): Promise<boolean> {
    const row = await one<{ member: boolean }>(
      this.db,
      sql`SELECT is_party_member AS member FROM resident WHERE tenant_id = ${tenantId} AND id = ${id}`,
    );
    return row?.member === true;
  }

  async alreadyRegistered(tenantId: string, communityId: string, registrantId: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM dual_registration WHERE tenant_id = ${tenantId} AND community_id = ${communityId}
          AND coalesce(organisation_id, resident_id) = ${registrantId}`,
    );
    return row !== undefined;
  }

  async insert(values: typeof dualRegistration.$inferInsert): Promise<void> {
    await this.db.insert(dualRegistration).values(values);
  }
}
