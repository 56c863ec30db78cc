import type { AppError, RequestContext } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, contextOf, type DemandWorld } from '../testing.ts';
import { deadlineSettings, updateDeadlineSettings } from './update-deadline-settings.ts';

let database: Database;
let world: DemandWorld;
let admin: RequestContext;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  admin = (await contextOf(database.db, world.tenantId, 'system_admin', world.tree.county)).ctx;
});
afterAll(() => database.close());

describe('updateDeadlineSettings', () => {
  it('changes only the given keys and keeps the other settings of the tenant', async () => {
    await database.db.execute(
      sql`UPDATE tenant SET settings = '{"theme": "red", "demands": {"reopenWindowDays": 5, "other": 1}}' WHERE tenant_id = ${world.tenantId}`,
    );
    expect(await deadlineSettings(database.db, world.tenantId)).toEqual({ autoEscalate: false, reopenWindowDays: 5 });
    const out = await database.db.transaction((tx) => updateDeadlineSettings(tx, admin, { autoEscalate: true }));
    expect(out).toEqual({ autoEscalate: true, reopenWindowDays: 5 });
    const [row] = await rows<{ settings: unknown }>(database.db, sql`SELECT settings FROM tenant WHERE tenant_id = ${world.tenantId}`);
    expect(row!.settings).toEqual({ theme: 'red', demands: { reopenWindowDays: 5, other: 1, autoEscalate: true } });
  });

  it('needs demand.configure on the county and changes nothing without it', async () => {
    const error = await database.db
      .transaction((tx) => updateDeadlineSettings(tx, world.ctx.community, { autoEscalate: false }))
      .catch((e: AppError) => e);
    expect((error as AppError).code).toBe('forbidden');
    expect((await deadlineSettings(database.db, world.tenantId)).autoEscalate).toBe(true);
  });
});
