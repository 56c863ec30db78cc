import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt, timelineOf } from '../testing.ts';
import { decideExtension } from './decide-extension.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

import { requestExtension } from './request-extension.ts';

const ask = async (days: number) => {
  const d = await demandAt(database.db, world, 'in_progress');
  const until = new Date(new Date(d.resolveDueAt).getTime() + days * 86_400_000).toISOString();
  await database.db.transaction((tx) => requestExtension(tx, world.ctx.property, d.id, { until, reason: '需等待配件' }));
  return { d, until };
};

describe('decideExtension', () => {
  it('moves the resolution deadline on approval, recording who approved', async () => {
    const { d, until } = await ask(3);
    const out = await database.db.transaction((tx) => decideExtension(tx, world.ctx.community, d.id, { approve: true, note: '同意' }));
    expect(out).toMatchObject({ resolveDueAt: until, extensionRequestedUntil: null });
    const [event] = await database.query<{ actor_name: string; data: { approved: boolean } }>(
      "SELECT actor_name, data FROM demand_event WHERE demand_id = $1 AND action = 'decide_extension'",
      [d.id],
    );
    expect(event).toMatchObject({ actor_name: 'community', data: { approved: true } });
  });

  it('keeps the deadline on refusal; the handler cannot decide their own request', async () => {
    const { d } = await ask(2);
    expect(await failure(database.db.transaction((tx) => decideExtension(tx, world.ctx.property, d.id, { approve: true })))).toMatchObject({
      code: 'forbidden',
    });
    const out = await database.db.transaction((tx) => decideExtension(tx, world.ctx.county, d.id, { approve: false }));
    expect(out).toMatchObject({ resolveDueAt: d.resolveDueAt, extensionRequestedUntil: null });
    expect((await timelineOf(database.db, d.id)).at(-1)?.action).toBe('decide_extension');
  });
});
