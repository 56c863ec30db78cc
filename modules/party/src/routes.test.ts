import { createAccount } from '@linli/accounts/testing';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities, insertNode, insertResident } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partyModule } from './module.ts';
import { insertPartyMember, insertPartyOrg, type TestOrg } from './testing.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let session: Session;
let top: TestOrg;
let communityA: TestOrg;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [partyModule]);
  tree = await buildTwoCommunities(database.db);
  top = await insertPartyOrg(database.db, { node: tree.subdistrict, kind: 'subdistrict_committee', name: '朝阳街道党工委' });
  communityA = await insertPartyOrg(database.db, {
    node: tree.a.community,
    kind: 'community_committee',
    name: '凤凰社区党委',
    parent: top,
  });
  const { id: residentId } = await insertResident(database.db, tree.a.h101, { name: '党员甲', isPartyMember: true });
  await insertPartyMember(database.db, communityA, residentId);
  const account = await createAccount(database.db, {
    tenantId: '370785',
    username: 'party.staff',
    grants: [{ role: 'subdistrict_staff', nodeId: tree.subdistrict.id }],
  });
  session = await login(app, account.username, account.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.headers });

describe('party HTTP API', () => {
  it('lists the roots in scope and children with member counts', async () => {
    const roots = (await get('/party/orgs')).json().items;
    expect(roots.map((o: { name: string; memberCount: number; childCount: number }) => [o.name, o.memberCount, o.childCount])).toEqual([
      ['朝阳街道党工委', 1, 1],
    ]);
    const children = (await get(`/party/orgs?parentId=${top.id}`)).json().items;
    expect(children).toMatchObject([{ name: '凤凰社区党委', nodeName: '凤凰社区', memberCount: 1 }]);
    expect((await get(`/party/members?orgId=${top.id}`)).json().items).toMatchObject([{ name: '党员甲', orgName: '凤凰社区党委' }]);
  });

  it('lists the organisations attached to one territory node (?nodeId=), scoped like the tree', async () => {
    const onCommunity = (await get(`/party/orgs?nodeId=${tree.a.community.id}`)).json().items;
    expect(onCommunity.map((o: { name: string; nodeId: string }) => [o.name, o.nodeId])).toEqual([['凤凰社区党委', tree.a.community.id]]);
    expect((await get(`/party/orgs?nodeId=${tree.b.community.id}`)).json().items).toEqual([]);
    const outsider = await createAccount(database.db, {
      tenantId: '370785',
      username: 'party.outsider',
      grants: [{ role: 'community_staff', nodeId: tree.b.community.id }],
    });
    const other = await login(app, outsider.username, outsider.password);
    const res = await app.inject({ method: 'GET', url: `/api/v1/party/orgs?nodeId=${tree.a.community.id}`, headers: other.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it('answers the coverage report and its Excel export', async () => {
    const coverage = (await get(`/party/coverage?nodeId=${tree.subdistrict.id}`)).json();
    expect(coverage).toMatchObject({
      compounds: 2,
      compoundsWithBranch: 0,
      buildings: 2,
      buildingsWithGroup: 0,
      memberHouseholds: 0,
      gapsTruncated: false,
    });
    expect(coverage.compoundsWithoutBranch.map((c: { communityName: string }) => c.communityName).sort()).toEqual(['凤凰社区', '康成社区']);
    const file = await get('/party/coverage/export.xlsx');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('party-coverage-gaps.xlsx');
  });

  it('validates a new organisation with field details (400)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/party/orgs',
      headers: session.headers,
      payload: { parentId: communityA.id, kind: 'compound_branch', name: '错位支部', nodeId: tree.a.building.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'nodeId', reason: 'a compound_branch sits on a compound' }]);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/party/orgs',
      headers: session.headers,
      payload: { kind: 'cell', name: 'x', nodeId: tree.a.building.id },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('party membership is sensitive personal information (docs/privacy-matrix.md)', () => {
  let branch: TestOrg;
  beforeAll(async () => {
    branch = await insertPartyOrg(database.db, {
      node: tree.a.compound,
      kind: 'compound_branch',
      name: '凤凰小区党支部',
      parent: communityA,
    });
    const { id } = await insertResident(database.db, tree.a.h102, { name: '支部党员', isPartyMember: true });
    await insertPartyMember(database.db, branch, id);
  });
  const as = async (username: string, grants: { role: 'owners_committee_member' | 'community_staff'; nodeId: string }[]) => {
    const account = await createAccount(database.db, { tenantId: '370785', username, grants });
    return (await login(app, account.username, account.password)).headers;
  };

  it('an owners’ committee member sees the compound’s branch but not its member roll', async () => {
    const owners = await as('party.owners', [{ role: 'owners_committee_member', nodeId: tree.a.compound.id }]);
    const orgs = await app.inject({ method: 'GET', url: `/api/v1/party/orgs?nodeId=${tree.a.compound.id}`, headers: owners });
    expect(orgs.json().items.map((o: { name: string }) => o.name)).toEqual(['凤凰小区党支部']);
    const members = await app.inject({ method: 'GET', url: `/api/v1/party/members?orgId=${branch.id}`, headers: owners });
    expect(members.statusCode).toBe(403);
    expect(members.body).not.toContain('支部党员');
  });

  it('the roll lists only members whose household lies where the caller sees sensitive data', async () => {
    const mixed = await as('party.mixed', [
      { role: 'owners_committee_member', nodeId: tree.a.compound.id },
      { role: 'community_staff', nodeId: tree.b.community.id },
    ]);
    const members = await app.inject({ method: 'GET', url: `/api/v1/party/members?orgId=${branch.id}`, headers: mixed });
    expect(members.statusCode).toBe(200);
    expect(members.json().items).toEqual([]);
    expect((await get(`/party/members?orgId=${branch.id}`)).json().items.map((m: { name: string }) => m.name)).toEqual(['支部党员']);
  });
});

describe('a building group counts the party members living in its building (楼栋党小组 党员数)', () => {
  let branch: TestOrg;
  let groupA: TestOrg;
  let groupB: TestOrg;
  let communityB: TestOrg;
  beforeAll(async () => {
    const db = database.db;
    communityB = await insertPartyOrg(db, { node: tree.b.community, kind: 'community_committee', name: '康成社区党委', parent: top });
    branch = await insertPartyOrg(db, { node: tree.b.compound, kind: 'compound_branch', name: '康成小区党支部', parent: communityB });
    // 10号楼 is created before 2号楼, so the id order (1, 10, 2) is not the natural one (1, 2, 10).
    const building10 = await insertNode(db, { parent: tree.b.compound, kind: 'building', name: '10号楼' });
    const buildingB = await insertNode(db, { parent: tree.b.compound, kind: 'building', name: '2号楼' });
    const entranceB = await insertNode(db, { parent: buildingB, kind: 'entrance', name: '1单元' });
    const h201 = await insertNode(db, { parent: entranceB, kind: 'household', name: '201' });
    const h202 = await insertNode(db, { parent: entranceB, kind: 'household', name: '202' });
    groupA = await insertPartyOrg(db, { node: tree.b.building, kind: 'building_group', name: '1号楼党小组', parent: branch });
    await insertPartyOrg(db, { node: building10, kind: 'building_group', name: '10号楼党小组', parent: branch });
    groupB = await insertPartyOrg(db, { node: buildingB, kind: 'building_group', name: '2号楼党小组', parent: branch });
    const member = async (household: typeof h201, name: string, org: TestOrg) => {
      const { id } = await insertResident(db, household, { name, isPartyMember: true });
      await insertPartyMember(db, org, id);
    };
    // Building A: three members, all registered with the branch (as the demo and most counties do).
    await member(tree.b.h101, '甲一', branch);
    await member(tree.b.h101, '甲二', branch);
    await member(tree.b.h102, '甲三', branch);
    // Building B: one registered with the branch, one with the group itself.
    await member(h201, '乙一', branch);
    await member(h202, '乙二', groupB);
    // A community committee member living in building A belongs to the committee, not to the group.
    await member(tree.b.h102, '社区委员', communityB);
  });

  it('counts 3 in building A’s group, 2 in building B’s, 5 in the branch, 6 in the community committee', async () => {
    const count = (items: { name: string; memberCount: number }[]) => Object.fromEntries(items.map((o) => [o.name, o.memberCount]));
    const groups = (await get(`/party/orgs?parentId=${branch.id}`)).json().items;
    expect(count(groups)).toEqual({ '1号楼党小组': 3, '2号楼党小组': 2, '10号楼党小组': 0 });
    // The groups come in their buildings' natural order.
    expect(groups.map((o: { name: string }) => o.name)).toEqual(['1号楼党小组', '2号楼党小组', '10号楼党小组']);
    expect(count((await get(`/party/orgs?parentId=${communityB.id}`)).json().items)).toEqual({ 康成小区党支部: 5 });
    expect(count((await get(`/party/orgs?nodeId=${tree.b.community.id}`)).json().items)).toEqual({ 康成社区党委: 6 });
    expect((await get(`/party/orgs/${groupA.id}`)).json()).toMatchObject({ name: '1号楼党小组', memberCount: 3 });
  });

  it('lists the same members on the group’s roll as its count', async () => {
    const names = async (orgId: string) =>
      ((await get(`/party/members?orgId=${orgId}`)).json().items as { name: string }[]).map((m) => m.name).sort();
    expect(await names(groupA.id)).toEqual(['甲一', '甲三', '甲二'].sort());
    expect(await names(groupB.id)).toEqual(['乙一', '乙二'].sort());
    expect(await names(branch.id)).toEqual(['乙一', '乙二', '甲一', '甲三', '甲二'].sort());
  });
});
