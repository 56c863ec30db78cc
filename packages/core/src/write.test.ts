import { type Database, type Db, isTransaction, one, type Tx } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { type Idempotency, runWrite } from './write.ts';

let database: Database;
const tenantId = '370785';
const accountId = '0190a000-0000-7000-8000-000000000001';
const otherAccountId = '0190a000-0000-7000-8000-000000000002';

beforeAll(async () => {
  database = await createTestDatabase();
  await database.exec(`INSERT INTO tenant (tenant_id, name) VALUES ('${tenantId}', '高密市')`);
});
afterAll(async () => {
  await database?.close();
});

/** A write of two statements: a counter step and an outbox event naming the new value. Each test counts its own name. */
async function step(tx: Tx, name: string): Promise<{ value: number }> {
  const row = await one<{ value: number }>(
    tx,
    sql`INSERT INTO counter (tenant_id, name, value) VALUES (${tenantId}, ${name}, 1)
        ON CONFLICT (tenant_id, name) DO UPDATE SET value = counter.value + 1 RETURNING value`,
  );
  await tx.execute(sql`INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload)
    VALUES (${tenantId}, gen_random_uuid(), 'thing.counted', 'thing', ${name}, ${JSON.stringify(row)}::jsonb)`);
  return row as { value: number };
}
const counter = async (name: string) =>
  (await database.query<{ value: number }>('SELECT value FROM counter WHERE tenant_id = $1 AND name = $2', [tenantId, name]))[0]?.value ??
  0;
const events = async (name: string) =>
  (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1', [name]))[0]?.n;
const keyed = (key: string | undefined, request: unknown, account = accountId): Idempotency => ({
  key,
  tenantId,
  accountId: account,
  request,
});

describe('runWrite', () => {
  it('commits every statement of the command together, or none of them when it throws', async () => {
    expect(await runWrite(database.db, (tx) => step(tx, 'a'))).toEqual({ value: 1 });
    await expect(
      runWrite(database.db, async (tx) => {
        await step(tx, 'a');
        throw AppError.invalid([{ field: 'name', reason: 'is refused after the write' }]);
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await counter('a')).toBe(1);
    expect(await events('a')).toBe(1);
  });

  it('hands the command an open transaction, and joins one that is already open', async () => {
    await runWrite(database.db, async (tx) => {
      expect(isTransaction(tx)).toBe(true);
      const inner = await runWrite(tx, async (joined) => joined);
      expect(inner).toBe(tx);
    });
  });

  it('answers a retry with the same Idempotency-Key with the first answer and writes nothing more', async () => {
    const request = { name: 'b', note: '路灯不亮' };
    const first = await runWrite(database.db, { idempotency: keyed('mobile-retry-0001', request), status: 201 }, (tx) => step(tx, 'b'));
    expect(first).toEqual({ status: 201, body: { value: 1 }, replayed: false });
    let ran = false;
    const again = await runWrite(
      database.db,
      { idempotency: keyed('mobile-retry-0001', { note: '路灯不亮', name: 'b' }), status: 201 },
      (tx) => {
        ran = true;
        return step(tx, 'b');
      },
    );
    expect(again).toEqual({ status: 201, body: { value: 1 }, replayed: true });
    expect(ran).toBe(false);
    expect(await counter('b')).toBe(1);
    expect(await events('b')).toBe(1);
    // A request without a key is a new write every time.
    expect(await runWrite(database.db, { idempotency: keyed(undefined, request), status: 201 }, (tx) => step(tx, 'b'))).toEqual({
      status: 201,
      body: { value: 2 },
      replayed: false,
    });
  });

  it('refuses the same key for another request or from another account with 422 naming the header', async () => {
    await runWrite(database.db, { idempotency: keyed('mobile-retry-0002', { name: 'c' }) }, (tx) => step(tx, 'c'));
    for (const idempotency of [
      keyed('mobile-retry-0002', { name: 'c', more: 1 }),
      keyed('mobile-retry-0002', { name: 'c' }, otherAccountId),
    ]) {
      const err = await runWrite(database.db, { idempotency }, (tx) => step(tx, 'c')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'unprocessable', details: [{ field: 'Idempotency-Key' }] });
    }
    expect(await counter('c')).toBe(1);
  });

  it('keeps no claim of a write that failed: the retry runs for real', async () => {
    const idempotency = keyed('mobile-retry-0003', { name: 'd' });
    await expect(
      runWrite(database.db, { idempotency }, async (tx) => {
        await step(tx, 'd');
        throw AppError.conflict('refused after the write');
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await database.query("SELECT key FROM idempotency_key WHERE key = 'mobile-retry-0003'")).toEqual([]);
    expect(await runWrite(database.db, { idempotency }, (tx) => step(tx, 'd'))).toEqual({
      status: 200,
      body: { value: 1 },
      replayed: false,
    });
  });

  it('runs an autocommit write on the database handle without a key, and in a transaction with its claim with one', async () => {
    const seen: boolean[] = [];
    const oneStatement = async (db: Db) => {
      seen.push(isTransaction(db));
      return one<{ value: number }>(
        db,
        sql`INSERT INTO counter (tenant_id, name, value) VALUES (${tenantId}, 'e', 1)
            ON CONFLICT (tenant_id, name) DO UPDATE SET value = counter.value + 1 RETURNING value`,
      );
    };
    await runWrite(database.db, { autocommit: true, idempotency: keyed(undefined, {}) }, oneStatement);
    const keyedOnce = { autocommit: true as const, idempotency: keyed('mobile-retry-0004', {}), status: 201 };
    expect(await runWrite(database.db, keyedOnce, oneStatement)).toEqual({ status: 201, body: { value: 2 }, replayed: false });
    expect(await runWrite(database.db, keyedOnce, oneStatement)).toEqual({ status: 201, body: { value: 2 }, replayed: true });
    expect(seen).toEqual([false, true]);
  });

  it('does not take the database handle where a transaction is needed (checked by the compiler)', () => {
    const command = async (_tx: Tx) => 1;
    // @ts-expect-error a Db is not a Tx: a command that writes cannot be handed the database handle
    const misuse = () => command(database.db);
    expect(typeof misuse).toBe('function');
  });
});
