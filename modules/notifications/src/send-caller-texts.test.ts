import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import {
  acceptDemand,
  buildDemandWorld,
  type DemandWorld,
  demandAt,
  dispatchDemand,
  submitTestDemand,
  testCipher,
} from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOutbox } from './dispatcher.ts';
import { sendCallerTexts } from './send-caller-texts.ts';
import { recordingChannel } from './testing.ts';

// A 12345 caller without an account hears of acceptance, rejection, resolution and merging by text;
// the phone is read from the demand at send time and every read is in the audit trail.

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const drain = async () => {
  while ((await dispatchOutbox(database.db)).events > 0);
};
// Each test starts from a delivered outbox and an empty text queue.
beforeEach(async () => {
  await drain();
  await database.db.execute(sql`DELETE FROM caller_text`);
});

const textsOf = (demandId: string) =>
  rows<{ event_type: string; channel: string; body: string; status: string; attempts: number }>(
    database.db,
    sql`SELECT event_type, channel, body, status, attempts FROM caller_text WHERE demand_id = ${demandId}::uuid ORDER BY created_at, channel`,
  );
const accept = (id: string) => database.db.transaction((tx) => acceptDemand(tx, world.ctx.grid, id));
const dispatch = (id: string) => database.db.transaction((tx) => dispatchDemand(tx, world.ctx.community, id));

describe('texts to phone-only callers', () => {
  it('queues the texted events on each channel that can text, never for a resident with an account, and once per event', async () => {
    const sms = recordingChannel('sms');
    const wechat = { name: 'wechat', send: async () => undefined };
    const d = await submitTestDemand(database.db, world);
    await accept(d.id);
    await dispatch(d.id);
    const result = await dispatchOutbox(database.db, { channels: [sms, wechat] });
    expect(result.texts).toBe(1);
    // Accepted is texted; dispatched is not (a caller is told the outcome, not every step); WeChat cannot reach a phone.
    expect(await textsOf(d.id)).toEqual([
      {
        event_type: 'demand.accepted',
        channel: 'sms',
        body: `您反映的诉求（编号 ${d.number}）已受理，我们将按时办理。`,
        status: 'pending',
        attempts: 0,
      },
    ]);
    // Delivering the same events again queues nothing new.
    await database.db.execute(sql`UPDATE outbox_event SET published_at = NULL WHERE aggregate_id = ${d.id}`);
    expect((await dispatchOutbox(database.db, { channels: [sms, wechat] })).texts).toBe(0);
    expect(await textsOf(d.id)).toHaveLength(1);

    // A resident's own demand goes to their in-app inbox, not to a text.
    const own = await demandAt(database.db, world, 'accepted');
    await dispatchOutbox(database.db, { channels: [sms] });
    expect(await textsOf(own.id)).toEqual([]);
  });

  it('sends with the decrypted phone, audits the read, and retries a failed send until it is dead', async () => {
    const d = await submitTestDemand(database.db, world, { reporter: { kind: 'caller', phone: '13900001111' } });
    await accept(d.id);
    const flaky = recordingChannel('sms', 1);
    await dispatchOutbox(database.db, { channels: [flaky] });

    const now = new Date();
    const first = await sendCallerTexts(database.db, testCipher, [flaky], { now });
    expect(first).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect((await textsOf(d.id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    // Not due again before the backoff has passed.
    expect(await sendCallerTexts(database.db, testCipher, [flaky], { now })).toEqual({ sent: 0, failed: 0, dead: 0 });
    const later = new Date(now.getTime() + 11_000);
    expect(await sendCallerTexts(database.db, testCipher, [flaky], { now: later })).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(flaky.texts).toEqual([
      expect.objectContaining({ demandId: d.id, phone: '13900001111', body: `您反映的诉求（编号 ${d.number}）已受理，我们将按时办理。` }),
    ]);
    expect((await textsOf(d.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });

    // Both attempts read the phone, and the trail says so — without the number.
    const audit = await rows<{ action: string; actor_name: string; details: Record<string, unknown> | string }>(
      database.db,
      sql`SELECT action, actor_name, details FROM audit_event WHERE target_id = ${d.id} AND action = 'demand.caller_text' ORDER BY seq`,
    );
    expect(audit.map((a) => a.actor_name)).toEqual(['system', 'system']);
    const details = audit.map((a) => (typeof a.details === 'string' ? JSON.parse(a.details) : a.details));
    expect(details[1]).toMatchObject({ fields: ['reporterPhone'], channel: 'sms', event: 'demand.accepted', attempt: 2 });
    expect(JSON.stringify(details)).not.toContain('13900001111');

    // A gateway that never answers: parked as dead after the last attempt, not retried for ever.
    const e = await submitTestDemand(database.db, world, { reporter: { kind: 'caller', phone: '13900002222' } });
    await accept(e.id);
    const down = recordingChannel('sms', 99);
    await dispatchOutbox(database.db, { channels: [down] });
    let at = new Date();
    for (let i = 0; i < 3; i += 1) {
      await sendCallerTexts(database.db, testCipher, [down], { now: at, maxAttempts: 3 });
      at = new Date(at.getTime() + 3_600_000);
    }
    expect((await textsOf(e.id))[0]).toMatchObject({ status: 'dead', attempts: 3 });
    expect(down.texts).toEqual([]);
  });
});
