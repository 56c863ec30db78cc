import { newId, scopePaths } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ancestorsOf, countsOf, findNode, listNodes, rootsOf } from './territory.repository.ts';
import { buildSmallTree, createNode, createTenant, type SmallTree, type TestNode, testContext } from './testing.ts';

let database: Database;
let tree: SmallTree;
let other: SmallTree;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await createTenant(db, { tenantId: '370785', name: '高密市' });
  await createTenant(db, { tenantId: '532601', name: '文山市' });
  tree = await buildSmallTree(db, '370785');
  other = await buildSmallTree(db, '532601');
  // households[0]: three residents (one flagged party member, one in party_member); households[1]: one moved out.
  const h0 = tree.households[0]!.id;
  const ids = [newId(), newId(), newId()];
  await db.execute(sql`INSERT INTO resident (tenant_id, id, household_id, name, is_party_member) VALUES
    ('370785', ${ids[0]}, ${h0}, '甲', true), ('370785', ${ids[1]}, ${h0}, '乙', false), ('370785', ${ids[2]}, ${h0}, '丙', false)`);
  await db.execute(sql`INSERT INTO resident (tenant_id, id, household_id, name, moved_out_at)
    VALUES ('370785', ${newId()}, ${tree.households[1]!.id}, '丁', '2025-01-01')`);
  const org = newId();
  await db.execute(sql`INSERT INTO party_org (tenant_id, id, kind, name, node_id, path)
    VALUES ('370785', ${org}, 'subdistrict_committee', '党工委', ${tree.subdistricts[0]!.id}, ${org.replace(/-/g, '')}::ltree)`);
  await db.execute(
    sql`INSERT INTO party_member (tenant_id, id, resident_id, party_org_id) VALUES ('370785', ${newId()}, ${ids[1]}, ${org})`,
  );
  // The other tenant has residents too; they must never be counted.
  await db.execute(
    sql`INSERT INTO resident (tenant_id, id, household_id, name) VALUES ('532601', ${newId()}, ${other.households[0]!.id}, '戊')`,
  );
});
afterAll(() => database?.close());

const everywhere = (t: SmallTree) =>
  scopePaths(testContext(t.county.tenantId, [{ role: 'system_admin', node: t.county }]).actor, 'territory.read');

describe('countsOf', () => {
  it('counts the whole subtree of several nodes in one SQL statement', async () => {
    const spy = vi.spyOn(database.db, 'execute');
    const counts = await countsOf(
      database.db,
      '370785',
      [tree.county.id, tree.communities[0]!.id, tree.households[0]!.id],
      everywhere(tree),
    );
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(counts.get(tree.county.id)).toEqual({
      subdistricts: 2,
      communities: 4,
      compounds: 8,
      buildings: 16,
      entrances: 32,
      households: 64,
      residents: 3,
      partyMembers: 2,
    });
    expect(counts.get(tree.communities[0]!.id)).toMatchObject({
      subdistricts: 0,
      communities: 1,
      compounds: 2,
      households: 16,
      residents: 3,
    });
    expect(counts.get(tree.households[0]!.id)).toMatchObject({ households: 1, residents: 3, partyMembers: 2 });
  });

  it('gives nothing for a node outside the scope', async () => {
    const scope = [tree.communities[1]!.path];
    const counts = await countsOf(database.db, '370785', [tree.communities[0]!.id], scope);
    expect(counts.get(tree.communities[0]!.id)?.households).toBe(0);
  });
});

describe('reads are limited to the tenant and the scope in SQL', () => {
  const worker = () => scopePaths(testContext('370785', [{ role: 'community_staff', node: tree.communities[0]! }]).actor, 'territory.read');

  it('findNode hides sibling communities and other tenants', async () => {
    expect(await findNode(database.db, '370785', tree.compounds[0]!.id, worker())).toBeDefined();
    expect(await findNode(database.db, '370785', tree.compounds[2]!.id, worker())).toBeUndefined();
    expect(await findNode(database.db, '370785', other.compounds[0]!.id, everywhere(tree))).toBeUndefined();
  });

  it('lists children and search results only inside the scope', async () => {
    const children = await listNodes(database.db, '370785', worker(), { parentId: tree.subdistricts[0]!.id }, { limit: 50 });
    expect(children.items.map((n) => n.id)).toEqual([tree.communities[0]!.id]);
    const found = await listNodes(database.db, '370785', worker(), { q: '小区' }, { limit: 50 });
    expect(found.items.map((n) => n.id).sort()).toEqual([tree.compounds[0]!.id, tree.compounds[1]!.id].sort());
    expect(found.total).toBe(2);
    const foreign = await listNodes(database.db, '370785', everywhere(tree), { parentId: other.county.id }, { limit: 50 });
    expect(foreign.items).toEqual([]);
  });

  it('pages with a keyset cursor without gaps or repeats, in every sort', async () => {
    for (const sort of ['name', '-name', 'createdAt', '-createdAt', 'sortOrder', 'code'] as const) {
      const seen: string[] = [];
      let after: unknown[] | undefined;
      for (let i = 0; i < 20; i++) {
        const page = await listNodes(database.db, '370785', everywhere(tree), { kind: 'entrance', sort }, { after, limit: 7 });
        seen.push(...page.items.map((n) => n.id));
        if (!page.nextKey) break;
        after = page.nextKey;
      }
      expect(new Set(seen).size).toBe(32);
      expect(seen).toHaveLength(32);
    }
  });

  it('roots are the granted nodes; ancestors run from the county down', async () => {
    const roots = await rootsOf(database.db, '370785', [tree.communities[0]!.path, tree.communities[3]!.path]);
    expect(roots.map((r) => r.id)).toEqual(expect.arrayContaining([tree.communities[0]!.id, tree.communities[3]!.id]));
    expect(roots[0]?.childCount).toBe(2);
    const ancestors = await ancestorsOf(database.db, '370785', tree.households[0]!.path);
    expect(ancestors.map((a) => a.kind)).toEqual(['county', 'subdistrict', 'community', 'compound', 'building', 'entrance']);
  });
});

describe('node lists are in natural order (1号楼, 2号楼 … 10号楼), in SQL', () => {
  const tenantId = '341602';
  let county: TestNode;
  let compound: TestNode;
  let building: TestNode;
  let entrance: TestNode;
  beforeAll(async () => {
    const db = database.db;
    await createTenant(db, { tenantId, name: '谯城区' });
    const node = (parent: TestNode | null, kind: TestNode['kind'], name: string) =>
      createNode(db, { tenantId, parentId: parent?.id ?? null, kind, name });
    county = await node(null, 'county', '谯城区');
    const subdistrict = await node(county, 'subdistrict', '花戏楼街道');
    const community = await node(subdistrict, 'community', '光明社区');
    compound = await node(community, 'compound', '光明苑');
    // Inserted in the order a text sort gives, so neither insertion nor id order passes the test.
    for (const name of ['10号楼', '11号楼', '1号楼', '2号楼', '商业楼', '9号楼']) {
      const b = await node(compound, 'building', name);
      if (name === '1号楼') building = b;
    }
    for (const name of ['10单元', '1单元', '2单元']) {
      const e = await node(building, 'entrance', name);
      if (name === '1单元') entrance = e;
    }
    for (const name of ['1001', '101', '1101', '201', '902']) await node(entrance, 'household', name);
  });
  const scope = () => scopePaths(testContext(tenantId, [{ role: 'system_admin', node: county }]).actor, 'territory.read');
  const names = async (parentId: string, sort?: string, limit = 50) => {
    const seen: string[] = [];
    let after: unknown[] | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await listNodes(database.db, tenantId, scope(), { parentId, sort: sort as never }, { after, limit });
      seen.push(...page.items.map((n) => n.name));
      if (!page.nextKey) break;
      after = page.nextKey;
    }
    return seen;
  };
  const buildings = ['1号楼', '2号楼', '9号楼', '10号楼', '11号楼', '商业楼'];

  it('orders the children by the number in their names, in the default and the name sort', async () => {
    expect(await names(compound.id)).toEqual(buildings);
    expect(await names(compound.id, 'name')).toEqual(buildings);
    expect(await names(compound.id, '-name')).toEqual([...buildings].reverse());
    expect(await names(building.id, 'name')).toEqual(['1单元', '2单元', '10单元']);
    expect(await names(entrance.id, 'name')).toEqual(['101', '201', '902', '1001', '1101']);
  });

  it('keeps the natural order across keyset pages', async () => {
    expect(await names(compound.id, 'name', 2)).toEqual(buildings);
    expect(await names(compound.id, undefined, 4)).toEqual(buildings);
    expect(await names(compound.id, '-name', 4)).toEqual([...buildings].reverse());
    expect(await names(entrance.id, 'name', 2)).toEqual(['101', '201', '902', '1001', '1101']);
  });
});
