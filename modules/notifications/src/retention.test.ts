import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { acceptDemand, buildDemandWorld, type DemandWorld, demandAt, submitTestDemand, testCipher } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOutbox, sendDeliveries } from './dispatcher.ts';
import { pruneDelivered } from './retention.ts';
import { sendCallerTexts } from './send-caller-texts.ts';
import { recordingChannel } from './testing.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const count = async (table: string, where = sql`true`) =>
  (await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE ${where}`))[0]!.n;
const DAY = 86_400_000;

describe('retention of delivered messages', () => {
  it('deletes old published events, read notifications with their deliveries and sent texts; keeps what still needs someone', async () => {
    const sms = recordingChannel('sms');
    // A resident's demand (in-app notifications, sent by SMS too) and a caller's (a text).
    const resident = await demandAt(database.db, world, 'accepted');
    const caller = await submitTestDemand(database.db, world);
    await database.db.transaction((tx) => acceptDemand(tx, world.ctx.grid, caller.id));
    while ((await dispatchOutbox(database.db, { channels: [sms] })).events > 0);
    await sendDeliveries(database.db, [sms]);
    await sendCallerTexts(database.db, testCipher, [sms]);
    // The resident reads one of their two notifications; an event fails and is parked as dead.
    const [read] = await rows<{ id: string }>(
      database.db,
      sql`UPDATE notification SET read_at = now() WHERE id = (
            SELECT id FROM notification WHERE demand_id = ${resident.id}::uuid ORDER BY created_at LIMIT 1) RETURNING id`,
    );
    await database.db.execute(
      sql`INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, dead_at)
          VALUES (${world.tenantId}, gen_random_uuid(), 'demand.accepted', 'demand', ${resident.id}, now())`,
    );
    const events = await count('outbox_event');
    const notifications = await count('notification');
    expect(await count('caller_text', sql`status = 'sent'`)).toBe(1);

    // Within the retention periods nothing goes.
    expect(await pruneDelivered(database.db, { outboxDays: 30, messageDays: 180 })).toEqual({ events: 0, notifications: 0, texts: 0 });

    // A year later, in batches of two: every published event, the read notification and the sent text go.
    const later = new Date(Date.now() + 365 * DAY);
    const pruned = await pruneDelivered(database.db, { outboxDays: 30, messageDays: 180, batch: 2, now: later });
    expect(pruned).toEqual({ events: events - 1, notifications: 1, texts: 1 });
    expect(await count('outbox_event')).toBe(1);
    expect(await count('outbox_event', sql`dead_at IS NOT NULL`)).toBe(1);
    expect(await count('notification')).toBe(notifications - 1);
    expect(await count('notification', sql`id = ${read!.id}::uuid`)).toBe(0);
    expect(await count('notification_delivery', sql`notification_id = ${read!.id}::uuid`)).toBe(0);
    // Unread notifications stay however old they are, with their deliveries.
    expect(await count('notification', sql`read_at IS NULL`)).toBe(notifications - 1);
    expect(await count('caller_text')).toBe(0);
  });
});
