import { createAccount } from '@linli/accounts/testing';
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
});
