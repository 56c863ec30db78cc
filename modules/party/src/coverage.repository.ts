import { inScope } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territory, territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';

export interface CoverageCounts {
  compounds: number;
  compoundsWithBranch: number;
  buildings: number;
  buildingsWithGroup: number;
  memberHouseholds: number;
}

export interface CompoundGap {
  id: string;
  name: string;
  communityName: string | null;
}

export interface BuildingGap {
  id: string;
  name: string;
  compoundName: string | null;
}

/**
 * "One branch per compound" (支部建在小区上): how many compounds have a compound branch, how many
 * buildings a building group, how many households are member households — over a territory subtree
 * intersected with the caller's scope, each figure one aggregate or anti-join (NOT EXISTS) in SQL.
 */
export class CoverageRepository {
  constructor(private readonly db: Db) {}

  /** Nodes of `alias` inside the caller's scope and, when given, under the node `rootPath`. */
  private within(alias: SQL, tenantId: string, scope: string[], rootPath: string | undefined): SQL {
    return sql`${alias}.tenant_id = ${tenantId} AND ${inScope(sql`${alias}.path`, scope)}
      ${rootPath ? sql`AND ${alias}.path <@ ${rootPath}::ltree` : sql``}`;
  }

  private hasOrg(alias: SQL, kind: string): SQL {
    return sql`EXISTS (SELECT 1 FROM party_org o WHERE o.tenant_id = ${alias}.tenant_id AND o.node_id = ${alias}.id AND o.kind = ${kind})`;
  }

  async counts(tenantId: string, scope: string[], rootPath?: string): Promise<CoverageCounts> {
    const t = sql.raw('t');
    const w = this.within(t, tenantId, scope, rootPath);
    const row = await one<CoverageCounts>(
      this.db,
      sql`SELECT
          count(*) FILTER (WHERE t.kind = 'compound')::int AS compounds,
          count(*) FILTER (WHERE t.kind = 'compound' AND ${this.hasOrg(t, 'compound_branch')})::int AS "compoundsWithBranch",
          count(*) FILTER (WHERE t.kind = 'building')::int AS buildings,
          count(*) FILTER (WHERE t.kind = 'building' AND ${this.hasOrg(t, 'building_group')})::int AS "buildingsWithGroup",
          (SELECT count(DISTINCT o.node_id)::int FROM party_org o JOIN ${territorySql.nodes('t')} ON t.tenant_id = o.tenant_id AND t.id = o.node_id
            WHERE o.tenant_id = ${tenantId} AND o.kind = 'member_household' AND ${w}) AS "memberHouseholds"
        FROM ${territorySql.nodes('t')}
        WHERE t.kind IN ('compound', 'building') AND ${w}`,
    );
    return row ?? { compounds: 0, compoundsWithBranch: 0, buildings: 0, buildingsWithGroup: 0, memberHouseholds: 0 };
  }

  compoundsWithoutBranch(tenantId: string, scope: string[], rootPath: string | undefined, limit: number): Promise<CompoundGap[]> {
    const c = sql.raw('c');
    return rows<CompoundGap>(
      this.db,
      sql`SELECT c.id, c.name, cm.name AS "communityName"
          FROM ${territorySql.nodes('c')}
          LEFT JOIN ${territorySql.nodes('cm')} ON cm.tenant_id = c.tenant_id AND cm.id = c.parent_id AND cm.kind = 'community'
          WHERE c.kind = 'compound' AND ${this.within(c, tenantId, scope, rootPath)} AND NOT ${this.hasOrg(c, 'compound_branch')}
          ORDER BY cm.name, c.name, c.id
          LIMIT ${limit}`,
    );
  }

  buildingsWithoutGroup(tenantId: string, scope: string[], rootPath: string | undefined, limit: number): Promise<BuildingGap[]> {
    const b = sql.raw('b');
    return rows<BuildingGap>(
      this.db,
      sql`SELECT b.id, b.name, cp.name AS "compoundName"
          FROM ${territorySql.nodes('b')}
          LEFT JOIN ${territorySql.nodes('cp')} ON cp.tenant_id = b.tenant_id AND cp.id = b.parent_id AND cp.kind = 'compound'
          WHERE b.kind = 'building' AND ${this.within(b, tenantId, scope, rootPath)} AND NOT ${this.hasOrg(b, 'building_group')}
          ORDER BY cp.name, ${territorySql.naturalKey(sql`b.name`)}, b.name, b.id
          LIMIT ${limit}`,
    );
  }

  async findNodePath(tenantId: string, id: string): Promise<{ path: string } | undefined> {
    const path = await territory.pathOf(this.db, tenantId, id);
    return path === undefined ? undefined : { path };
  }
}
