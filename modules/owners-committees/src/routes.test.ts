import { createAccount } from '@linli/accounts/testing';
import { ballotsModule } from '@linli/ballots';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { partyModule } from '@linli/party';
import { peopleModule } from '@linli/people';
import { buildModuleApp } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownersCommitteesModule } from './module.ts';
import { buildCommitteeWorld, daysFromToday, giveFloorAreas } from './testing.ts';

let database: Database;
let app: LinliApp;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;
let staffA: Session;
let staffB: Session;
let county: Session;
let foreign: Session;
const api = '/api/v1/owners-committees';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [peopleModule, partyModule, ballotsModule, ownersCommitteesModule]);
  w = await buildCommitteeWorld(database.db);
  await giveFloorAreas(database.db, w.tree.a.compound);
  const account = async (username: string, tenantId: string, role: 'community_staff' | 'county_staff', nodeId: string) => {
    const a = await createAccount(database.db, { tenantId, username, grants: [{ role, nodeId }] });
    return login(app, a.username, a.password);
  };
  staffA = await account('oc.a', '370785', 'community_staff', w.tree.a.community.id);
  staffB = await account('oc.b', '370785', 'community_staff', w.tree.b.community.id);
  county = await account('oc.county', '370785', 'county_staff', w.tree.county.id);
  foreign = await account('oc.w', '532601', 'community_staff', w.tree.other.community.id);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (s: Session, url: string, payload: object) => app.inject({ method: 'POST', url, headers: s.headers, payload });
const get = (s: Session, url: string) => app.inject({ url, headers: s.headers });

describe('owners-committees HTTP API', () => {
  let committeeId: string;

  it('forms a committee with members, lists, filters, sorts, pages and exports it in scope only', async () => {
    const created = await post(staffA, api, { compoundId: w.tree.a.compound.id, kind: 'owners_committee', formedOn: '2024-05-01' });
    expect(created.statusCode, created.body).toBe(201);
    committeeId = created.json().id;
    for (const [residentId, position] of [
      [w.a.li, 'chair'],
      [w.a.zhang, 'member'],
      [w.a.zhao, 'member'],
    ])
      expect((await post(staffA, `${api}/${committeeId}/members`, { residentId, position, since: '2024-05-01' })).statusCode).toBe(201);
    const pmc = await post(staffB, api, {
      compoundId: w.tree.b.compound.id,
      kind: 'property_management_committee',
      formedOn: '2020-01-01',
      termEnd: daysFromToday(20),
    });
    expect(pmc.statusCode, pmc.body).toBe(201);

    const list = await get(county, `${api}?sort=name`);
    expect(list.json().items.map((c: { name: string }) => c.name)).toEqual(['凤凰小区业主委员会', '康成小区物业管理委员会']);
    const page1 = await get(county, `${api}?sort=name&limit=1`);
    const page2 = await get(county, `${api}?sort=name&limit=1&cursor=${encodeURIComponent(page1.json().nextCursor)}`);
    expect(page2.json().items.map((c: { name: string }) => c.name)).toEqual(['康成小区物业管理委员会']);
    const notMet = await get(county, `${api}?partyShareMet=false`);
    expect(notMet.json().items.map((c: { party: { partyMembers: number; members: number } }) => c.party)).toMatchObject([
      { members: 3, partyMembers: 1 },
      { members: 0 },
    ]);
    expect((await get(staffB, api)).json().items.map((c: { kind: string }) => c.kind)).toEqual(['property_management_committee']);
    expect((await get(foreign, api)).json().items).toEqual([]);
    const file = await get(county, `${api}/export.xlsx?kind=owners_committee`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows a committee’s members with party tags from the records; another community’s or county’s id is not found', async () => {
    const detail = await get(staffA, `${api}/${committeeId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().members.map((m: { name: string; partyMember?: boolean }) => [m.name, m.partyMember])).toEqual([
      ['李建国', true],
      ['张伟', false],
      ['赵敏', false],
    ]);
    expect(detail.body).not.toMatch(/phone|idNumber/);
    const [audited] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'ownersCommittees.members.read' AND target_id = $1",
      [committeeId],
    );
    expect(audited?.n).toBe(1);
    expect((await get(staffB, `${api}/${committeeId}`)).statusCode).toBe(404);
    expect((await get(foreign, `${api}/${committeeId}`)).statusCode).toBe(404);
  });

  it('lists the terms ending within N days and the compliance per street and community', async () => {
    const ending = await get(county, `${api}/terms-ending?days=90`);
    expect(ending.json().items.map((c: { compoundName: string }) => c.compoundName)).toEqual(['康成小区']);
    expect((await get(county, `${api}/terms-ending?days=0`)).statusCode).toBe(400);
    expect((await get(county, `${api}/terms-ending/export.xlsx`)).statusCode).toBe(200);
    const streets = await get(county, `${api}/compliance`);
    expect(streets.json()).toMatchObject({
      partyRuleFrom: '2021-01-01',
      rows: [{ nodeName: '朝阳街道', committees: 2, underRule: 1, underRuleMet: 0, chairIsSecretary: 1, members: 3, partyMembers: 1 }],
    });
    const communities = await get(county, `${api}/compliance?nodeId=${w.tree.subdistrict.id}`);
    expect(communities.json().rows.map((r: { nodeName: string }) => r.nodeName)).toEqual(['凤凰社区', '康成社区']);
    expect((await get(staffA, `${api}/compliance?nodeId=${w.tree.b.community.id}`)).statusCode).toBe(404);
    expect((await get(county, `${api}/compliance/export.xlsx`)).statusCode).toBe(200);
  });

  it('refuses bad input naming the field, NUL characters, a resident of another compound (400) and ids out of scope (404)', async () => {
    const bad = await post(staffA, api, { compoundId: w.tree.a.compound.id, kind: 'club', formedOn: '2024-05-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('kind');
    const nul = await post(staffA, `${api}/${committeeId}/end`, { status: 'expired', endedOn: '2025-01-01', note: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    const other = await post(staffA, api, { compoundId: w.tree.b.compound.id, kind: 'owners_committee', formedOn: '2024-05-01' });
    expect(other.statusCode).toBe(404);
    const foreignId = await post(staffA, api, { compoundId: w.tree.other.community.id, kind: 'owners_committee', formedOn: '2024-05-01' });
    expect(foreignId.statusCode).toBe(404);
    const notHere = await post(staffB, `${api}/${committeeId}/members`, { residentId: w.b.chen, position: 'member', since: '2024-05-01' });
    expect(notHere.statusCode).toBe(404);
    const street = await createAccount(database.db, {
      tenantId: '370785',
      username: 'oc.street',
      grants: [{ role: 'subdistrict_staff', nodeId: w.tree.subdistrict.id }],
    });
    const streetSession = await login(app, street.username, street.password);
    const otherCompound = await post(streetSession, `${api}/${committeeId}/members`, {
      residentId: w.b.chen,
      position: 'member',
      since: '2024-05-01',
    });
    expect(otherCompound.statusCode).toBe(400);
    expect(otherCompound.body).toContain('residentId');
    const badDate = await post(staffA, `${api}/${committeeId}/members`, { residentId: w.a.wang, position: 'member', since: '2024-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(
      (await post(county, api, { compoundId: w.tree.a.compound.id, kind: 'owners_committee', formedOn: '2024-05-01' })).statusCode,
    ).toBe(403);
  });

  it('runs an election through candidates, vetting, the ballot and the result; trainings record attendance', async () => {
    const e = await post(staffA, `${api}/elections`, { compoundId: w.tree.a.compound.id, kind: 'owners_committee', seats: 3 });
    expect(e.statusCode, e.body).toBe(201);
    const id = e.json().id;
    for (const residentId of [w.a.li, w.a.wang, w.a.zhang])
      expect((await post(staffA, `${api}/elections/${id}/candidates`, { residentId })).statusCode).toBe(201);
    const candidates = (await get(staffA, `${api}/elections/${id}`)).json().candidateList as { id: string }[];
    for (const k of candidates)
      for (const item of ['owner_household', 'no_criminal_record'])
        expect((await post(staffA, `${api}/elections/${id}/candidates/${k.id}/checks`, { item, passed: true })).statusCode).toBe(201);
    expect((await post(staffB, `${api}/elections/${id}/vote`, { method: 'tally' })).statusCode).toBe(404);
    const open = await post(staffA, `${api}/elections/${id}/vote`, { method: 'tally' });
    expect(open.statusCode, open.body).toBe(200);
    const ballotId = open.json().ballotId;
    const tally = await app.inject({
      method: 'POST',
      url: `/api/v1/ballots/${ballotId}/tally`,
      headers: staffA.headers,
      payload: { cast: { voters: 2, area: 180 }, options: [1, 2, 3].map((o) => ({ id: o, voters: 2, area: 180 })) },
    });
    expect(tally.statusCode, tally.body).toBeLessThan(300);
    const closed = await post(staffA, `${api}/elections/${id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'elected', result: { quorumMet: true } });
    expect((await get(county, `${api}/elections?status=elected`)).json().items).toHaveLength(1);
    expect((await get(county, `${api}/elections/export.xlsx`)).rawPayload.subarray(0, 2).toString()).toBe('PK');

    const formed = (await get(staffA, `${api}/${closed.json().newCommitteeId}`)).json();
    const batch = await post(staffA, `${api}/trainings`, {
      nodeId: w.tree.a.community.id,
      title: '新任委员培训',
      heldOn: daysFromToday(0),
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const att = await post(staffA, `${api}/trainings/${batch.json().id}/attendance`, {
      memberIds: formed.members.map((m: { id: string }) => m.id),
    });
    expect(att.json().attendees).toBe(3);
    expect((await get(staffA, `${api}/${formed.id}`)).json().trainedShare).toBe(1);
    expect((await get(staffB, `${api}/trainings/${batch.json().id}`)).statusCode).toBe(404);
    expect((await get(staffA, `${api}/trainings/export.xlsx`)).statusCode).toBe(200);
  });
});
