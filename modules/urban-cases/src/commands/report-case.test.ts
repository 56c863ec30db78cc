import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrbanWorld } from '../testing.ts';
import { reportCase } from './report-case.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
});
afterAll(() => database.close());

describe('reportCase', () => {
  it('reports a case in the resident’s own compound, without a quantity and without their name on the timeline', async () => {
    const { tree } = world;
    const ctx = contextFor('370785', [{ role: 'resident', node: tree.a.h101 }]);
    const mine = await database.db.transaction((tx) => reportCase(tx, ctx, { kind: 'charger', description: '想装充电桩' }));
    expect(mine).toMatchObject({ kind: 'charger', status: 'reported', nodeName: '凤凰小区', quantity: null, unit: 'unit' });
    const [row] = await database.query<{ source: string; actor_name: string | null }>(
      'SELECT c.source, e.actor_name FROM urban_case c JOIN urban_case_event e ON e.case_id = c.id WHERE c.id = $1',
      [mine.id],
    );
    expect(row).toEqual({ source: 'resident', actor_name: null });
  });

  it('refuses another compound and callers without a household', async () => {
    const { tree } = world;
    const resident = contextFor('370785', [{ role: 'resident', node: tree.a.h101 }]);
    const staff = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const elsewhere = await database.db
      .transaction((tx) => reportCase(tx, resident, { kind: 'clutter', description: 'x', compoundId: tree.b.compound.id }))
      .catch((e: AppError) => e.code);
    expect(elsewhere).toBe('forbidden');
    const noHome = await database.db
      .transaction((tx) => reportCase(tx, staff, { kind: 'clutter', description: 'x' }))
      .catch((e: AppError) => e.code);
    expect(noHome).toBe('forbidden');
  });
});
