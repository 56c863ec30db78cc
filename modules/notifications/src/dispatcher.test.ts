import { emitEvents, newId } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase, testDriver } from '@linli/db/testing';
import { runDeadlineJob } from '@linli/demands';
import { buildDemandWorld, type DemandWorld, demandAt } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backoffMs, dispatchOutbox, sendDeliveries } from './dispatcher.ts';
import { recordingChannel } from './testing.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const idOf = (who: keyof DemandWorld['ctx']) => world.ctx[who].actor.accountId;
const notificationsOf = (demandId: string) =>
  rows<{ recipient_id: string; event_type: string; title: string; body: string; link: string; message_key: string }>(
    database.db,
    sql`SELECT recipient_id, event_type, title, body, link, message_key FROM notification WHERE demand_id = ${demandId}::uuid ORDER BY created_at, event_type`,
  );
const pending = async () =>
  (
    await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL AND dead_at IS NULL`)
  )[0]!.n;
/** Everything pending now delivered, so each test starts from a clean outbox. */
const drain = async (now?: Date) => {
  while ((await dispatchOutbox(database.db, { now })).events > 0);
};

beforeEach(() => drain());

describe('dispatchOutbox', () => {
  it('tells the resident of each status change and the handling unit of its assignment, once', async () => {
    const d = await demandAt(database.db, world, 'in_progress');
    const result = await dispatchOutbox(database.db);
    expect(result.failed).toBe(0);
    const list = await notificationsOf(d.id);
    const toResident = list.filter((n) => n.recipient_id === idOf('resident'));
    expect(toResident.map((n) => n.event_type)).toEqual(['demand.accepted', 'demand.dispatched', 'demand.started']);
    expect(toResident.map((n) => n.body)).toEqual([
      `您的诉求 ${d.number} 已受理。`,
      `您的诉求 ${d.number} 已派单办理。`,
      `您的诉求 ${d.number} 正在办理。`,
    ]);
    expect(toResident.every((n) => n.link === `/m/demands/${d.id}`)).toBe(true);
    // The dispatch goes to the property staff of the compound (the nearest holders of demand.handle), not to the community.
    const assigned = list.filter((n) => n.event_type === 'demand.dispatched' && n.recipient_id !== idOf('resident'));
    expect(assigned.map((n) => n.recipient_id)).toEqual([idOf('property')]);
    expect(assigned[0]).toMatchObject({ message_key: 'notification.demandAssigned', link: `/demands/${d.id}` });
    expect(await pending()).toBe(0);
    // Delivering again adds nothing.
    await database.db.execute(sql`UPDATE outbox_event SET published_at = NULL WHERE aggregate_id = ${d.id}`);
    await dispatchOutbox(database.db);
    expect(await notificationsOf(d.id)).toHaveLength(list.length);
  });

  it('never puts staff names or units into what the resident reads', async () => {
    const d = await demandAt(database.db, world, 'resolved');
    await dispatchOutbox(database.db);
    const staffNames = ['grid', 'community', 'property', world.tree.compounds[0]!.name, world.tree.communities[0]!.name];
    const toResident = (await notificationsOf(d.id)).filter((n) => n.recipient_id === idOf('resident'));
    expect(toResident.length).toBe(4);
    for (const n of toResident) for (const name of staffNames) expect(`${n.title} ${n.body}`).not.toContain(name);
  });

  it('sends deadline reminders to the handlers, to the intake desk before acceptance and to the dispatchers before dispatch', async () => {
    const dispatched = await demandAt(database.db, world, 'dispatched');
    const submitted = await demandAt(database.db, world, 'submitted');
    await drain();
    await runDeadlineJob(database.db, { now: new Date(new Date(dispatched.resolveDueAt).getTime() - 3_600_000) });
    await dispatchOutbox(database.db);
    const reminders = (await notificationsOf(dispatched.id)).filter((n) => n.event_type === 'demand.deadline_reminder');
    expect(reminders.map((n) => n.recipient_id)).toEqual([idOf('property')]);
    expect(reminders[0]!.title).toBe(`诉求即将到期：${dispatched.number}`);
    const overdue = (await notificationsOf(submitted.id)).filter((n) => n.event_type === 'demand.overdue');
    expect(overdue.map((n) => n.recipient_id).sort()).toEqual([idOf('community'), idOf('grid')].sort());
    // Accepted and waiting for dispatch: the first receiver's dispatchers (community staff; the grid worker does not dispatch).
    const accepted = await demandAt(database.db, world, 'accepted');
    await drain();
    await runDeadlineJob(database.db, { now: new Date(new Date(accepted.resolveDueAt).getTime() + 3_600_000) });
    await dispatchOutbox(database.db);
    const waiting = (await notificationsOf(accepted.id)).filter((n) => n.event_type === 'demand.overdue');
    expect(waiting.map((n) => n.recipient_id)).toEqual([idOf('community')]);
  });

  it('asks the first receiver’s dispatchers to approve an extension or re-dispatch, and tells the handlers the decision and supervision', async () => {
    const d = await demandAt(database.db, world, 'in_progress');
    await drain();
    const until = new Date(new Date(d.resolveDueAt).getTime() + 72 * 3_600_000).toISOString();
    const event = (type: string, payload: Record<string, unknown>) =>
      emitEvents(database.db, { tenantId: world.tenantId, type, aggregateType: 'demand', aggregateId: d.id, payload });
    await event('demand.extension_requested', { requestedUntil: until });
    await event('demand.extension_decided', { approved: true, resolveDueAt: until });
    await event('demand.supervised', {});
    await event('demand.returned', {});
    await dispatchOutbox(database.db);
    const list = await notificationsOf(d.id);
    const to = (type: string) => list.filter((n) => n.event_type === type).map((n) => n.recipient_id);
    // Dispatch is held by community staff (the first receiver is the community); the grid worker only handles.
    expect(to('demand.extension_requested')).toEqual([idOf('community')]);
    expect(to('demand.returned')).toEqual([idOf('community')]);
    expect(to('demand.extension_decided')).toEqual([idOf('property')]);
    expect(to('demand.supervised')).toEqual([idOf('property')]);
    expect(list.find((n) => n.event_type === 'demand.extension_decided')).toMatchObject({
      title: `延期已批准：${d.number}`,
      message_key: 'notification.extensionApproved',
    });
    const internal = ['demand.extension_requested', 'demand.extension_decided', 'demand.supervised', 'demand.returned'];
    expect(list.filter((n) => n.recipient_id === idOf('resident') && internal.includes(n.event_type))).toEqual([]);
  });

  it('retries a failing event with backoff, parks it as dead after the last attempt, and delivers the others', async () => {
    const bad = newId();
    await database.db.execute(
      sql`INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload)
          VALUES (${world.tenantId}, ${bad}, 'demand.accepted', 'demand', 'not-a-uuid', '{}')`,
    );
    const good = await demandAt(database.db, world, 'accepted');
    const t0 = new Date();
    const first = await dispatchOutbox(database.db, { now: t0, maxAttempts: 2 });
    expect(first.failed).toBe(1);
    expect((await notificationsOf(good.id)).map((n) => n.event_type)).toEqual(['demand.accepted']);
    const state = () =>
      rows<{ attempts: number; dead: boolean; published: boolean; last_error: string | null }>(
        database.db,
        sql`SELECT attempts, dead_at IS NOT NULL AS dead, published_at IS NOT NULL AS published, last_error FROM outbox_event WHERE id = ${bad}::uuid`,
      );
    expect((await state())[0]).toMatchObject({ attempts: 1, dead: false, published: false });
    // Not before its backoff…
    expect((await dispatchOutbox(database.db, { now: new Date(t0.getTime() + backoffMs(1) - 1000), maxAttempts: 2 })).events).toBe(0);
    // …then the second and last attempt.
    const second = await dispatchOutbox(database.db, { now: new Date(t0.getTime() + backoffMs(1) + 1000), maxAttempts: 2 });
    expect(second).toMatchObject({ events: 1, failed: 1, dead: 1 });
    const [dead] = await state();
    expect(dead).toMatchObject({ attempts: 2, dead: true, published: false });
    expect(dead!.last_error).toBeTruthy();
    expect((await dispatchOutbox(database.db, { now: new Date(t0.getTime() + 86_400_000) })).events).toBe(0);
  });

  it('several dispatchers at once share the batch: each event is handled by one, each notification written once', async () => {
    for (let i = 0; i < 4; i += 1) await demandAt(database.db, world, 'dispatched');
    const before = await pending();
    expect(before).toBeGreaterThanOrEqual(12);
    const results = await Promise.all([1, 2, 3].map(() => dispatchOutbox(database.db, { batch: 5 })));
    const handled = results.reduce((sum, r) => sum + r.events, 0);
    await drain();
    if (testDriver() === 'postgres') expect(handled).toBeLessThanOrEqual(before);
    const duplicates = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM (SELECT event_id, recipient_id FROM notification GROUP BY 1, 2 HAVING count(*) > 1) x`,
    );
    expect(duplicates[0]!.n).toBe(0);
    expect(await pending()).toBe(0);
  });
});

describe('sendDeliveries', () => {
  it('sends every new notification through the configured channels, retrying a failed send', async () => {
    const sms = recordingChannel('sms', 1);
    const d = await demandAt(database.db, world, 'accepted');
    await dispatchOutbox(database.db, { channels: [sms] });
    const t0 = new Date();
    const first = await sendDeliveries(database.db, [sms], { now: t0 });
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    const second = await sendDeliveries(database.db, [sms], { now: new Date(t0.getTime() + backoffMs(1) + 1000) });
    expect(second).toMatchObject({ sent: 1, failed: 0 });
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0]).toMatchObject({ recipientId: idOf('resident'), body: `您的诉求 ${d.number} 已受理。` });
    expect((await sendDeliveries(database.db, [sms], { now: new Date(t0.getTime() + 86_400_000) })).sent).toBe(0);
  });

  it('a channel that keeps failing ends dead after the last attempt', async () => {
    const wechat = recordingChannel('wechat', 100);
    await demandAt(database.db, world, 'accepted');
    await dispatchOutbox(database.db, { channels: [wechat] });
    let now = Date.now();
    const totals = { failed: 0, dead: 0 };
    for (let i = 0; i < 3; i += 1) {
      const r = await sendDeliveries(database.db, [wechat], { now: new Date(now), maxAttempts: 3 });
      totals.failed += r.failed;
      totals.dead += r.dead;
      now += backoffMs(i + 1) + 1000;
    }
    expect(totals).toEqual({ failed: 3, dead: 1 });
    const [row] = await rows<{ status: string; attempts: number }>(
      database.db,
      sql`SELECT status, attempts FROM notification_delivery WHERE channel = 'wechat'`,
    );
    expect(row).toEqual({ status: 'dead', attempts: 3 });
  });
});
