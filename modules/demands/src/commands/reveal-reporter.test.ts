import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, submitTestDemand, testCipher } from '../testing.ts';
import { revealReporter } from './reveal-reporter.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const reveal = (id: string, ctx = world.ctx.grid) => database.db.transaction((tx) => revealReporter(tx, testCipher, ctx, id));
const audits = async (id: string) =>
  database.query<{ result: string }>("SELECT result FROM audit_event WHERE action = 'demand.reveal' AND target_id = $1 ORDER BY seq", [id]);

describe('revealReporter', () => {
  it('gives the caller’s phone to people.pii holders on the place, audited', async () => {
    const d = await submitTestDemand(database.db, world);
    expect(await reveal(d.id)).toEqual({ revealed: { name: '王小明', phone: '13812345678' } });
    expect(await audits(d.id)).toEqual([{ result: 'ok' }]);
  });

  it('refuses property staff and another community, and audits the refusals', async () => {
    const d = await submitTestDemand(database.db, world);
    expect(await reveal(d.id, world.ctx.property)).toEqual({ denied: 'Permission people.pii is required for this demand' });
    expect(await reveal(d.id, world.ctx.otherCommunity)).toMatchObject({ denied: expect.any(String) });
    expect(await audits(d.id)).toEqual([{ result: 'denied' }, { result: 'denied' }]);
  });
});
