import type { AppError, RequestContext } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, contextOf, type DemandWorld } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Open311Repository } from '../open311.repository.ts';
import { streetLightAttributes } from '../testing.ts';
import { setServiceAttributes } from './set-service-attributes.ts';

let database: Database;
let world: DemandWorld;
let admin: RequestContext;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  admin = (await contextOf(database.db, world.tenantId, 'system_admin', world.tree.county)).ctx;
});
afterAll(() => database.close());

const set = (code: string, attributes: unknown, ctx: RequestContext = admin) =>
  database.db.transaction((tx) => setServiceAttributes(tx, ctx, code, attributes));
const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));
const stored = async (code: string) => (await new Open311Repository(database.db).serviceByCode(world.tenantId, code))?.attributes;

describe('setServiceAttributes', () => {
  it('stores the definitions, audits and announces the change', async () => {
    await set('street_light', streetLightAttributes);
    expect(await stored('street_light')).toEqual(streetLightAttributes);
    const audit = await rows<{ action: string }>(
      database.db,
      sql`SELECT action FROM audit_event WHERE target_id = ${world.categories.street_light!} AND action = 'demand.category.open311_attributes'`,
    );
    expect(audit.length).toBe(1);
    const events = await rows(database.db, sql`SELECT 1 FROM outbox_event WHERE aggregate_id = ${world.categories.street_light!}`);
    expect(events.length).toBe(1);
  });

  it('refuses malformed definitions with the field and changes nothing', async () => {
    await set('road', []);
    const shape = await failure(set('road', [{ code: 'bad code', datatype: 'colour', required: 'yes', description: '', order: 0 }]));
    expect(shape?.code).toBe('invalid_input');
    expect((shape!.details as { field: string }[]).some((d) => d.field.startsWith('attributes.0'))).toBe(true);
    const rules = await failure(
      set('road', [
        { code: 'A', datatype: 'singlevaluelist', required: true, description: 'a', order: 1 },
        { code: 'A', datatype: 'string', required: false, description: 'b', order: 1, values: [{ key: 'x', name: 'X' }] },
      ]),
    );
    expect((rules!.details as { field: string }[]).map((d) => d.field)).toEqual([
      'attributes.0.values',
      'attributes.1.code',
      'attributes.1.order',
      'attributes.1.values',
    ]);
    expect(await stored('road')).toEqual([]);
  });

  it('answers an unknown category with 404 and a caller without demand.configure with 403', async () => {
    expect(await failure(set('no_such', []))).toMatchObject({ code: 'not_found' });
    expect(await failure(set('road', [], world.ctx.county))).toMatchObject({ code: 'forbidden' });
  });
});
