import { type Actor, newId, type RequestContext, type Role } from '@linli/core';
import { type Db, ltreeLabel, one, rows } from '@linli/db';
import { sql } from 'drizzle-orm';
import { kindDepth, type NodeKind } from './contract.ts';

// Test factories of the territory module, for this module's tests and other modules'. They write
// rows directly (no audit, no scope checks): they set up a world, they do not exercise commands.

export interface TestNode {
  id: string;
  path: string;
  tenantId: string;
  kind: NodeKind;
  name: string;
  parentId: string | null;
}

export async function createTenant(db: Db, input: { tenantId: string; name: string }): Promise<void> {
  await db.execute(sql`INSERT INTO tenant (tenant_id, name) VALUES (${input.tenantId}, ${input.name}) ON CONFLICT DO NOTHING`);
}

/** Inserts a node; the county has parentId null. The path is the parent's path + the new id. */
export async function createNode(
  db: Db,
  input: { tenantId: string; parentId: string | null; kind: NodeKind; name: string; code?: string },
): Promise<TestNode> {
  const id = newId();
  let path = ltreeLabel(id);
  if (input.parentId) {
    const parent = await one<{ path: string }>(
      db,
      sql`SELECT path::text AS path FROM territory_node WHERE tenant_id = ${input.tenantId} AND id = ${input.parentId}::uuid`,
    );
    if (!parent) throw new Error(`parent ${input.parentId} not found in tenant ${input.tenantId}`);
    path = `${parent.path}.${path}`;
  }
  await db.execute(sql`INSERT INTO territory_node (tenant_id, id, parent_id, kind, name, code, path, depth)
    VALUES (${input.tenantId}, ${id}::uuid, ${input.parentId}::uuid, ${input.kind}, ${input.name}, ${input.code ?? null}, ${path}::ltree,
            ${kindDepth(input.kind)})`);
  return { id, path, tenantId: input.tenantId, kind: input.kind, name: input.name, parentId: input.parentId };
}

export interface SmallTree {
  county: TestNode;
  subdistricts: TestNode[];
  communities: TestNode[];
  compounds: TestNode[];
  buildings: TestNode[];
  entrances: TestNode[];
  households: TestNode[];
}

const treeNames: Record<Exclude<NodeKind, 'county'>, (i: number) => string> = {
  subdistrict: (i) => `第${i}街道`,
  community: (i) => `第${i}社区`,
  compound: (i) => `第${i}小区`,
  building: (i) => `${i}号楼`,
  entrance: (i) => `${i}单元`,
  household: (i) => `${i}01`,
};

/**
 * A county (the tenant must exist) with 2 subdistricts × 2 communities × 2 compounds × 2 buildings
 * × 2 entrances × 2 households: 1 + 2 + 4 + 8 + 16 + 32 + 64 nodes. Arrays are in depth-first
 * order, so communities[0] and [1] share subdistricts[0], households[0..1] share entrances[0], …
 */
export async function buildSmallTree(db: Db, tenantId: string, countyName = '测试县'): Promise<SmallTree> {
  const county = await createNode(db, { tenantId, parentId: null, kind: 'county', name: countyName });
  const tree: SmallTree = { county, subdistricts: [], communities: [], compounds: [], buildings: [], entrances: [], households: [] };
  const lists: Record<Exclude<NodeKind, 'county'>, TestNode[]> = {
    subdistrict: tree.subdistricts,
    community: tree.communities,
    compound: tree.compounds,
    building: tree.buildings,
    entrance: tree.entrances,
    household: tree.households,
  };
  const kinds = ['subdistrict', 'community', 'compound', 'building', 'entrance', 'household'] as const;
  const grow = async (parent: TestNode, level: number): Promise<void> => {
    const kind = kinds[level];
    if (!kind) return;
    for (let i = 1; i <= 2; i++) {
      const node = await createNode(db, { tenantId, parentId: parent.id, kind, name: treeNames[kind](i) });
      lists[kind].push(node);
      await grow(node, level + 1);
    }
  };
  await grow(county, 0);
  return tree;
}

/** A request context for an actor holding `role` on each node (no account row needed). */
export function testContext(
  tenantId: string,
  grants: { role: Role; node: { id: string; path: string } }[],
  username = 'tester',
): RequestContext {
  const actor: Actor = {
    accountId: newId(),
    username,
    displayName: username,
    tenantId,
    grants: grants.map((g) => ({ id: newId(), role: g.role, nodeId: g.node.id, path: g.node.path })),
  };
  return { actor, clientIp: '127.0.0.1' };
}

/** A valid GB 11643 number from its first 17 digits. */
export function validIdNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

export interface RollupMismatch {
  nodeId: string;
  stored: Record<string, number> | null;
  recounted: Record<string, number>;
}

/**
 * Nodes of the tenant whose territory_rollup row differs from a recount of the base tables (the
 * subtree of the node: nodes by kind, residents not moved out, party members by row or flag), and
 * rollup rows of nodes that no longer exist. Empty when the rollup is right.
 */
export async function rollupMismatches(db: Db, tenantId: string): Promise<RollupMismatch[]> {
  const found = await rows<{ node_id: string; stored: Record<string, number> | string | null; recounted: Record<string, number> | string }>(
    db,
    sql`WITH recount AS (
          SELECT t.id,
            jsonb_build_object(
              'subdistricts', count(*) FILTER (WHERE d.kind = 'subdistrict'),
              'communities', count(*) FILTER (WHERE d.kind = 'community'),
              'compounds', count(*) FILTER (WHERE d.kind = 'compound'),
              'buildings', count(*) FILTER (WHERE d.kind = 'building'),
              'entrances', count(*) FILTER (WHERE d.kind = 'entrance'),
              'households', count(*) FILTER (WHERE d.kind = 'household'),
              'residents', coalesce(sum(rc.residents), 0),
              'party_members', coalesce(sum(rc.party_members), 0)) AS counts
          FROM territory_node t
          JOIN territory_node d ON d.tenant_id = t.tenant_id AND d.path <@ t.path
          LEFT JOIN LATERAL (
            SELECT count(*) AS residents,
                   count(*) FILTER (WHERE r.is_party_member OR EXISTS (
                     SELECT 1 FROM party_member pm WHERE pm.tenant_id = r.tenant_id AND pm.resident_id = r.id)) AS party_members
            FROM resident r WHERE r.tenant_id = d.tenant_id AND r.household_id = d.id AND r.moved_out_at IS NULL
          ) rc ON true
          WHERE t.tenant_id = ${tenantId}
          GROUP BY t.id),
        stored AS (
          SELECT node_id AS id, jsonb_build_object('subdistricts', subdistricts, 'communities', communities, 'compounds', compounds,
            'buildings', buildings, 'entrances', entrances, 'households', households, 'residents', residents,
            'party_members', party_members) AS counts
          FROM territory_rollup WHERE tenant_id = ${tenantId})
        SELECT coalesce(r.id, s.id) AS node_id, s.counts AS stored, coalesce(r.counts, '{}'::jsonb) AS recounted
        FROM recount r FULL JOIN stored s ON s.id = r.id
        WHERE s.counts IS DISTINCT FROM r.counts`,
  );
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return found.map((r) => ({ nodeId: r.node_id, stored: r.stored === null ? null : parse(r.stored), recounted: parse(r.recounted) }));
}

/**
 * Inserts households under an entrance in one statement, named 101, 102 … with the given floor
 * areas (m², null for none): ballots weighted by floor area are set up with it.
 */
export async function createHouseholds(
  db: Db,
  entrance: { tenantId: string; id: string; path: string },
  areas: (number | null)[],
  firstName = 101,
): Promise<TestNode[]> {
  const made = areas.map((area, i) => {
    const id = newId();
    return { id, path: `${entrance.path}.${ltreeLabel(id)}`, name: String(firstName + i), area };
  });
  if (made.length === 0) return [];
  await db.execute(
    sql`INSERT INTO territory_node (tenant_id, id, parent_id, kind, name, path, depth, floor_area) VALUES ${sql.join(
      made.map(
        (h) =>
          sql`(${entrance.tenantId}, ${h.id}::uuid, ${entrance.id}::uuid, 'household', ${h.name}, ${h.path}::ltree, ${kindDepth('household')}, ${h.area})`,
      ),
      sql`, `,
    )}`,
  );
  return made.map((h) => ({
    id: h.id,
    path: h.path,
    tenantId: entrance.tenantId,
    kind: 'household' as const,
    name: h.name,
    parentId: entrance.id,
  }));
}
