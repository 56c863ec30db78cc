import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emitEventCte, emitEvents } from './outbox.ts';

let database: Database;

beforeEach(async () => {
  database = await createTestDatabase();
  await database.exec("INSERT INTO tenant (tenant_id, name) VALUES ('370785', '高密市')");
});
afterEach(async () => {
  await database?.close();
});

const pending = () =>
  database.query<{ type: string; aggregate_id: string; payload: Record<string, unknown> }>(
    'SELECT type, aggregate_id, payload FROM outbox_event ORDER BY created_at, type',
  );

describe('outbox', () => {
  it('writes events in the caller’s transaction', async () => {
    await emitEvents(database.db, [
      { tenantId: '370785', type: 'thing.created', aggregateType: 'thing', aggregateId: 'a', payload: { n: 1 } },
      { tenantId: '370785', type: 'thing.renamed', aggregateType: 'thing', aggregateId: 'a' },
    ]);
    expect(await pending()).toEqual([
      { type: 'thing.created', aggregate_id: 'a', payload: { n: 1 } },
      { type: 'thing.renamed', aggregate_id: 'a', payload: {} },
    ]);
  });

  it('writes an event from inside a statement, with payload fields known only there, and only when its condition holds', async () => {
    const event = { tenantId: '370785', type: 'thing.numbered', aggregateType: 'thing', aggregateId: 'b', payload: { n: 2 } };
    await database.db.execute(
      sql`WITH numbered AS (SELECT '2026-000042'::text AS number), ${emitEventCte(event, {
        when: sql`EXISTS (SELECT 1 FROM numbered)`,
        late: { number: sql`(SELECT number FROM numbered)` },
      })} SELECT 1`,
    );
    await database.db.execute(sql`WITH ${emitEventCte({ ...event, aggregateId: 'c' }, { when: sql`false` })} SELECT 1`);
    expect(await pending()).toEqual([{ type: 'thing.numbered', aggregate_id: 'b', payload: { n: 2, number: '2026-000042' } }]);
  });
});
