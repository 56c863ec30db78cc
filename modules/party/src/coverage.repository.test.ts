import { scopePaths } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor, insertNode, insertTenant, type TestNode } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoverageRepository } from './coverage.repository.ts';
import { insertPartyOrg } from './testing.ts';

/*
 * Hand-checked fixture:
 *   朝阳街道 (committee)
 *   ├ 凤凰社区 (committee)  ├ 凤凰小区 (branch) ─ 1号楼 (group: 2 member households), 2号楼
 *   │                       ├ 梧桐小区          ─ 1号楼
 *   │                       └ 新建小区          (no buildings)
 *   └ 康成社区 (committee)  └ 康成小区 (branch) ─ 1号楼, 2号楼 (group: 1 member household)
 *   other tenant: 南桥小区 with one building, no organisations
 */
let database: Database;
const n: Record<string, TestNode> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const county = await insertTenant(db, '370785', '高密市');
  n.s = await insertNode(db, { parent: county, kind: 'subdistrict', name: '朝阳街道' });
  n.a = await insertNode(db, { parent: n.s, kind: 'community', name: '凤凰社区' });
  n.b = await insertNode(db, { parent: n.s, kind: 'community', name: '康成社区' });
  n.a1 = await insertNode(db, { parent: n.a, kind: 'compound', name: '凤凰小区' });
  n.a2 = await insertNode(db, { parent: n.a, kind: 'compound', name: '梧桐小区' });
  n.a3 = await insertNode(db, { parent: n.a, kind: 'compound', name: '新建小区' });
  n.b1 = await insertNode(db, { parent: n.b, kind: 'compound', name: '康成小区' });
  n.a11 = await insertNode(db, { parent: n.a1, kind: 'building', name: '1号楼' });
  n.a12 = await insertNode(db, { parent: n.a1, kind: 'building', name: '2号楼' });
  n.a21 = await insertNode(db, { parent: n.a2, kind: 'building', name: '1号楼' });
  n.b11 = await insertNode(db, { parent: n.b1, kind: 'building', name: '1号楼' });
  n.b12 = await insertNode(db, { parent: n.b1, kind: 'building', name: '2号楼' });
  const households = async (building: TestNode, names: string[]) => {
    const entrance = await insertNode(db, { parent: building, kind: 'entrance', name: '1单元' });
    return Promise.all(names.map((name) => insertNode(db, { parent: entrance, kind: 'household', name })));
  };
  const [h1, h2, h3] = await households(n.a11, ['101', '102', '201']);
  const [h4] = await households(n.b12, ['101']);

  const sc = await insertPartyOrg(db, { node: n.s, kind: 'subdistrict_committee', name: '朝阳街道党工委' });
  const ac = await insertPartyOrg(db, { node: n.a, kind: 'community_committee', name: '凤凰社区党委', parent: sc });
  const bc = await insertPartyOrg(db, { node: n.b, kind: 'community_committee', name: '康成社区党委', parent: sc });
  const a1b = await insertPartyOrg(db, { node: n.a1, kind: 'compound_branch', name: '凤凰小区党支部', parent: ac });
  const b1b = await insertPartyOrg(db, { node: n.b1, kind: 'compound_branch', name: '康成小区党支部', parent: bc });
  const a11g = await insertPartyOrg(db, { node: n.a11, kind: 'building_group', name: '1号楼党小组', parent: a1b });
  const b12g = await insertPartyOrg(db, { node: n.b12, kind: 'building_group', name: '2号楼党小组', parent: b1b });
  await insertPartyOrg(db, { node: h1!, kind: 'member_household', name: '101党员中心户', parent: a11g });
  await insertPartyOrg(db, { node: h2!, kind: 'member_household', name: '102党员中心户', parent: a11g });
  await insertPartyOrg(db, { node: h4!, kind: 'member_household', name: '101党员中心户', parent: b12g });
  void h3;

  const other = await insertTenant(db, '532601', '文山市');
  const os = await insertNode(db, { parent: other, kind: 'subdistrict', name: '开化街道' });
  const oc = await insertNode(db, { parent: os, kind: 'community', name: '南桥社区' });
  const ocp = await insertNode(db, { parent: oc, kind: 'compound', name: '南桥小区' });
  await insertNode(db, { parent: ocp, kind: 'building', name: '1号楼' });
});
afterAll(() => database.close());

async function report(ctx: ReturnType<typeof contextFor>, root?: TestNode) {
  const repo = new CoverageRepository(database.db);
  const scope = scopePaths(ctx.actor, 'party.read');
  return {
    ...(await repo.counts('370785', scope, root?.path)),
    compoundsWithoutBranch: (await repo.compoundsWithoutBranch('370785', scope, root?.path, 100)).map(
      (c) => `${c.communityName}/${c.name}`,
    ),
    buildingsWithoutGroup: (await repo.buildingsWithoutGroup('370785', scope, root?.path, 100)).map((b) => `${b.compoundName}/${b.name}`),
  };
}

describe('coverage report', () => {
  it('counts the whole subdistrict and lists every gap', async () => {
    const ctx = contextFor('370785', [{ role: 'subdistrict_staff', node: n.s! }]);
    expect(await report(ctx)).toEqual({
      compounds: 4,
      compoundsWithBranch: 2,
      buildings: 5,
      buildingsWithGroup: 2,
      memberHouseholds: 3,
      compoundsWithoutBranch: ['凤凰社区/新建小区', '凤凰社区/梧桐小区'],
      buildingsWithoutGroup: ['凤凰小区/2号楼', '康成小区/1号楼', '梧桐小区/1号楼'],
    });
  });

  it('limits to the subtree of nodeId', async () => {
    const ctx = contextFor('370785', [{ role: 'subdistrict_staff', node: n.s! }]);
    expect(await report(ctx, n.a)).toMatchObject({
      compounds: 3,
      compoundsWithBranch: 1,
      buildings: 3,
      buildingsWithGroup: 1,
      memberHouseholds: 2,
    });
  });

  it("limits to the caller's scope, also when nodeId points outside it", async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: n.b! }]);
    expect(await report(ctx)).toEqual({
      compounds: 1,
      compoundsWithBranch: 1,
      buildings: 2,
      buildingsWithGroup: 1,
      memberHouseholds: 1,
      compoundsWithoutBranch: [],
      buildingsWithoutGroup: ['康成小区/1号楼'],
    });
    expect(await report(ctx, n.a)).toMatchObject({ compounds: 0, buildings: 0, memberHouseholds: 0, compoundsWithoutBranch: [] });
  });

  it('reports nothing to a caller without party.read', async () => {
    const ctx = contextFor('370785', [{ role: 'volunteer', node: n.s! }]);
    expect(await report(ctx)).toMatchObject({ compounds: 0, buildings: 0 });
  });
});
