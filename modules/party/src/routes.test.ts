import { createAccount } from '@linli/accounts/testing';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities, insertResident } from '@linli/people/testing';
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
