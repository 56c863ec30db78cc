import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, submitTestDemand, timelineOf } from '../testing.ts';
import { acceptDemand } from './accept-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const accept = (id: string, ctx = world.ctx.grid, version?: number) =>
  database.db.transaction((tx) => acceptDemand(tx, ctx, id, { version }));

describe('acceptDemand', () => {
  it('makes the accepting unit the first receiver and records the response time', async () => {
    const d = await submitTestDemand(database.db, world);
    const accepted = await accept(d.id);
    expect(accepted).toMatchObject({ status: 'accepted', version: 2, firstReceiver: { id: world.tree.communities[0]!.id } });
    expect(accepted.respondedAt).not.toBeNull();
    expect((await timelineOf(database.db, d.id)).map((e) => `${e.from_status}→${e.to_status}`)).toEqual([
      'null→submitted',
      'submitted→accepted',
    ]);
  });

  it('answers 409 with the current status when already accepted, or when the caller saw an older version', async () => {
    const d = await submitTestDemand(database.db, world);
    await accept(d.id);
    const again = await accept(d.id).catch((e: AppError) => e);
    expect(again).toMatchObject({ code: 'conflict', details: { status: 'accepted', version: 2 } });
    const other = await submitTestDemand(database.db, world);
    expect(await accept(other.id, world.ctx.grid, 7).catch((e: AppError) => e.details)).toEqual({ status: 'submitted', version: 1 });
  });

  it('hides a demand outside the caller’s scope (404) and refuses property staff (403)', async () => {
    const d = await submitTestDemand(database.db, world);
    expect(await accept(d.id, world.ctx.otherCommunity).catch((e: AppError) => e.code)).toBe('not_found');
    const dispatchedOnly = await accept(d.id, world.ctx.property).catch((e: AppError) => e.code);
    expect(dispatchedOnly).toBe('not_found');
  });
});
