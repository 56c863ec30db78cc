import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt } from '../testing.ts';
import { requestExtension } from './request-extension.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('requestExtension', () => {
  it('asks for a later deadline once; an earlier date is a field error', async () => {
    const d = await demandAt(database.db, world, 'in_progress');
    const until = new Date(new Date(d.resolveDueAt).getTime() + 3 * 86_400_000).toISOString();
    const ask = (u: string) =>
      database.db.transaction((tx) => requestExtension(tx, world.ctx.property, d.id, { until: u, reason: '需等待配件' }));
    expect(await failure(ask(d.submittedAt))).toMatchObject({ code: 'invalid_input', details: [{ field: 'until' }] });
    expect(await ask(until)).toMatchObject({ extensionRequestedUntil: until, resolveDueAt: d.resolveDueAt });
    expect(await failure(ask(until))).toMatchObject({ code: 'conflict' });
  });
});
