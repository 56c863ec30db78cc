import { type AppError, newId } from '@linli/core';
import { type Database, rows, type Tx } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRefs } from '../references.repository.ts';
import { countsOf } from '../territory.repository.ts';
import { buildSmallTree, createTenant, rollupMismatches, type SmallTree, testContext } from '../testing.ts';
import { moveNode } from './move-node.ts';

let database: Database;
let tree: SmallTree;

beforeAll(async () => {
  database = await createTestDatabase();
  await createTenant(database.db, { tenantId: '370785', name: '高密市' });
  tree = await buildSmallTree(database.db, '370785');
  await database.db.execute(sql`CREATE TABLE place_copy (tenant_id text NOT NULL, id uuid PRIMARY KEY, node_path ltree)`);
});
afterAll(() => database?.close());

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => database.db.transaction(fn);
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
// A module's table holding a copy of a node's path (as demands do), declared for re-pathing.
const refs = declaredRefs([{ name: 'fixture', territoryRefs: { paths: [{ table: 'place_copy', column: 'node_path' }] } }]);
const admin = () => testContext('370785', [{ role: 'system_admin', node: tree.county }]);

describe('moveNode', () => {
  it('re-paths the whole subtree under the new parent and keeps every path ending in its own id', async () => {
    // compounds[0] (under communities[0]) moves to communities[3] (other subdistrict).
    const compound = tree.compounds[0]!;
    const target = tree.communities[3]!;
    await database.db.execute(sql`UPDATE territory_node SET name = '迁移小区' WHERE id = ${compound.id}`);
    const moved = await inTx((tx) => moveNode(tx, admin(), compound.id, { parentId: target.id }, refs));
    expect(moved.parentId).toBe(target.id);
    expect(moved.path).toBe(`${target.path}.${compound.id.replace(/-/g, '')}`);
    const subtree = await rows<{ id: string; path: string; depth: number; kind: string; parent_path: string | null }>(
      database.db,
      sql`SELECT n.id, n.path::text AS path, n.depth, n.kind, p.path::text AS parent_path FROM territory_node n
          LEFT JOIN territory_node p ON p.tenant_id = n.tenant_id AND p.id = n.parent_id
          WHERE n.tenant_id = '370785' AND n.path <@ ${moved.path}::ltree`,
    );
    expect(subtree).toHaveLength(1 + 2 + 4 + 8); // compound, buildings, entrances, households
    for (const n of subtree) {
      expect(n.path.startsWith(moved.path)).toBe(true);
      expect(n.path.endsWith(n.id.replace(/-/g, ''))).toBe(true);
      if (n.id !== compound.id) expect(n.path).toBe(`${n.parent_path}.${n.id.replace(/-/g, '')}`);
      expect(n.depth).toBe(n.path.split('.').length - 1);
    }
    const left = await rows(database.db, sql`SELECT id FROM territory_node WHERE path <@ ${compound.path}::ltree`);
    expect(left).toHaveLength(0);
  });

  it('refuses to move a node under its own descendant or under a parent of the wrong kind', async () => {
    const community = tree.communities[1]!;
    const ownBuilding = tree.buildings[4]!; // under compounds[2] under communities[1]
    const err = await errorOf(inTx((tx) => moveNode(tx, admin(), community.id, { parentId: ownBuilding.id }, refs)));
    expect(err).toMatchObject({ code: 'invalid_input' });
    const wrongKind = await errorOf(
      inTx((tx) => moveNode(tx, admin(), tree.buildings[5]!.id, { parentId: tree.communities[2]!.id }, refs)),
    );
    expect(wrongKind).toMatchObject({ code: 'invalid_input' });
  });

  it('answers 409 when the new parent already has a child of that name', async () => {
    // buildings[4] is "1号楼" of compounds[2]; compounds[3] has its own "1号楼".
    const err = await errorOf(inTx((tx) => moveNode(tx, admin(), tree.buildings[4]!.id, { parentId: tree.compounds[3]!.id }, refs)));
    expect(err).toMatchObject({ code: 'conflict' });
  });

  it('needs territory.write on the node and on the new parent', async () => {
    const worker = testContext('370785', [{ role: 'community_staff', node: tree.communities[2]! }]);
    // own compound to a sibling community: the target is outside the worker's territory → 404
    const err = await errorOf(inTx((tx) => moveNode(tx, worker, tree.compounds[4]!.id, { parentId: tree.communities[1]!.id }, refs)));
    expect(err).toMatchObject({ code: 'not_found' });
  });

  it('carries the subtree counts (nodes, residents, party members) from the old ancestors to the new ones', async () => {
    const db = database.db;
    // compounds[5] (under communities[2], subdistricts[1]) with two residents, one a party member, moves to communities[1].
    const compound = tree.compounds[5]!;
    const from = tree.communities[2]!;
    const to = tree.communities[1]!;
    const household = tree.households[5 * 8]!; // the first household of compounds[5]
    const [a, b] = [newId(), newId()];
    await db.execute(sql`INSERT INTO resident (tenant_id, id, household_id, name, is_party_member)
      VALUES ('370785', ${a}, ${household.id}, '甲', true), ('370785', ${b}, ${household.id}, '乙', false)`);
    await db.execute(sql`UPDATE territory_node SET name = '迁入小区' WHERE id = ${compound.id}`);
    const ids = [from.id, to.id, tree.subdistricts[0]!.id, tree.subdistricts[1]!.id, tree.county.id];
    const before = await countsOf(db, '370785', ids, [tree.county.path]);
    await inTx((tx) => moveNode(tx, admin(), compound.id, { parentId: to.id }, refs));
    const after = await countsOf(db, '370785', ids, [tree.county.path]);
    const delta = (id: string, key: 'compounds' | 'households' | 'residents' | 'partyMembers') =>
      (after.get(id)?.[key] ?? 0) - (before.get(id)?.[key] ?? 0);
    for (const [id, sign] of [
      [from.id, -1],
      [tree.subdistricts[1]!.id, -1],
      [to.id, 1],
      [tree.subdistricts[0]!.id, 1],
      [tree.county.id, 0],
    ] as const) {
      expect(delta(id, 'compounds')).toBe(sign);
      expect(delta(id, 'households')).toBe(sign * 8);
      expect(delta(id, 'residents')).toBe(sign * 2);
      expect(delta(id, 'partyMembers')).toBe(sign * 1);
    }
    expect(await rollupMismatches(db, '370785')).toEqual([]);
  });

  it('re-paths every declared copy of a path in the moved subtree, in the same transaction', async () => {
    const db = database.db;
    // compounds[6] (under communities[3]) moves to communities[0]; copies of its own path, of a household's, and one elsewhere.
    const compound = tree.compounds[6]!;
    const household = tree.households[6 * 8]!;
    const elsewhere = tree.compounds[1]!;
    const [c1, c2, c3, c4] = [newId(), newId(), newId(), newId()];
    await db.execute(sql`INSERT INTO place_copy (tenant_id, id, node_path) VALUES
      ('370785', ${c1}, ${compound.path}::ltree), ('370785', ${c2}, ${household.path}::ltree),
      ('370785', ${c3}, ${elsewhere.path}::ltree), ('370785', ${c4}, NULL)`);
    const moved = await inTx((tx) => moveNode(tx, admin(), compound.id, { parentId: tree.communities[0]!.id }, refs));
    const copies = await rows<{ id: string; path: string | null }>(
      db,
      sql`SELECT id, node_path::text AS path FROM place_copy WHERE id IN (${c1}, ${c2}, ${c3}, ${c4})`,
    );
    const pathOf = (id: string) => copies.find((c) => c.id === id)?.path;
    expect(pathOf(c1)).toBe(moved.path);
    expect(pathOf(c2)).toBe(`${moved.path}${household.path.slice(compound.path.length)}`);
    expect(pathOf(c3)).toBe(elsewhere.path);
    expect(pathOf(c4)).toBeNull();
  });
});
