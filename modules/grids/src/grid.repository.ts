import { CursorText, inScope, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { type Static, Type } from 'typebox';
import type { GridDetail, GridMember, GridSummary } from './contract.ts';
import { grid, gridBuilding, gridMember } from './schema.ts';

export interface GridFilter {
  communityId?: string;
  level?: 'grid' | 'micro_grid';
  parentId?: string;
  buildingId?: string;
  q?: string;
}

export const GridCursor = Type.Tuple([CursorText, Uuid]);
export type GridCursor = Static<typeof GridCursor>;

/** SQL of grids and their teams; a grid is visible where its community node is in the caller's scope. */
export class GridRepository {
  constructor(private readonly db: Db) {}

  /** Grids and micro-grids under the node (within the scope paths) and their members: the organisation network's figures. */
  async figures(
    tenantId: string,
    scope: string[],
    nodeId?: string,
  ): Promise<{ grids: number; microGrids: number; microGridMembers: number }> {
    const row = await one<{ grids: number; microGrids: number; microGridMembers: number }>(
      this.db,
      sql`SELECT count(*) FILTER (WHERE g.level = 'grid')::int AS grids, count(*) FILTER (WHERE g.level = 'micro_grid')::int AS "microGrids",
            coalesce(sum((SELECT count(*) FROM grid_member m WHERE m.tenant_id = g.tenant_id AND m.grid_id = g.id))
              FILTER (WHERE g.level = 'micro_grid'), 0)::int AS "microGridMembers"
          FROM grid g JOIN ${territorySql.nodes('c')} ON c.tenant_id = g.tenant_id AND c.id = g.community_id
          WHERE g.tenant_id = ${tenantId} AND ${inScope(sql`c.path`, scope)}
          ${
            nodeId
              ? sql`AND (${territorySql.underNode(sql`c.path`, tenantId, nodeId)} OR EXISTS (SELECT 1 FROM grid_building gb
            JOIN ${territorySql.nodes('b')} ON b.tenant_id = gb.tenant_id AND b.id = gb.building_id
            WHERE gb.tenant_id = g.tenant_id AND gb.grid_id = g.id AND ${territorySql.underNode(sql`b.path`, tenantId, nodeId)}))`
              : sql``
          }`,
    );
    return row ?? { grids: 0, microGrids: 0, microGridMembers: 0 };
  }

  /** Micro-grids covering buildings of a compound (by the compound's path), with their leader's name and member count. */
  microGridsOver(
    tenantId: string,
    compoundPath: string,
  ): Promise<{ id: string; name: string; leaderName: string | null; members: number }[]> {
    return rows(
      this.db,
      sql`SELECT g.id, g.name,
            (SELECT m.name FROM grid_member m WHERE m.tenant_id = g.tenant_id AND m.grid_id = g.id AND m.role = 'leader' ORDER BY m.created_at LIMIT 1) AS "leaderName",
            (SELECT count(*)::int FROM grid_member m WHERE m.tenant_id = g.tenant_id AND m.grid_id = g.id) AS members
          FROM grid g
          WHERE g.tenant_id = ${tenantId} AND g.level = 'micro_grid' AND EXISTS (SELECT 1 FROM grid_building gb
            JOIN ${territorySql.nodes('b')} ON b.tenant_id = gb.tenant_id AND b.id = gb.building_id
            WHERE gb.tenant_id = g.tenant_id AND gb.grid_id = g.id AND b.path <@ ${compoundPath}::ltree)
          ORDER BY g.name, g.id`,
    );
  }

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT g.id, g.name, g.level, g.code, g.parent_id AS "parentId", g.community_id AS "communityId", c.name AS "communityName",
        (SELECT count(*)::int FROM grid_building b WHERE b.tenant_id = g.tenant_id AND b.grid_id = g.id) AS "buildingCount",
        (SELECT count(*)::int FROM grid_member m WHERE m.tenant_id = g.tenant_id AND m.grid_id = g.id) AS "memberCount"
      FROM grid g JOIN ${territorySql.nodes('c')} ON c.tenant_id = g.tenant_id AND c.id = g.community_id
      WHERE g.tenant_id = ${tenantId} AND ${inScope(sql`c.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: GridFilter,
    page: { limit: number; after?: GridCursor },
  ): Promise<{ items: GridSummary[]; next: GridCursor | null }> {
    const c: SQL[] = [];
    if (filter.communityId) c.push(territorySql.underNode(sql`c.path`, tenantId, filter.communityId));
    if (filter.level) c.push(sql`g.level = ${filter.level}`);
    if (filter.parentId) c.push(sql`g.parent_id = ${filter.parentId}`);
    if (filter.buildingId)
      c.push(
        sql`EXISTS (SELECT 1 FROM grid_building gb WHERE gb.tenant_id = g.tenant_id AND gb.grid_id = g.id AND gb.building_id = ${filter.buildingId})`,
      );
    if (filter.q) c.push(sql`g.name ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    if (page.after) c.push(sql`(g.name, g.id) > (${page.after[0]}, ${page.after[1]}::uuid)`);
    const found = await rows<GridSummary>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY g.name, g.id LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [last.name, last.id] : null };
  }

  async findById(tenantId: string, id: string, scope: string[]): Promise<(GridDetail & { communityPath: string }) | undefined> {
    const summary = await one<GridSummary & { communityPath: string }>(
      this.db,
      sql`SELECT s.*, ${territorySql.pathOf(tenantId, sql`s."communityId"`)}::text AS "communityPath"
          FROM (${this.select(tenantId, scope, [sql`g.id = ${id}`])}) s`,
    );
    if (!summary) return undefined;
    const buildings = await rows<GridDetail['buildings'][number]>(
      this.db,
      sql`SELECT b.id, b.name, cp.name AS "compoundName"
          FROM grid_building gb
          JOIN ${territorySql.nodes('b')} ON b.tenant_id = gb.tenant_id AND b.id = gb.building_id
          LEFT JOIN ${territorySql.nodes('cp')} ON cp.tenant_id = b.tenant_id AND cp.id = b.parent_id
          WHERE gb.tenant_id = ${tenantId} AND gb.grid_id = ${id}
          ORDER BY cp.name, ${territorySql.naturalKey(sql`b.name`)}, b.name`,
    );
    const members = await rows<GridMember>(
      this.db,
      sql`SELECT id, role, name, account_id AS "accountId", resident_id AS "residentId" FROM grid_member
          WHERE tenant_id = ${tenantId} AND grid_id = ${id}
          ORDER BY CASE role WHEN 'leader' THEN 0 ELSE 1 END, created_at, id`,
    );
    return { ...summary, buildings, members };
  }

  /** Of the given ids, those that are buildings inside the node at `path`. */
  async buildingsUnder(tenantId: string, ids: string[], path: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await rows<{ id: string }>(
      this.db,
      sql`SELECT b.id FROM ${territorySql.nodes('b')} WHERE b.tenant_id = ${tenantId} AND b.kind = 'building' AND b.path <@ ${path}::ltree
          AND b.id IN (${sql.join(
            ids.map((i) => sql`${i}::uuid`),
            sql`, `,
          )})`,
    );
    return found.map((r) => r.id);
  }

  async buildingIdsOf(tenantId: string, gridId: string): Promise<string[]> {
    const found = await rows<{ id: string }>(
      this.db,
      sql`SELECT building_id AS id FROM grid_building WHERE tenant_id = ${tenantId} AND grid_id = ${gridId}`,
    );
    return found.map((r) => r.id);
  }

  async parentGrid(tenantId: string, id: string): Promise<{ id: string; level: string; communityId: string } | undefined> {
    return one(this.db, sql`SELECT id, level, community_id AS "communityId" FROM grid WHERE tenant_id = ${tenantId} AND id = ${id}`);
  }

  async nameTaken(tenantId: string, communityId: string, name: string): Promise<boolean> {
    return (
      (await one(
        this.db,
        sql`SELECT 1 AS x FROM grid WHERE tenant_id = ${tenantId} AND community_id = ${communityId} AND name = ${name}`,
      )) !== undefined
    );
  }

  /** An active staff account of the tenant. */
  async accountName(tenantId: string, accountId: string): Promise<string | undefined> {
    const row = await one<{ name: string }>(
      this.db,
      sql`SELECT display_name AS name FROM account WHERE id = ${accountId} AND tenant_id = ${tenantId} AND status = 'active'`,
    );
    return row?.name;
  }

  /** True when the resident lives (not moved out) inside the node at `path`. */
  async residentLivesUnder(tenantId: string, residentId: string, path: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM resident r JOIN ${territorySql.nodes('h')} ON h.tenant_id = r.tenant_id AND h.id = r.household_id
          WHERE r.tenant_id = ${tenantId} AND r.id = ${residentId} AND r.moved_out_at IS NULL AND h.path <@ ${path}::ltree`,
    );
    return row !== undefined;
  }

  async hasLeader(tenantId: string, gridId: string): Promise<boolean> {
    return (
      (await one(
        this.db,
        sql`SELECT 1 AS x FROM grid_member WHERE tenant_id = ${tenantId} AND grid_id = ${gridId} AND role = 'leader'`,
      )) !== undefined
    );
  }

  async insert(values: typeof grid.$inferInsert, buildingIds: string[]): Promise<void> {
    await this.db.insert(grid).values(values);
    if (buildingIds.length > 0) {
      await this.db
        .insert(gridBuilding)
        .values(buildingIds.map((buildingId) => ({ tenantId: values.tenantId, gridId: values.id, buildingId })));
    }
  }

  async insertMember(values: typeof gridMember.$inferInsert): Promise<void> {
    await this.db.insert(gridMember).values(values);
  }

  async findMember(tenantId: string, gridId: string, memberId: string): Promise<GridMember | undefined> {
    return one<GridMember>(
      this.db,
      sql`SELECT id, role, name, account_id AS "accountId", resident_id AS "residentId" FROM grid_member
          WHERE tenant_id = ${tenantId} AND grid_id = ${gridId} AND id = ${memberId}`,
    );
  }

  async removeMember(tenantId: string, gridId: string, memberId: string): Promise<void> {
    await this.db.execute(sql`DELETE FROM grid_member WHERE tenant_id = ${tenantId} AND grid_id = ${gridId} AND id = ${memberId}`);
  }
}
