import { inScope, type ReferenceKind } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { NodeKind } from './contract.ts';

// What other modules may know of the territory. They never name its tables: a read goes through
// `territory` (one query each), a join or filter inside their own SQL through `territorySql`, so a
// scope check stays in the same statement. A node source built by `territorySql.nodes(alias)`
// offers these columns only: tenant_id, id, parent_id, kind, subkind, name, code, path (ltree of
// node ids, county first), depth (the county is 0), floor_area (建筑面积 in m² of a household, or null).

/** A node as other modules see it. */
export interface TerritoryRef {
  id: string;
  kind: NodeKind;
  name: string;
  /** ltree of node ids (hex without dashes), from the county down to the node itself. */
  path: string;
}

const refColumns = sql`id, kind, name, path::text AS path`;

/** The territory's reads for other modules. Every read carries the tenant; none widens a scope. */
export const territory = {
  /** A node of the tenant, or undefined (also for another tenant's id). No scope: the caller checks its own. */
  node(db: Db, tenantId: string, id: string): Promise<TerritoryRef | undefined> {
    return one<TerritoryRef>(db, sql`SELECT ${refColumns} FROM territory_node WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  },

  /** The county: the root of the tenant's tree, or undefined before its divisions are imported. */
  countyRoot(db: Db, tenantId: string): Promise<TerritoryRef | undefined> {
    return one<TerritoryRef>(
      db,
      sql`SELECT ${refColumns} FROM territory_node WHERE tenant_id = ${tenantId} AND kind = 'county' AND parent_id IS NULL`,
    );
  },

  /** How many nodes the tenant's tree has. */
  async nodeCount(db: Db, tenantId: string): Promise<number> {
    const row = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM territory_node WHERE tenant_id = ${tenantId}`);
    return Number(row?.n ?? 0);
  },

  /** A node of the tenant inside `scope` (ltree paths), or undefined. */
  nodeInScope(db: Db, tenantId: string, id: string, scope: string[]): Promise<TerritoryRef | undefined> {
    return one<TerritoryRef>(
      db,
      sql`SELECT ${refColumns} FROM territory_node WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND ${inScope(sql`path`, scope)}`,
    );
  },

  /** The ltree path of a node, or undefined. */
  async pathOf(db: Db, tenantId: string, id: string): Promise<string | undefined> {
    return (await territory.node(db, tenantId, id))?.path;
  },

  /** The node of `kind` on the path from the county down to `path` (the node at `path` included). */
  ancestorOfKind(db: Db, tenantId: string, path: string, kind: NodeKind): Promise<TerritoryRef | undefined> {
    return one<TerritoryRef>(
      db,
      sql`SELECT ${refColumns} FROM territory_node
          WHERE tenant_id = ${tenantId} AND path @> ${path}::ltree AND kind = ${kind} ORDER BY depth DESC LIMIT 1`,
    );
  },

  /** The nodes on the path, county first, the node at `path` last. */
  pathNodes(db: Db, tenantId: string, path: string): Promise<TerritoryRef[]> {
    return rows<TerritoryRef>(
      db,
      sql`SELECT ${refColumns} FROM territory_node WHERE tenant_id = ${tenantId} AND path @> ${path}::ltree ORDER BY depth`,
    );
  },

  /** The names on the path, county first (e.g. ["某县", "城关街道", "幸福社区"]). */
  async namesOnPath(db: Db, tenantId: string, path: string): Promise<string[]> {
    return (await territory.pathNodes(db, tenantId, path)).map((n) => n.name);
  },

  /** Whether node `id` lies in the subtree at `rootPath` (the root itself included). */
  async inSubtree(db: Db, tenantId: string, id: string, rootPath: string): Promise<boolean> {
    const row = await one<{ ok: boolean }>(
      db,
      sql`SELECT true AS ok FROM territory_node WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND path <@ ${rootPath}::ltree`,
    );
    return row !== undefined;
  },

  /** The ids of the nodes of `kind` in `scope`, optionally only below `rootPath` too. */
  async idsOfKind(db: Db, tenantId: string, kind: NodeKind, scope: string[], rootPath?: string): Promise<string[]> {
    const found = await rows<{ id: string }>(
      db,
      sql`SELECT id FROM territory_node WHERE tenant_id = ${tenantId} AND kind = ${kind} AND ${inScope(sql`path`, scope)}
          ${rootPath ? sql`AND path <@ ${rootPath}::ltree` : sql``}`,
    );
    return found.map((r) => r.id);
  },
};

/**
 * SQL fragments for a module that joins or filters on the territory in its own statement. The
 * aliases and columns are the caller's; the table name is territory's.
 *
 *   FROM grid g JOIN ${territorySql.nodes('c')} ON c.tenant_id = g.tenant_id AND c.id = g.community_id
 *   WHERE ${territorySql.inSubtree(sql`c.path`, scope)}
 */
export const territorySql = {
  /** A node source under `alias` for FROM, JOIN or USING (the columns listed at the top of this file). */
  nodes(alias: string): SQL {
    if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
    return sql.raw(`territory_node ${alias}`);
  },

  /** `path` lies in the scope (ltree paths): `(path <@ $1 OR …)`, FALSE for an empty scope. */
  inSubtree(path: SQLWrapper, scope: string[]): SQL {
    return inScope(path, scope);
  },

  /** The ltree path of the node `nodeId` (a column or a value) of tenant `tenantId`, as a scalar subquery. */
  pathOf(tenantId: SQLWrapper | string, nodeId: SQLWrapper | string): SQL {
    return sql`(SELECT tp.path FROM territory_node tp WHERE tp.tenant_id = ${tenantId} AND tp.id = ${uuid(nodeId)})`;
  },

  /** `path` lies below (or at) the node `nodeId` of the tenant. */
  underNode(path: SQLWrapper, tenantId: SQLWrapper | string, nodeId: SQLWrapper | string): SQL {
    return sql`${path} <@ ${territorySql.pathOf(tenantId, nodeId)}`;
  },

  /** The node `nodeId` of the tenant lies in the scope (an EXISTS, so it can stand anywhere in a WHERE). */
  nodeInScope(tenantId: SQLWrapper | string, nodeId: SQLWrapper | string, scope: string[]): SQL {
    return sql`EXISTS (SELECT 1 FROM territory_node ts WHERE ts.tenant_id = ${tenantId} AND ts.id = ${uuid(nodeId)}
                AND ${inScope(sql`ts.path`, scope)})`;
  },

  /** The names on `path` (an ltree column or value), county first, as a text[] expression. */
  namesOnPath(tenantId: SQLWrapper | string, path: SQLWrapper): SQL {
    return sql`ARRAY(SELECT tn.name FROM territory_node tn WHERE tn.tenant_id = ${tenantId} AND tn.path @> ${path} ORDER BY tn.depth)`;
  },

  /**
   * A text key that orders node names naturally: by the first run of digits as a number (1号楼,
   * 2号楼 … 10号楼; 1单元 before 10单元; room 101 before 1001), names without digits last. Sort by
   * it, then by the name itself: `ORDER BY ${territorySql.naturalKey(sql`b.name`)}, b.name`.
   */
  naturalKey(name: SQLWrapper): SQL {
    return naturalKey(name);
  },

  /**
   * A text[] key that orders nodes as a tree walked in natural order: the natural key and name of
   * every node on `path` (an ltree column or value), county first. Siblings sort 1号楼 … 10号楼,
   * and each node's subtree follows it.
   */
  naturalPathKey(tenantId: SQLWrapper | string, path: SQLWrapper): SQL {
    return sql`ARRAY(SELECT ${naturalKey(sql`tk.name`)} || tk.name FROM territory_node tk
      WHERE tk.tenant_id = ${tenantId} AND tk.path @> ${path} ORDER BY tk.depth)`;
  },

  /** The name of the node `nodeId`, as a scalar subquery. */
  nameOf(tenantId: SQLWrapper | string, nodeId: SQLWrapper | string): SQL {
    return sql`(SELECT tn.name FROM territory_node tn WHERE tn.tenant_id = ${tenantId} AND tn.id = ${uuid(nodeId)})`;
  },
};

/**
 * The natural sort key of a name (see territorySql.naturalKey): '0' and the first digit run padded
 * to 20 digits, or '1' when the name has none. Plain text, so it compares the same under every
 * collation and travels in a keyset cursor like any text column.
 */
export function naturalKey(name: SQLWrapper): SQL {
  return sql`(CASE WHEN ${name} ~ '[0-9]' THEN '0' || lpad(substring(${name} from '[0-9]+'), 20, '0') ELSE '1' END)`;
}

function uuid(value: SQLWrapper | string): SQLWrapper {
  return typeof value === 'string' ? sql`${value}::uuid` : value;
}

/** A place (any territory node) named by id in a request (requireReferences): in scope where its path is. */
export const placeReference: ReferenceKind = {
  name: 'place',
  noun: 'Place',
  from: sql`territory_node x`,
  path: sql`x.path`,
};
