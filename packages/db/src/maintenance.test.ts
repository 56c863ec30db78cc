import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { maintainTables } from './maintenance.ts';
import { createTestDatabase } from './testing.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  // On PostgreSQL the server's own autovacuum must not get there first.
  await database.exec('CREATE TABLE maintained (id int PRIMARY KEY, v int NOT NULL) WITH (autovacuum_enabled = false)');
});
afterAll(async () => {
  await database?.close();
});

const statsOf = async () =>
  (await database.query<{ reltuples: number }>("SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = 'maintained'::regclass"))[0]
    ?.reltuples;

describe('maintainTables (embedded mode has no autovacuum)', () => {
  it('analyzes a table filled since its last ANALYZE, so the planner knows its size', async () => {
    await maintainTables(database); // whatever the migrations left
    await database.exec('INSERT INTO maintained SELECT g, g FROM generate_series(1, 5000) g');
    expect(await statsOf()).toBeLessThan(1);
    const result = await maintainTables(database);
    expect(result.analyzed).toContain('maintained');
    expect(await statsOf()).toBe(5000);
    const [plan] = await database.query<{ 'QUERY PLAN': string }>('EXPLAIN SELECT * FROM maintained');
    expect(plan?.['QUERY PLAN']).toMatch(/rows=5000/);
  });

  it('leaves a table alone while few rows changed, and vacuums one with many dead rows', async () => {
    await database.exec('UPDATE maintained SET v = v + 1 WHERE id <= 100');
    expect((await maintainTables(database)).analyzed).not.toContain('maintained');
    await database.exec('UPDATE maintained SET v = v + 1 WHERE id <= 2000');
    const result = await maintainTables(database);
    expect(result.vacuumed).toContain('maintained');
    const [stats] = await database.query<{ vacuumed: boolean }>(
      'SELECT last_vacuum IS NOT NULL AS vacuumed FROM pg_stat_user_tables WHERE relname = $1',
      ['maintained'],
    );
    expect(stats?.vacuumed).toBe(true);
  });
});
