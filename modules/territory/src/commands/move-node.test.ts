import type { AppError } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallTree, createTenant, type SmallTree, testContext } from '../testing.ts';
import { moveNode } from './move-node.ts';

let database: Database;
let tree: SmallTree;

beforeAll(async () => {
  database = await createTestDatabase();
  await createTenant(database.db, { tenantId: '370785', name: '高密市' });
  tree = await buildSmallTree(database.db, '370785');
});
afterAll(() => database?.close());

const inTx = <T>(fn: (tx: Database['db']) => Promise<T>) => database.db.transaction((tx) => fn(tx as unknown as Database['db']));
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
const admin = () => testContext('370785', [{ role: 'system_admin', node: tree.county }]);

describe('moveNode', () => {
  it('re-paths the whole subtree under the new parent and keeps every path ending in its own id', async () => {
    // compounds[0] (under communities[0]) moves to communities[3] (other subdistrict).
    const compound = tree.compounds[0]!;
    const target = tree.communities[3]!;
    await database.db.execute(sql`UPDATE territory_node SET name = '迁移小区' WHERE id = ${compound.id}`);
    const moved = await inTx((tx) => moveNode(tx, admin(), compound.id, { parentId: target.id }));
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
    const err = await errorOf(inTx((tx) => moveNode(tx, admin(), community.id, { parentId: ownBuilding.id })));
    expect(err).toMatchObject({ code: 'invalid_input' });
    const wrongKind = await errorOf(inTx((tx) => moveNode(tx, admin(), tree.buildings[5]!.id, { parentId: tree.communities[2]!.id })));
    expect(wrongKind).toMatchObject({ code: 'invalid_input' });
  });

  it('answers 409 when the new parent already has a child of that name', async () => {
    // buildings[4] is "1号楼" of compounds[2]; compounds[3] has its own "1号楼".
    const err = await errorOf(inTx((tx) => moveNode(tx, admin(), tree.buildings[4]!.id, { parentId: tree.compounds[3]!.id })));
    expect(err).toMatchObject({ code: 'conflict' });
  });

  it('needs territory.write on the node and on the new parent', async () => {
    const worker = testContext('370785', [{ role: 'community_staff', node: tree.communities[2]! }]);
    // own compound to a sibling community: the target is outside the worker's territory → 404
    const err = await errorOf(inTx((tx) => moveNode(tx, worker, tree.compounds[4]!.id, { parentId: tree.communities[1]!.id })));
    expect(err).toMatchObject({ code: 'not_found' });
  });
});
