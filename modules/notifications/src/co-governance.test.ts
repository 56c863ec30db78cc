import { createAccount } from '@linli/accounts/testing';
import { newId } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { buildDemandWorld, type DemandWorld } from '@linli/demands/testing';
import { createTestApp, login, type Session, type TestApp } from '@linli/server/test/helpers';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOutbox } from './dispatcher.ts';

// The co-governance events (meetings, resolutions) driven through the modules' own API, delivered
// by the dispatcher and read back from the recipients' inboxes.

let t: TestApp;
let database: Database;
let world: DemandWorld;
const sessions = {} as Record<'community' | 'resident' | 'neighbour' | 'grid', Session>;
/** Second accounts of the resident's (households[0]) and the neighbour's household (households[1]), and a resident of households[3] who sits on the committee. */
let spouseId: string;
let flatmateId: string;
let leaderId: string;

beforeAll(async () => {
  t = await createTestApp();
  database = t.database;
  world = await buildDemandWorld(database.db);
  for (const who of ['community', 'resident', 'neighbour', 'grid'] as const) {
    sessions[who] = await login(t.app, world.accounts[who]!.username, world.accounts[who]!.password);
  }
  const resident = (name: string, household: number) =>
    createAccount(database.db, {
      tenantId: world.tenantId,
      username: `${name}.${newId().slice(-6)}`,
      grants: [{ role: 'resident', nodeId: world.tree.households[household]!.id }],
    }).then((a) => a.id);
  spouseId = await resident('spouse', 0);
  flatmateId = await resident('flatmate', 1);
  leaderId = await resident('leader', 3);
});
afterAll(() => t.close());

/** Everything pending delivered, so each test counts its own notifications. */
const drain = async () => {
  while ((await dispatchOutbox(database.db)).events > 0);
};
beforeEach(() => drain());

const idOf = (who: keyof DemandWorld['ctx']) => world.ctx[who].actor.accountId;
const call = async <T>(s: Session, method: 'GET' | 'POST', url: string, payload?: object, status = method === 'GET' ? 200 : 201) => {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json() as T;
};
interface Row {
  recipient_id: string;
  title: string;
  body: string;
  link: string;
  message_key: string;
  demand_id: string | null;
}
const notificationsOf = (type: string) =>
  rows<Row>(
    database.db,
    sql`SELECT recipient_id, title, body, link, message_key, demand_id FROM notification WHERE event_type = ${type} ORDER BY recipient_id`,
  );
const sorted = (...ids: string[]) => [...ids].sort();

/** A resident record in households[i], linked to an account when given. */
async function residentRecord(name: string, household: number, accountId?: string): Promise<string> {
  const id = newId();
  await database.db.execute(
    sql`INSERT INTO resident (tenant_id, id, household_id, name, account_id)
        VALUES (${world.tenantId}, ${id}, ${world.tree.households[household]!.id}, ${name}, ${accountId ?? null})`,
  );
  return id;
}

describe('meeting notices and reminders', () => {
  let meetingId: string;

  it('tell each invited resident’s account once, the time, place and agenda; a seat without an account gets nothing', async () => {
    // 赵大姐's record is linked to the resident's account: her household's other account does not hear of it.
    const zhao = await residentRecord('赵大姐', 0, idOf('resident'));
    // 钱师傅's record has no account of its own: the accounts of his household (the neighbour, the flatmate) hear of it.
    const qian = await residentRecord('钱师傅', 1);
    // 孙老伯 has no account at all.
    const sun = await residentRecord('孙老伯', 2);
    const community = sessions.community;
    const council = await call<{ id: string }>(community, 'POST', '/councils', {
      nodeId: world.tree.compounds[0]!.id,
      level: 'compound',
      name: '第1小区议事会',
    });
    for (const residentId of [zhao, qian, sun])
      await call(community, 'POST', `/councils/${council.id}/seats`, { role: 'member', residentId });
    // A member seated from the street's staff records: no resident record, no account.
    await call(community, 'POST', `/councils/${council.id}/seats`, { role: 'street_committee', name: '街道联络员' });
    const meeting = await call<{ id: string; invitees: unknown[] }>(community, 'POST', '/meetings', {
      councilId: council.id,
      title: '加装电梯议事会',
      startsAt: '2026-05-10T01:00:00.000Z',
      placeText: '小区党群议事亭',
      items: [
        { kind: 'topic', title: '3号楼加装电梯' },
        { kind: 'topic', title: '楼道堆物清理' },
      ],
    });
    meetingId = meeting.id;
    expect(meeting.invitees).toHaveLength(4);
    await call(community, 'POST', `/meetings/${meetingId}/notice`, undefined, 200);

    const result = await dispatchOutbox(database.db);
    expect(result).toMatchObject({ failed: 0, dead: 0 });
    const list = await notificationsOf('meetings.notice_published');
    expect(list.map((n) => n.recipient_id)).toEqual(sorted(idOf('resident'), idOf('neighbour'), flatmateId));
    expect(list.map((n) => n.recipient_id)).not.toContain(spouseId);
    expect(list[0]).toMatchObject({
      message_key: 'notification.meetingNotice',
      title: '会议通知：加装电梯议事会',
      body: '「加装电梯议事会」定于 5月10日 09:00 在小区党群议事亭召开，议题：3号楼加装电梯；楼道堆物清理。请准时参加。',
      link: '/m/meetings',
      demand_id: null,
    });

    // A repeated dispatch of the same event adds nothing.
    await database.db.execute(
      sql`UPDATE outbox_event SET published_at = NULL WHERE type = 'meetings.notice_published' AND aggregate_id = ${meetingId}`,
    );
    expect(await dispatchOutbox(database.db)).toMatchObject({ events: 1, notifications: 0, failed: 0 });
    expect(await notificationsOf('meetings.notice_published')).toHaveLength(3);

    // The resident reads it in the inbox (消息), unread.
    const inbox = await call<{ items: { eventType: string; link: string; readAt: string | null; demandId: string | null }[] }>(
      sessions.resident,
      'GET',
      '/notifications',
    );
    expect(inbox.items[0]).toMatchObject({ eventType: 'meetings.notice_published', link: '/m/meetings', readAt: null, demandId: null });
    expect((await call<{ count: number }>(sessions.neighbour, 'GET', '/notifications/unread-count')).count).toBe(1);
  });

  it('remind only the invitees who have not checked in', async () => {
    const detail = await call<{ invitees: { id: string; name: string }[] }>(sessions.community, 'GET', `/meetings/${meetingId}`);
    const zhao = detail.invitees.find((i) => i.name === '赵大姐')!;
    await call(sessions.community, 'POST', `/meetings/${meetingId}/check-ins`, { inviteeId: zhao.id });
    await call(sessions.community, 'POST', `/meetings/${meetingId}/reminders`, undefined, 200);
    expect(await dispatchOutbox(database.db)).toMatchObject({ failed: 0 });
    const list = await notificationsOf('meetings.reminder');
    expect(list.map((n) => n.recipient_id)).toEqual(sorted(idOf('neighbour'), flatmateId));
    expect(list[0]).toMatchObject({
      message_key: 'notification.meetingReminder',
      title: '会议提醒：加装电梯议事会',
      body: '「加装电梯议事会」将于 5月10日 09:00 在小区党群议事亭召开，请准时参加，到场后扫码签到。',
      link: '/m/meetings',
    });
  });
});

describe('supervision of resolutions', () => {
  let resolutionId: string;

  it('asks the committee’s members with an account to evaluate, except a member who owns a task', async () => {
    const community = sessions.community;
    const committee = await call<{ id: string }>(community, 'POST', '/supervision-committees', { nodeId: world.tree.compounds[0]!.id });
    const member = (body: object) => call<{ id: string }>(community, 'POST', `/supervision-committees/${committee.id}/members`, body);
    await member({ name: '李阿姨', kind: 'resident_rep', accountId: idOf('neighbour') });
    const leader = await member({ name: '张楼长', kind: 'building_leader', accountId: leaderId });
    await member({ name: '王老师', kind: 'elder_sage' });
    // The grid worker sits on it too: staff, who open the supervision grid in the admin app.
    await member({ name: '网格员', kind: 'resident_rep', accountId: idOf('grid') });
    const resolution = await call<{ id: string }>(community, 'POST', '/resolutions', {
      nodeId: world.tree.compounds[0]!.id,
      title: '更换小区破损路灯',
      decidedOn: '2026-01-10',
      tasks: [
        { title: '采购并安装路灯', ownerKind: 'unit', ownerName: '物业服务中心', deadline: '2026-03-31' },
        { title: '施工期间告知住户', ownerKind: 'person', ownerName: '张楼长', ownerMemberId: leader.id, deadline: '2026-02-28' },
      ],
    });
    resolutionId = resolution.id;
    await call(community, 'POST', '/resolution-evaluations/schedule', { month: '2026-02' }, 200);
    expect(await dispatchOutbox(database.db)).toMatchObject({ failed: 0 });
    const list = await notificationsOf('resolutions.evaluation_due');
    expect(list.map((n) => n.recipient_id)).toEqual(sorted(idOf('neighbour'), idOf('grid')));
    const to = (id: string) => list.find((n) => n.recipient_id === id);
    expect(to(idOf('neighbour'))).toMatchObject({
      message_key: 'notification.evaluationDue',
      title: '待评价：更换小区破损路灯',
      body: '决议「更换小区破损路灯」2026年2月的监督评价待完成，请于月底前评价。',
      link: `/m/resolutions/${resolutionId}`,
    });
    expect(to(idOf('grid'))?.link).toBe('/resolutions/supervision');
  });

  it('tells the committee and the community staff of the place of an objection to the notice', async () => {
    const notice = await call<{ id: string }>(sessions.community, 'POST', '/resolution-publications', {
      nodeId: world.tree.compounds[0]!.id,
      month: '2026-02',
    });
    await call(sessions.resident, 'POST', `/resolution-publications/${notice.id}/objections`, { text: '路灯位置不合理', resolutionId });
    expect(await dispatchOutbox(database.db)).toMatchObject({ failed: 0 });
    const list = await notificationsOf('resolutions.objection_filed');
    // Community staff of this community only (not of another community); the members with an account, the task owner too.
    expect(list.map((n) => n.recipient_id)).toEqual(sorted(idOf('neighbour'), leaderId, idOf('grid'), idOf('community')));
    const to = (id: string) => list.find((n) => n.recipient_id === id);
    expect(to(idOf('community'))).toMatchObject({
      message_key: 'notification.objectionFiled',
      title: `公示异议：${world.tree.compounds[0]!.name}`,
      body: `有居民对${world.tree.compounds[0]!.name}2026年2月的决议公示中的「更换小区破损路灯」提出异议，请及时核实处理。`,
      link: '/resolutions/notices',
    });
    expect(to(idOf('neighbour'))?.link).toBe('/m/resolutions/notices');
    // What the objector wrote stays on the notice's page: it is not copied into the messages.
    for (const n of list) expect(n.body).not.toContain('路灯位置不合理');
  });
});
