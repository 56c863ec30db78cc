import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt, timelineOf } from '../testing.ts';
import { resolveDemand } from './resolve-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('resolveDemand', () => {
  it('records the result and the resolution time, saying whether it was on time', async () => {
    const d = await demandAt(database.db, world, 'in_progress');
    const out = await database.db.transaction((tx) => resolveDemand(tx, world.ctx.property, d.id, { result: '已协调解决' }));
    expect(out.status).toBe('resolved');
    expect(out.resolvedAt).not.toBeNull();
    const [row] = await database.query<{ result: string }>('SELECT result FROM demand WHERE id = $1', [d.id]);
    expect(row!.result).toBe('已协调解决');
    const [event] = await database.query<{ data: { onTime: boolean } }>(
      "SELECT data FROM demand_event WHERE demand_id = $1 AND action = 'resolve'",
      [d.id],
    );
    expect(event!.data.onTime).toBe(true);
    expect((await timelineOf(database.db, d.id)).map((e) => e.action)).toEqual(['submit', 'accept', 'dispatch', 'start', 'resolve']);
  });

  it('cannot resolve a demand that is not being handled (409)', async () => {
    const d = await demandAt(database.db, world, 'accepted');
    expect(await failure(database.db.transaction((tx) => resolveDemand(tx, world.ctx.community, d.id, { result: 'x' })))).toMatchObject({
      code: 'conflict',
    });
  });
});
