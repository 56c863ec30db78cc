import { inScope, newId } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { Instructor } from './contract.ts';

export interface InstructorFilterValues {
  nodeId?: string;
  companyId?: string;
  active?: boolean;
  sort?: 'appointedOn' | '-appointedOn';
}

/** Serving on the day: appointed on or before it and not ended before it. */
const servingOn = (day: SQL) => sql`i.appointed_on <= ${day} AND (i.ended_on IS NULL OR i.ended_on >= ${day})`;
const today = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/** SQL of party-building instructors (党建指导员); one is visible where the place they serve is in scope. */
export class InstructorRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT i.id, i.name, i.unit, i.node_id AS "nodeId", n.name AS "nodeName", n.kind AS "nodeKind",
        CASE WHEN n.kind = 'community' THEN n.name ELSE c.name END AS "communityName",
        i.company_id AS "companyId", co.name AS "companyName",
        to_char(i.appointed_on, 'YYYY-MM-DD') AS "appointedOn", to_char(i.ended_on, 'YYYY-MM-DD') AS "endedOn"
      FROM property_instructor i
      JOIN ${territorySql.nodes('n')} ON n.tenant_id = i.tenant_id AND n.id = i.node_id
      LEFT JOIN ${territorySql.nodes('c')} ON c.tenant_id = n.tenant_id AND c.id = n.parent_id
      LEFT JOIN property_company co ON co.tenant_id = i.tenant_id AND co.id = i.company_id
      WHERE i.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: InstructorFilterValues,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Instructor[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    if (filter.companyId) c.push(sql`i.company_id = ${filter.companyId}::uuid`);
    if (filter.active === true) c.push(servingOn(today));
    if (filter.active === false) c.push(sql`NOT (${servingOn(today)})`);
    const desc = (filter.sort ?? '-appointedOn').startsWith('-');
    if (page.after) {
      c.push(
        desc
          ? sql`(i.appointed_on, i.id) < (${page.after[0]}::date, ${page.after[1]}::uuid)`
          : sql`(i.appointed_on, i.id) > (${page.after[0]}::date, ${page.after[1]}::uuid)`,
      );
    }
    const order = desc ? sql`i.appointed_on DESC, i.id DESC` : sql`i.appointed_on, i.id`;
    const found = await rows<Instructor>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [last.appointedOn, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<Instructor | undefined> {
    return one<Instructor>(this.db, this.select(tenantId, scope, [sql`i.id = ${id}::uuid`]));
  }

  /** Instructors serving today at places under the node (in scope): the reports' 党建指导员 figure. */
  async countServing(tenantId: string, scope: string[], nodeId?: string): Promise<number> {
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM property_instructor i JOIN ${territorySql.nodes('n')} ON n.tenant_id = i.tenant_id AND n.id = i.node_id
          WHERE i.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)} AND ${servingOn(today)}
          ${nodeId ? sql`AND ${territorySql.underNode(sql`n.path`, tenantId, nodeId)}` : sql``}`,
    );
    return Number(row?.n ?? 0);
  }

  async insert(
    tenantId: string,
    input: { name: string; unit: string | null; nodeId: string; companyId: string | null; appointedOn: string; by: string | null },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO property_instructor (tenant_id, id, name, unit, node_id, company_id, appointed_on, created_by)
      VALUES (${tenantId}, ${id}, ${input.name}, ${input.unit}, ${input.nodeId}, ${input.companyId}, ${input.appointedOn}::date, ${input.by})`);
    return id;
  }

  lock(tenantId: string, id: string, scope: string[]) {
    return one<{ id: string; appointedOn: string; endedOn: string | null }>(
      this.db,
      sql`SELECT i.id, to_char(i.appointed_on, 'YYYY-MM-DD') AS "appointedOn", to_char(i.ended_on, 'YYYY-MM-DD') AS "endedOn"
          FROM property_instructor i JOIN ${territorySql.nodes('n')} ON n.tenant_id = i.tenant_id AND n.id = i.node_id
          WHERE i.tenant_id = ${tenantId} AND i.id = ${id}::uuid AND ${inScope(sql`n.path`, scope)} FOR UPDATE OF i`,
    );
  }

  async end(tenantId: string, id: string, endedOn: string): Promise<void> {
    await this.db.execute(
      sql`UPDATE property_instructor SET ended_on = ${endedOn}::date WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`,
    );
  }
}
