import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrbanWorld } from '../testing.ts';
import { createCase } from './create-case.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
});
afterAll(() => database.close());

describe('createCase', () => {
  it('records a reported case at a building in scope with its community, timeline and audit', async () => {
    const { tree } = world;
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const c = await database.db.transaction((tx) =>
      createCase(tx, ctx, { kind: 'rubbish', nodeId: tree.a.building.id, description: ' 楼下建筑垃圾 ', quantity: 1.25 }),
    );
    expect(c).toMatchObject({ status: 'reported', description: '楼下建筑垃圾', quantity: 1.25, unit: 't', communityName: '凤凰社区' });
    expect(c.events).toEqual([expect.objectContaining({ action: 'report', toStatus: 'reported', actorName: 'tester' })]);
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'urbanCases.case.create' AND target_id = $1",
      [c.id],
    );
    expect(audit?.n).toBe(1);
  });

  it('answers a place outside the scope like an unknown one and refuses communities and bad quantities', async () => {
    const { tree } = world;
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const fail = (input: Parameters<typeof createCase>[2]) =>
      database.db
        .transaction((tx) => createCase(tx, ctx, input))
        .then(
          (): string[] => ['ok', ''],
          (e: AppError) => [e.code, JSON.stringify(e.details)],
        );
    expect((await fail({ kind: 'clutter', nodeId: tree.b.compound.id, description: 'x' }))[0]).toBe('not_found');
    expect(await fail({ kind: 'clutter', nodeId: tree.a.community.id, description: 'x' })).toEqual([
      'invalid_input',
      expect.stringContaining('nodeId'),
    ]);
    expect(await fail({ kind: 'charger', nodeId: tree.a.compound.id, description: 'x', quantity: 1.5 })).toEqual([
      'invalid_input',
      expect.stringContaining('quantity'),
    ]);
    expect(await fail({ kind: 'rubbish', nodeId: tree.a.compound.id, description: 'x', quantity: 1.234 })).toEqual([
      'invalid_input',
      expect.stringContaining('two decimals'),
    ]);
    expect(await fail({ kind: 'rubbish', nodeId: tree.a.compound.id, description: '   ' })).toEqual([
      'invalid_input',
      expect.stringContaining('description'),
    ]);
    const [n] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM urban_case WHERE description = 'x'");
    expect(n?.n).toBe(0);
  });
});
