import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTriggersDisabled } from './bulk-insert.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.exec(`
    CREATE TABLE bulk_t (n int);
    CREATE TABLE bulk_count (fired int NOT NULL);
    INSERT INTO bulk_count VALUES (0);
    CREATE FUNCTION bulk_count_fire() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE bulk_count SET fired = fired + 1; RETURN NULL; END; $$;
    CREATE TRIGGER rollup_bulk_t AFTER INSERT ON bulk_t FOR EACH STATEMENT EXECUTE FUNCTION bulk_count_fire();
    CREATE TRIGGER other_bulk_t AFTER INSERT ON bulk_t FOR EACH STATEMENT EXECUTE FUNCTION bulk_count_fire();`);
});
afterAll(async () => {
  await database?.close();
});

const fired = async () => (await rows<{ fired: number }>(database.db, sql`SELECT fired FROM bulk_count`))[0]?.fired;
const enabled = async () =>
  rows<{ tgname: string; tgenabled: string }>(
    database.db,
    sql`SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'bulk_t'::regclass ORDER BY tgname`,
  );

describe('withTriggersDisabled', () => {
  it('runs the load without the named triggers, only those, and enables them again', async () => {
    await database.db.transaction((tx) =>
      withTriggersDisabled(tx, ['bulk_t'], 'rollup_', async () => {
        await tx.execute(sql`INSERT INTO bulk_t VALUES (1), (2)`);
      }),
    );
    expect(await fired()).toBe(1); // other_bulk_t only
    expect((await enabled()).map((t) => t.tgenabled)).toEqual(['O', 'O']);
    await database.db.execute(sql`INSERT INTO bulk_t VALUES (3)`);
    expect(await fired()).toBe(3);
  });

  it('leaves the triggers enabled when the load fails (the ALTERs roll back with the rows)', async () => {
    await expect(
      database.db.transaction((tx) =>
        withTriggersDisabled(tx, ['bulk_t'], 'rollup_', async () => {
          await tx.execute(sql`INSERT INTO bulk_t VALUES (4)`);
          throw new Error('load failed');
        }),
      ),
    ).rejects.toThrow('load failed');
    expect((await enabled()).map((t) => t.tgenabled)).toEqual(['O', 'O']);
    expect(await rows(database.db, sql`SELECT n FROM bulk_t WHERE n = 4`)).toEqual([]);
  });
});
