import { createAccount } from '@linli/accounts/testing';
import { newId } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities, insertResident } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingsModule } from './module.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let staffA: Session;
let staffB: Session;
let resident: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [meetingsModule]);
  tree = await buildTwoCommunities(database.db);
  const grant = (role: 'community_staff' | 'resident', node: { id: string }) => [{ role, nodeId: node.id }];
  const a = await createAccount(database.db, {
    tenantId: '370785',
    username: 'meetings.a',
    grants: grant('community_staff', tree.a.community),
  });
  const b = await createAccount(database.db, {
    tenantId: '370785',
    username: 'meetings.b',
    grants: grant('community_staff', tree.b.community),
  });
  const r = await createAccount(database.db, { tenantId: '370785', username: 'meetings.r', grants: grant('resident', tree.a.h102) });
  staffA = await login(app, a.username, a.password);
  staffB = await login(app, b.username, b.password);
  resident = await login(app, r.username, r.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (s: Session, url: string, payload?: object) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
const get = (s: Session, url: string) => app.inject({ url: `/api/v1${url}`, headers: s.headers });

describe('meetings HTTP API', () => {
  it('runs a compound council meeting: council, seats, notice, check-in, open, motion, minutes, close; the resident sees it on the phone', async () => {
    const council = await post(staffA, '/councils', { nodeId: tree.a.compound.id, level: 'compound', name: '凤凰小区议事会' });
    expect(council.statusCode, council.body).toBe(201);
    const councilId = council.json().id as string;
    for (const name of ['王书记', '李主任', '赵经理']) {
      const r = await insertResident(database.db, tree.a.h101, { name });
      expect((await post(staffA, `/councils/${councilId}/seats`, { role: 'member', residentId: r.id })).statusCode).toBe(201);
    }
    const seat = await post(staffB, `/councils/${councilId}/seats`, { role: 'member', name: '越权' });
    expect(seat.statusCode).toBe(404);

    const created = await post(staffA, '/meetings', {
      councilId,
      title: '停车位划线议事会',
      startsAt: '2026-06-01T11:00:00.000Z',
      placeText: '凤凰小区毫议站',
      items: [{ kind: 'topic', title: '停车位划线' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const meeting = created.json();
    expect((await post(staffA, `/meetings/${meeting.id}/notice`)).json().status).toBe('published');

    // The resident's phone: the notice, then check-in with the code.
    const notices = await get(resident, '/me/meetings');
    expect(notices.json().items.map((m: { title: string; invited: boolean }) => [m.title, m.invited])).toEqual([
      ['停车位划线议事会', false],
    ]);
    expect((await post(resident, `/me/meetings/${meeting.id}/check-in`, { code: meeting.code })).statusCode).toBe(201);
    expect((await post(resident, `/me/meetings/${meeting.id}/check-in`, { code: meeting.code })).statusCode).toBe(409);
    expect((await get(resident, '/meetings')).statusCode).toBe(403);

    for (const i of meeting.invitees.slice(0, 2)) {
      expect((await post(staffA, `/meetings/${meeting.id}/check-ins`, { inviteeId: i.id })).statusCode).toBe(201);
    }
    expect((await post(staffA, `/meetings/${meeting.id}/open`)).json().status).toBe('open');
    const motion = await post(staffA, `/meetings/${meeting.id}/motions`, { text: '划线40个车位', mover: '王书记' });
    expect(motion.statusCode).toBe(201);
    const decided = await post(staffA, `/meetings/${meeting.id}/motions/${motion.json().id}/decision`, { votesFor: 2, votesAgainst: 1 });
    expect(decided.json().status).toBe('adopted');
    const minutes = await app.inject({
      method: 'PUT',
      url: `/api/v1/meetings/${meeting.id}/minutes`,
      headers: staffA.headers,
      payload: { minutes: '同意划线', items: [{ id: meeting.items[0].id, decision: '划线40个', outcome: 'adopted' }] },
    });
    expect(minutes.statusCode, minutes.body).toBe(200);
    const closed = await post(staffA, `/meetings/${meeting.id}/close`);
    expect(closed.json()).toMatchObject({ present: 3, membersPresent: 2, quorumMet: true });
    const seen = (await get(resident, '/me/meetings')).json().items[0];
    expect(seen).toMatchObject({ status: 'closed', checkedIn: true, minutes: '同意划线' });
    expect(seen.items[0]).toMatchObject({ decision: '划线40个', outcome: 'adopted' });

    // Lists: in scope only, sorted, paged, exported.
    const list = await get(staffA, '/meetings?sort=title&limit=1');
    expect(list.json().items.map((m: { title: string }) => m.title)).toEqual(['停车位划线议事会']);
    expect((await get(staffB, '/meetings')).json().items).toEqual([]);
    expect((await get(staffB, `/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await get(staffA, `/meetings/${meeting.id}`)).json().code).toBe(meeting.code);
    const file = await get(staffA, '/meetings/export.xlsx');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const councils = await get(staffA, '/councils?sort=name');
    expect(councils.json().items.map((c: { name: string; members: number }) => [c.name, c.members])).toEqual([['凤凰小区议事会', 3]]);
    expect((await get(staffA, '/councils/export.xlsx')).statusCode).toBe(200);
  });

  it('refuses bad input naming the field, and ids of another community like unknown ones', async () => {
    const bad = await post(staffA, '/councils', { nodeId: tree.a.community.id, level: 'community' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('name');
    const wrongLevel = await post(staffA, '/councils', { nodeId: tree.a.community.id, level: 'galaxy', name: 'x' });
    expect(wrongLevel.statusCode).toBe(400);
    const other = await post(staffA, '/councils', { nodeId: tree.b.community.id, level: 'community', name: '越权' });
    expect(other.statusCode).toBe(404);
    const noPlace = await post(staffA, '/meetings', {
      councilId: '0190a000-0000-7000-8000-000000000001',
      title: 't',
      startsAt: '2026-06-01T11:00:00.000Z',
      items: [],
    });
    expect(noPlace.statusCode).toBe(404);
    const badCode = await post(resident, '/me/meetings/0190a000-0000-7000-8000-000000000001/check-in', { code: 'abc' });
    expect(badCode.statusCode).toBe(400);
    expect((await get(staffA, '/me/meetings')).statusCode).toBe(403);
  });

  it('answers a station or agenda topic of another community, and an invitee or item of another meeting, like unknown ones', async () => {
    const at = (node: { id: string; path: string }) => ({ id: newId(), node });
    const station = at(tree.b.compound);
    await database.query(
      `INSERT INTO deliberation_station_kind (tenant_id, code, name) VALUES ('370785', 'station', '议事站') ON CONFLICT DO NOTHING`,
    );
    await database.query(
      `INSERT INTO deliberation_station (tenant_id, id, name, kind, level, node_id, node_path) VALUES ('370785', $1, '外社区议事站', 'station', 'compound', $2, $3::ltree)`,
      [station.id, station.node.id, station.node.path],
    );
    const topic = at(tree.b.compound);
    await database.query(
      `INSERT INTO deliberation_topic (tenant_id, id, number, title, description, source, node_id, node_path, level)
       VALUES ('370785', $1, $2, '加装电梯', '费用分摊', 'staff', $3, $4::ltree, 'compound')`,
      [topic.id, `T-${topic.id.slice(-6)}`, topic.node.id, topic.node.path],
    );
    const council = (await post(staffA, '/councils', { nodeId: tree.a.compound.id, level: 'compound', name: '越界测试议事会' })).json().id;
    expect((await post(staffA, `/councils/${council}/seats`, { role: 'member', name: '居民代表' })).statusCode).toBe(201);
    const body = (over: object) => ({
      councilId: council,
      title: '议事会',
      startsAt: '2026-06-01T11:00:00.000Z',
      placeText: '议事亭',
      items: [],
      ...over,
    });
    const same = async (url: string, payload: (id: string) => object, foreignId: string) => {
      const unknownId = newId();
      const unknown = await post(staffA, url, payload(unknownId));
      const foreignAnswer = await post(staffA, url, payload(foreignId));
      expect(unknown.statusCode, unknown.body).toBe(404);
      expect([foreignAnswer.statusCode, foreignAnswer.body.replaceAll(foreignId, '<id>')]).toEqual([
        unknown.statusCode,
        unknown.body.replaceAll(unknownId, '<id>'),
      ]);
    };
    await same('/meetings', (stationId) => body({ stationId }), station.id);
    await same('/meetings', (id) => body({ items: [{ kind: 'topic', id, title: '加装电梯' }] }), topic.id);

    const meeting = async () => {
      const m = await post(staffA, '/meetings', body({ items: [{ kind: 'topic', title: '楼道照明' }] }));
      expect(m.statusCode, m.body).toBe(201);
      expect((await post(staffA, `/meetings/${m.json().id}/notice`)).statusCode).toBe(200);
      return m.json() as { id: string; invitees: { id: string }[]; items: { id: string }[] };
    };
    const [one, two] = [await meeting(), await meeting()];
    await same(`/meetings/${one.id}/check-ins`, (inviteeId) => ({ inviteeId }), two.invitees[0]!.id);
    expect((await post(staffA, `/meetings/${one.id}/check-ins`, { inviteeId: one.invitees[0]!.id })).statusCode).toBe(201);
    expect((await post(staffA, `/meetings/${one.id}/open`)).json().status).toBe('open');
    await same(`/meetings/${one.id}/motions`, (itemId) => ({ text: '同意', mover: '居民代表', itemId }), two.items[0]!.id);
    const minutes = (id: string) => ({ minutes: '纪要', items: [{ id, decision: '同意', outcome: 'adopted' }] });
    const put = (items: object) =>
      app.inject({ method: 'PUT', url: `/api/v1/meetings/${one.id}/minutes`, headers: staffA.headers, payload: items });
    const unknownItem = newId();
    const [a, b] = [await put(minutes(unknownItem)), await put(minutes(two.items[0]!.id))];
    expect(a.statusCode, a.body).toBe(404);
    expect([b.statusCode, b.body.replaceAll(two.items[0]!.id, '<id>')]).toEqual([a.statusCode, a.body.replaceAll(unknownItem, '<id>')]);
    // A speaker checked in at another meeting is no attendee of this one.
    const motion = await post(staffA, `/meetings/${one.id}/motions`, { text: '同意', mover: '居民代表' });
    expect(motion.statusCode, motion.body).toBe(201);
    const elsewhere = await post(staffA, `/meetings/${two.id}/check-ins`, { inviteeId: two.invitees[0]!.id });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    await same(
      `/meetings/${one.id}/motions/${motion.json().id}/turns`,
      (attendanceId) => ({ attendanceId, stance: 'for', seconds: 60 }),
      elsewhere.json().id,
    );
  });
});
