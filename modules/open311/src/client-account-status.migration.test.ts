import fs from 'node:fs';
import type { RequestContext } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, contextOf, type DemandWorld } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpen311Client } from './commands/create-client.ts';
import { Open311Repository } from './open311.repository.ts';

// Migration 0034 moves a client's on/off flag into its service account's status. Here the state before
// it is rebuilt on a migrated database (the flag column back, every service account 'disabled' as
// clients used to be created), then the migration's SQL runs.
let database: Database;
let world: DemandWorld;
let admin: RequestContext;
const migration = fs.readFileSync(new URL('../migrations/0034_open311_client_account_status.sql', import.meta.url), 'utf8');

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  admin = (await contextOf(database.db, world.tenantId, 'system_admin', world.tree.county)).ctx;
});
afterAll(() => database.close());

describe('migration 0034: the service account status is the client flag', () => {
  it('turns on the accounts of active clients, keeps off those of inactive ones, and drops the flag', async () => {
    const on = await database.db.transaction((tx) => createOpen311Client(tx, admin, { name: 'Was on' }));
    const off = await database.db.transaction((tx) => createOpen311Client(tx, admin, { name: 'Was off' }));
    await database.db.execute(sql`DROP INDEX open311_client_jurisdiction`);
    await database.db.execute(sql`ALTER TABLE open311_client ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await database.db.execute(sql`CREATE INDEX open311_client_jurisdiction ON open311_client (jurisdiction_id) WHERE active`);
    await database.db.execute(sql`UPDATE open311_client SET active = false WHERE id = ${off.id}::uuid`);
    await database.db.execute(sql`UPDATE account SET status = 'disabled' WHERE id IN (${on.accountId}::uuid, ${off.accountId}::uuid)`);

    // One statement at a time (the test driver takes one per call; the migrator runs the file whole).
    for (const statement of migration.split(/;\s*\n/).filter((x) => x.replace(/--.*$/gm, '').trim() !== '')) {
      await database.db.execute(sql.raw(statement));
    }

    const status = await rows<{ id: string; status: string }>(
      database.db,
      sql`SELECT id::text, status FROM account WHERE id IN (${on.accountId}::uuid, ${off.accountId}::uuid)`,
    );
    expect(Object.fromEntries(status.map((r) => [r.id, r.status]))).toEqual({ [on.accountId]: 'active', [off.accountId]: 'disabled' });
    const columns = await rows(
      database.db,
      sql`SELECT 1 FROM information_schema.columns WHERE table_name = 'open311_client' AND column_name = 'active'`,
    );
    expect(columns).toEqual([]);
    const listed = await new Open311Repository(database.db).clients(world.tenantId);
    expect(listed.filter((c) => c.id === on.id || c.id === off.id).map((c) => [c.name, c.active])).toEqual([
      ['Was off', false],
      ['Was on', true],
    ]);
  });
});
