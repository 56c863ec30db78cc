import { createAccount } from '@linli/accounts/testing';
import { ballotsModule } from '@linli/ballots';
import type { ModuleManifest } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { partyModule } from '@linli/party';
import { peopleModule } from '@linli/people';
import { buildModuleApp } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from './contract.ts';
import { ownersCommitteesModule } from './module.ts';
import { ownersCommitteesRoutes } from './routes.ts';
import { buildMeetingWorld, daysFromToday, memoryFiles, onePixelPng } from './testing.ts';

let database: Database;
let app: LinliApp;
let w: Awaited<ReturnType<typeof buildMeetingWorld>>;
let staffA: Session;
let staffB: Session;
let county: Session;
let resident: Session;
let residentB: Session;
const files = memoryFiles();
const api = '/api/v1/owners-committees/meetings';

const withFiles: ModuleManifest = {
  ...ownersCommitteesModule,
  abilities: undefined,
  errors: undefined,
  demo: undefined,
  routes: (root, deps) => ownersCommitteesRoutes(root, { ...deps, files }),
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [peopleModule, partyModule, ballotsModule, withFiles]);
  w = await buildMeetingWorld(database.db);
  const account = async (username: string, role: 'community_staff' | 'county_staff' | 'resident', nodeId: string) => {
    const a = await createAccount(database.db, { tenantId: '370785', username, grants: [{ role, nodeId }] });
    return login(app, a.username, a.password);
  };
  staffA = await account('om.a', 'community_staff', w.tree.a.community.id);
  staffB = await account('om.b', 'community_staff', w.tree.b.community.id);
  county = await account('om.county', 'county_staff', w.tree.county.id);
  resident = await account('om.r105', 'resident', w.households[4]!.id);
  residentB = await account('om.rb', 'resident', w.tree.b.h101.id);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (s: Session, url: string, payload: object) => app.inject({ method: 'POST', url, headers: s.headers, payload });
const get = (s: Session, url: string) => app.inject({ url, headers: s.headers });
function upload(s: Session, url: string, bytes: Buffer, name = '委托书.png') {
  const boundary = '----om-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url,
    headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

describe("owners' general meetings over HTTP", () => {
  it('runs a meeting from draft to published result; lists, filters, sorts and exports in scope; residents of the compound see it', async () => {
    const created = await post(staffA, api, {
      compoundId: w.compound.id,
      kind: 'first',
      placeText: '小区广场',
      voteFrom: daysFromToday(-1),
      voteUntil: daysFromToday(7),
      matters: [
        { kind: 'rules_of_procedure', title: '通过业主大会议事规则' },
        { kind: 'fund_raising', title: '筹集专项维修资金' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as MeetingDetail).id;
    // Not visible to residents as a draft.
    expect((await get(resident, '/api/v1/me/owners-meetings')).json().items).toEqual([]);
    const short = await post(staffA, `${api}/${id}/notice`, { noticeOn: daysFromToday(-10) });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([{ field: 'noticeOn', reason: 'is 9 day(s) before the vote; at least 15 are required' }]);
    expect((await post(staffA, `${api}/${id}/notice`, { noticeOn: daysFromToday(-20) })).statusCode).toBe(200);
    const opened = await post(staffA, `${api}/${id}/vote`, {});
    expect(opened.statusCode, opened.body).toBe(200);
    const m = opened.json() as MeetingDetail;

    // A proxy: the document first (an image or a PDF, checked by its bytes), then the proxy.
    const bad = await upload(staffA, `${api}/${id}/documents`, Buffer.from('not an image'), 'x.png');
    expect(bad.statusCode).toBe(400);
    const doc = await upload(staffA, `${api}/${id}/documents`, onePixelPng);
    expect(doc.statusCode, doc.body).toBe(201);
    const documentId = doc.json().id as string;
    expect((await get(staffA, `${api}/${id}/documents/${documentId}`)).headers['content-type']).toBe('image/png');
    expect((await get(staffB, `${api}/${id}/documents/${documentId}`)).statusCode).toBe(404);
    const [h1, h2, h3, h4] = w.households;
    const proxied = await post(staffA, `${api}/${id}/proxies`, { householdId: h4!.id, proxyName: '周律师', documentId });
    expect(proxied.statusCode, proxied.body).toBe(201);
    expect(proxied.json().proxies.map((p: { householdName: string; proxyName: string }) => [p.householdName, p.proxyName])).toEqual([
      ['1号楼1单元104', '周律师'],
    ]);

    // Paper ballots for 101–104 (104's by its proxy); 105 votes on the phone through the ballots engine.
    const choice = (c: string) => m.matterList.map((x) => ({ matterId: x.id, choice: c }));
    for (const h of [h1, h2, h3, h4]) {
      const res = await post(staffA, `${api}/${id}/paper-ballots`, { householdId: h!.id, choices: choice('agree') });
      expect(res.statusCode, res.body).toBe(201);
    }
    const again = await post(staffA, `${api}/${id}/paper-ballots`, { householdId: h1!.id, choices: choice('oppose') });
    expect(again.statusCode).toBe(409);
    const mine = await get(resident, '/api/v1/me/ballots');
    const ballots = mine.json().items as { id: string }[];
    expect(ballots).toHaveLength(2);
    for (const b of ballots) {
      const vote = await post(resident, `/api/v1/me/ballots/${b.id}/vote`, { options: [2], receipt: 'r'.repeat(43) + b.id.slice(0, 4) });
      expect(vote.statusCode, vote.body).toBe(200);
    }
    // Another compound's resident neither sees the meeting nor votes in it.
    expect((await get(residentB, '/api/v1/me/owners-meetings')).json().items).toEqual([]);
    expect((await get(residentB, `/api/v1/me/owners-meetings/${id}`)).statusCode).toBe(404);
    expect((await post(residentB, `/api/v1/me/ballots/${ballots[0]!.id}/vote`, { options: [1], receipt: 'b'.repeat(43) })).statusCode).toBe(
      404,
    );
    // Staff of another community cannot reach it.
    expect((await get(staffB, `${api}/${id}`)).statusCode).toBe(404);
    expect((await post(staffB, `${api}/${id}/close`, {})).statusCode).toBe(404);

    const closed = await post(staffA, `${api}/${id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    // 4 of 5 households agree: 200 of 400 m². Ordinary: 50 % of the area is not more than half. Major: under 3/4 of the area.
    expect(
      closed.json().matterList.map((x: MeetingDetail['matterList'][0]) => [x.result?.agree.voters, x.result?.agree.area, x.result?.passed]),
    ).toEqual([
      [4, 200, false],
      [4, 200, false],
    ]);
    const published = await post(staffA, `${api}/${id}/publish`, {});
    expect(published.statusCode).toBe(200);
    const seen = await get(resident, `/api/v1/me/owners-meetings/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'published', placeText: '小区广场' });
    expect(seen.json().resultBody).toContain('通过业主大会议事规则');

    const list = await get(county, `${api}?status=published&sort=voteFrom`);
    expect(list.json().items.map((x: { title: string; passedMatters: number }) => [x.title, x.passedMatters])).toEqual([
      ['和园小区首次业主大会', 0],
    ]);
    expect((await get(staffB, api)).json().items).toEqual([]);
    const xlsx = await get(county, `${api}/export.xlsx?kind=first`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('refuses bad input with the field and reason', async () => {
    const bad = await post(staffA, api, {
      compoundId: w.compound.id,
      kind: 'regular',
      voteFrom: '2026-02-30',
      voteUntil: '2026-03-10',
      matters: [],
    });
    expect(bad.statusCode).toBe(400);
    const dates = await post(staffA, api, {
      compoundId: w.compound.id,
      kind: 'regular',
      voteFrom: '2026-02-30',
      voteUntil: '2026-03-10',
      matters: [{ kind: 'other_major', title: '增设充电桩' }],
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.details).toEqual([{ field: 'voteFrom', reason: 'must match format "date"' }]);
    const kind = await post(staffA, api, {
      compoundId: w.compound.id,
      kind: 'regular',
      voteFrom: '2026-03-01',
      voteUntil: '2026-03-10',
      matters: [{ kind: 'party', title: 'x' }],
    });
    expect(kind.statusCode).toBe(400);
  });
});
