import { CursorText, inScope, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { type Static, Type } from 'typebox';
import type { Organisation } from './contract.ts';
import { type OrganisationKind, organisation, propertyService } from './schema.ts';

export interface OrganisationFilter {
  nodeId?: string;
  kind?: OrganisationKind;
  q?: string;
}

export const OrganisationCursor = Type.Tuple([CursorText, Uuid]);
export type OrganisationCursor = Static<typeof OrganisationCursor>;

/**
 * SQL of registered organisations. An organisation is visible where it is registered or where it
 * serves a compound (a county-wide property company shows up in each community it serves).
 */
export class OrganisationRepository {
  constructor(private readonly db: Db) {}

  /** Organisations registered or serving inside `paths` (a scope, or one node's path). */
  private within(paths: SQL): SQL {
    return sql`(n.path <@ ${paths} OR EXISTS (
      SELECT 1 FROM property_service ps JOIN ${territorySql.nodes('c')} ON c.tenant_id = ps.tenant_id AND c.id = ps.compound_id
      WHERE ps.tenant_id = o.tenant_id AND ps.organisation_id = o.id AND c.path <@ ${paths}))`;
  }

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    const scopeArray = scope.length
      ? sql`ARRAY[${sql.join(
          scope.map((p) => sql`${p}`),
          sql`, `,
        )}]::ltree[]`
      : undefined;
    return sql`SELECT o.id, o.kind, o.name, o.node_id AS "nodeId", n.name AS "nodeName", o.credit_code AS "creditCode",
        o.state_owned AS "stateOwned", o.contact_name AS "contactName", o.phone_masked AS phone,
        coalesce((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'since', ps.since) ORDER BY c.name)
                  FROM property_service ps JOIN ${territorySql.nodes('c')} ON c.tenant_id = ps.tenant_id AND c.id = ps.compound_id
                  WHERE ps.tenant_id = o.tenant_id AND ps.organisation_id = o.id), '[]'::json) AS "servedCompounds"
      FROM organisation o JOIN ${territorySql.nodes('n')} ON n.tenant_id = o.tenant_id AND n.id = o.node_id
      WHERE o.tenant_id = ${tenantId} AND ${scopeArray ? this.within(scopeArray) : sql`false`}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: OrganisationFilter,
    page: { limit: number; after?: OrganisationCursor },
  ): Promise<{ items: Organisation[]; next: OrganisationCursor | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(this.within(sql`${territorySql.pathOf(tenantId, filter.nodeId)}`));
    if (filter.kind) c.push(sql`o.kind = ${filter.kind}`);
    if (filter.q) c.push(sql`o.name ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    if (page.after) c.push(sql`(o.name, o.id) > (${page.after[0]}, ${page.after[1]}::uuid)`);
    const found = await rows<Organisation>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY o.name, o.id LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [last.name, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<Organisation | undefined> {
    return one<Organisation>(this.db, this.select(tenantId, scope, [sql`o.id = ${id}`]));
  }

  /** Of the given ids, those that are compounds inside `scope`. */
  async compoundsIn(tenantId: string, ids: string[], scope: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await rows<{ id: string }>(
      this.db,
      sql`SELECT c.id FROM ${territorySql.nodes('c')} WHERE c.tenant_id = ${tenantId} AND c.kind = 'compound' AND ${inScope(sql`c.path`, scope)}
          AND c.id IN (${sql.join(
            ids.map((i) => sql`${i}::uuid`),
            sql`, `,
          )})`,
    );
    return found.map((r) => r.id);
  }

  /** Registered organisations at places under the node (within the scope paths), by kind. */
  async countByKind(tenantId: string, scope: string[], nodeId?: string): Promise<Record<string, number>> {
    const found = await rows<{ kind: string; n: number }>(
      this.db,
      sql`SELECT o.kind, count(*)::int AS n FROM organisation o JOIN ${territorySql.nodes('n')} ON n.tenant_id = o.tenant_id AND n.id = o.node_id
          WHERE o.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
          ${nodeId ? sql`AND ${territorySql.underNode(sql`n.path`, tenantId, nodeId)}` : sql``}
          GROUP BY o.kind`,
    );
    return Object.fromEntries(found.map((f) => [f.kind, f.n]));
  }

  async nameTaken(tenantId: string, nodeId: string, kind: string, name: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM organisation WHERE tenant_id = ${tenantId} AND node_id = ${nodeId} AND kind = ${kind} AND name = ${name}`,
    );
    return row !== undefined;
  }

  async insert(values: typeof organisation.$inferInsert, servedCompoundIds: string[]): Promise<void> {
    await this.db.insert(organisation).values(values);
    if (servedCompoundIds.length > 0) {
      await this.db
        .insert(propertyService)
        .values(servedCompoundIds.map((compoundId) => ({ tenantId: values.tenantId, compoundId, organisationId: values.id })));
    }
  }
}
