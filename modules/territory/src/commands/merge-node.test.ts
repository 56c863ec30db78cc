import type { AppError } from '@linli/core';
import { newId } from '@linli/core';
import { type Database, one, rows, type Tx } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRefs } from '../references.repository.ts';
import { countsOf } from '../territory.repository.ts';
import { buildSmallTree, createNode, createTenant, rollupMismatches, type SmallTree, testContext } from '../testing.ts';
import { mergeNode } from './merge-node.ts';

let database: Database;
let tree: SmallTree;

beforeAll(async () => {
  database = await createTestDatabase();
  await createTenant(database.db, { tenantId: '370785', name: '高密市' });
  tree = await buildSmallTree(database.db, '370785');
});
afterAll(() => database?.close());

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => database.db.transaction(fn);
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
const admin = () => testContext('370785', [{ role: 'system_admin', node: tree.county }]);
// What the people, accounts and party modules declare on these columns (their manifests are the truth; here the
// merge itself is under test).
const refs = declaredRefs([
  {
    name: 'fixture',
    territoryRefs: {
      nodes: [
        { table: 'resident', column: 'household_id', kinds: ['household'], onMerge: 'repoint' },
        { table: 'role_grant', column: 'node_id', onMerge: 'repoint', uniqueWith: ['account_id', 'role'] },
        { table: 'party_org', column: 'node_id', onMerge: 'repoint' },
      ],
    },
  },
]);
const count = async (query: ReturnType<typeof sql>) => (await one<{ n: number }>(database.db, query))?.n ?? 0;

describe('mergeNode', () => {
  it('moves children, residents, grants and party organisations to the target and deletes the node', async () => {
    const db = database.db;
    // A duplicate household "101 (dup)" next to households[0], with one resident, a grant and a party org.
    const entrance = tree.entrances[0]!;
    const target = tree.households[0]!;
    const dup = await createNode(db, { tenantId: '370785', parentId: entrance.id, kind: 'household', name: '101室' });
    const residentId = newId();
    await db.execute(sql`INSERT INTO resident (tenant_id, id, household_id, name) VALUES ('370785', ${residentId}, ${dup.id}, '张三')`);
    const accountId = newId();
    await db.execute(sql`INSERT INTO account (id, tenant_id, username, display_name, password_hash)
      VALUES (${accountId}, '370785', 'merge_tester', 'M', 'x')`);
    await db.execute(
      sql`INSERT INTO role_grant (tenant_id, id, account_id, role, node_id) VALUES ('370785', ${newId()}, ${accountId}, 'resident', ${dup.id})`,
    );
    const orgId = newId();
    await db.execute(sql`INSERT INTO party_org (tenant_id, id, kind, name, node_id, path)
      VALUES ('370785', ${orgId}, 'subdistrict_committee', '党工委', ${dup.id}, ${orgId.replace(/-/g, '')}::ltree)`);

    const entranceBefore = (await countsOf(db, '370785', [entrance.id], [tree.county.path])).get(entrance.id);
    expect(entranceBefore).toMatchObject({ households: 3, residents: 1 });
    const result = await inTx((tx) => mergeNode(tx, admin(), dup.id, { intoId: target.id }, refs));
    expect(result.moved.references).toMatchObject([
      { module: 'fixture', table: 'resident', column: 'household_id', count: 1 },
      { module: 'fixture', table: 'role_grant', column: 'node_id', count: 1 },
      { module: 'fixture', table: 'party_org', column: 'node_id', count: 1 },
    ]);
    // The entrance keeps its resident and loses the duplicate household; the target household holds the resident.
    const after = await countsOf(db, '370785', [entrance.id, target.id], [tree.county.path]);
    expect(after.get(entrance.id)).toMatchObject({ households: 2, residents: 1 });
    expect(after.get(target.id)).toMatchObject({ households: 1, residents: 1 });
    expect(await rollupMismatches(db, '370785')).toEqual([]);
    expect(await count(sql`SELECT count(*)::int AS n FROM territory_node WHERE id = ${dup.id}`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM resident WHERE id = ${residentId} AND household_id = ${target.id}`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM role_grant WHERE account_id = ${accountId} AND node_id = ${target.id}`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM party_org WHERE id = ${orgId} AND node_id = ${target.id}`)).toBe(1);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'territory.node.merge' AND target_id = ${dup.id}`),
    ).toBe(1);
  });

  it('re-paths the children of a merged building under the target', async () => {
    const db = database.db;
    const compound = tree.compounds[1]!;
    const target = tree.buildings[2]!; // "1号楼" of compounds[1], has 1单元 and 2单元
    const dup = await createNode(db, { tenantId: '370785', parentId: compound.id, kind: 'building', name: '一号楼' });
    const e3 = await createNode(db, { tenantId: '370785', parentId: dup.id, kind: 'entrance', name: '3单元' });
    const h = await createNode(db, { tenantId: '370785', parentId: e3.id, kind: 'household', name: '301' });
    const result = await inTx((tx) => mergeNode(tx, admin(), dup.id, { intoId: target.id }, refs));
    expect(result.moved.children).toBe(1);
    expect(result.node.childCount).toBe(3);
    const paths = await rows<{ id: string; path: string }>(
      db,
      sql`SELECT id, path::text AS path FROM territory_node WHERE id IN (${e3.id}, ${h.id}) ORDER BY depth`,
    );
    expect(paths.map((p) => p.path)).toEqual([
      `${target.path}.${e3.id.replace(/-/g, '')}`,
      `${target.path}.${e3.id.replace(/-/g, '')}.${h.id.replace(/-/g, '')}`,
    ]);
    const counts = await countsOf(db, '370785', [target.id, compound.id], [tree.county.path]);
    expect(counts.get(target.id)).toMatchObject({ buildings: 1, entrances: 3, households: 5 });
    expect(counts.get(compound.id)).toMatchObject({ buildings: 2, entrances: 5, households: 9 });
    expect(await rollupMismatches(db, '370785')).toEqual([]);
  });

  it('refuses nodes of different kinds, and children whose names clash', async () => {
    const kinds = await errorOf(inTx((tx) => mergeNode(tx, admin(), tree.buildings[0]!.id, { intoId: tree.compounds[0]!.id }, refs)));
    expect(kinds).toMatchObject({ code: 'invalid_input' });
    // Both buildings have 1单元 and 2单元.
    const clash = await errorOf(inTx((tx) => mergeNode(tx, admin(), tree.buildings[0]!.id, { intoId: tree.buildings[1]!.id }, refs)));
    expect(clash).toMatchObject({ code: 'conflict', details: { names: ['1单元', '2单元'] } });
    expect(await count(sql`SELECT count(*)::int AS n FROM territory_node WHERE id = ${tree.buildings[0]!.id}`)).toBe(1);
  });

  it('does not merge into a node outside the caller’s territory', async () => {
    const worker = testContext('370785', [{ role: 'community_staff', node: tree.communities[0]! }]);
    const err = await errorOf(inTx((tx) => mergeNode(tx, worker, tree.compounds[0]!.id, { intoId: tree.compounds[2]!.id }, refs)));
    expect(err).toMatchObject({ code: 'not_found' });
  });

  it('refuses with a 409 naming, in Chinese and English, rows of a column declared refuse', async () => {
    const db = database.db;
    const target = tree.households[1]!;
    const dup = await createNode(db, { tenantId: '370785', parentId: tree.entrances[0]!.id, kind: 'household', name: '102室' });
    await db.execute(sql`INSERT INTO resident (tenant_id, id, household_id, name) VALUES ('370785', ${newId()}, ${dup.id}, '李四')`);
    const refusing = declaredRefs([
      {
        name: 'people',
        territoryRefs: {
          nodes: [{ table: 'resident', column: 'household_id', onMerge: 'refuse', label: { 'zh-CN': '居民', 'en-US': 'residents' } }],
        },
      },
    ]);
    const err = await errorOf(inTx((tx) => mergeNode(tx, admin(), dup.id, { intoId: target.id }, refusing)));
    expect(err).toMatchObject({
      code: 'conflict',
      message: '102室 cannot be merged: residents (1) still point at it',
      details: {
        messageZh: '无法合并“102室”：仍有居民（1 条）指向它',
        blockers: [{ table: 'resident', column: 'household_id', count: 1 }],
      },
    });
    expect(await count(sql`SELECT count(*)::int AS n FROM territory_node WHERE id = ${dup.id}`)).toBe(1);
  });

  it('refuses with a 409 naming the table when rows of a foreign key no module declares point at the node', async () => {
    const db = database.db;
    const target = tree.households[2]!;
    const dup = await createNode(db, { tenantId: '370785', parentId: tree.entrances[1]!.id, kind: 'household', name: '201室' });
    await db.execute(sql`INSERT INTO resident (tenant_id, id, household_id, name) VALUES ('370785', ${newId()}, ${dup.id}, '王五')`);
    const err = await errorOf(inTx((tx) => mergeNode(tx, admin(), dup.id, { intoId: target.id }, declaredRefs([]))));
    expect(err).toMatchObject({ code: 'conflict', details: { blockers: [{ table: 'resident', column: 'household_id', count: 1 }] } });
    expect(err?.message).toContain('resident (1)');
  });
});
