import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrbanWorld, renovationBody } from '../testing.ts';
import { createRenovation } from './create-renovation.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
});
afterAll(() => database.close());

describe('createRenovation', () => {
  it('holds a project of two communities’ compounds at their subdistrict, with funding and phases', async () => {
    const { tree } = world;
    const ctx = contextFor('370785', [{ role: 'subdistrict_staff', node: tree.subdistrict }]);
    const p = await database.db.transaction((tx) =>
      createRenovation(tx, ctx, renovationBody(tree.a.compound.id, { compoundIds: [tree.a.compound.id, tree.b.compound.id] })),
    );
    expect(p).toMatchObject({ status: 'planned', nodeId: tree.subdistrict.id, budget: 1_000_000, topicId: null });
    expect(p.compounds.map((c) => c.name)).toEqual(['凤凰小区', '康成小区']);
    expect(p.funding).toEqual([
      { source: 'central', amount: 600_000 },
      { source: 'county', amount: 400_000 },
    ]);
    expect(p.phases.map((ph) => ph.seq)).toEqual([1, 2]);
  });

  it('refuses compounds out of scope, places that are not compounds, funding off the budget and an unknown topic', async () => {
    const { tree } = world;
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const fail = (over: Record<string, unknown>) =>
      database.db
        .transaction((tx) => createRenovation(tx, ctx, renovationBody(tree.a.compound.id, over)))
        .then(
          (): string[] => ['ok', ''],
          (e: AppError) => [e.code, JSON.stringify(e.details)],
        );
    expect((await fail({ compoundIds: [tree.a.compound.id, tree.b.compound.id] }))[0]).toBe('not_found');
    expect(await fail({ compoundIds: [tree.a.building.id] })).toEqual(['invalid_input', expect.stringContaining('compoundIds')]);
    expect(await fail({ budget: 999_999.99 })).toEqual(['invalid_input', expect.stringContaining('funding')]);
    expect(
      await fail({
        funding: [
          { source: 'owners', amount: 1 },
          { source: 'owners', amount: 2 },
        ],
        budget: 3,
      }),
    ).toEqual(['invalid_input', expect.stringContaining('funding[1].source')]);
    expect((await fail({ topicId: '0190a000-0000-7000-8000-00000000abcd' }))[0]).toBe('not_found');
    const [n] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM urban_renovation');
    expect(n?.n).toBe(1);
  });
});
