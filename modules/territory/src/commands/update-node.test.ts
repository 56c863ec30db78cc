import type { AppError } from '@linli/core';
import { type Database, one, type Tx } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallTree, createTenant, type SmallTree, testContext } from '../testing.ts';
import { updateNode } from './update-node.ts';

let database: Database;
let tree: SmallTree;

beforeAll(async () => {
  database = await createTestDatabase();
  await createTenant(database.db, { tenantId: '370785', name: '高密市' });
  tree = await buildSmallTree(database.db, '370785');
});
afterAll(() => database?.close());

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => database.db.transaction(fn);
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );

describe('updateNode', () => {
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [119.7, 36.3],
        [119.8, 36.3],
        [119.8, 36.4],
        [119.7, 36.3],
      ],
    ],
  };

  it('changes name, code, coordinates, boundary and attributes, and audits the changed fields', async () => {
    const compound = tree.compounds[0]!;
    const ctx = testContext('370785', [{ role: 'community_staff', node: tree.communities[0]! }]);
    const updated = await inTx((tx) =>
      updateNode(tx, ctx, compound.id, {
        name: '幸福小区',
        code: 'C-001',
        lat: 36.35,
        lng: 119.75,
        boundary: square,
        attrs: { managed: 'well_managed' },
      }),
    );
    expect(updated).toMatchObject({ name: '幸福小区', code: 'C-001', lat: 36.35, lng: 119.75, attrs: { managed: 'well_managed' } });
    expect(updated.boundary).toEqual(square);
    const audit = await one<{ details: { changes: Record<string, unknown> } }>(
      database.db,
      sql`SELECT details FROM audit_event WHERE action = 'territory.node.update' AND target_id = ${compound.id}`,
    );
    expect(Object.keys(audit?.details.changes ?? {}).sort()).toEqual(['attrs', 'boundary', 'code', 'lat', 'lng', 'name']);
  });

  it('clears a field given as null and leaves absent fields alone', async () => {
    const ctx = testContext('370785', [{ role: 'system_admin', node: tree.county }]);
    const updated = await inTx((tx) => updateNode(tx, ctx, tree.compounds[0]!.id, { code: null }));
    expect(updated).toMatchObject({ code: null, name: '幸福小区', lat: 36.35 });
  });

  it('answers 409 on a sibling name clash and 400 on a MultiPolygon with an open ring', async () => {
    const ctx = testContext('370785', [{ role: 'system_admin', node: tree.county }]);
    const clash = await errorOf(inTx((tx) => updateNode(tx, ctx, tree.buildings[0]!.id, { name: '2号楼' })));
    expect(clash).toMatchObject({ code: 'conflict' });
    const open = await errorOf(
      inTx((tx) =>
        updateNode(tx, ctx, tree.compounds[1]!.id, {
          boundary: {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [1, 1],
                  [2, 1],
                  [2, 2],
                  [1, 2],
                ],
              ],
            ],
          },
        }),
      ),
    );
    expect(open).toMatchObject({ code: 'invalid_input' });
  });

  it('is 404 for a node of a sibling community', async () => {
    const ctx = testContext('370785', [{ role: 'community_staff', node: tree.communities[0]! }]);
    const err = await errorOf(inTx((tx) => updateNode(tx, ctx, tree.compounds[2]!.id, { name: 'x' })));
    expect(err).toMatchObject({ code: 'not_found' });
  });
  it('sets a household’s floor area (建筑面积), audited; refuses it on other nodes and with more than two decimals', async () => {
    const ctx = testContext('370785', [{ role: 'community_staff', node: tree.communities[0]! }]);
    const household = tree.households[0]!;
    const updated = await inTx((tx) => updateNode(tx, ctx, household.id, { floorArea: 89.56 }));
    expect(updated.floorArea).toBe(89.56);
    const stored = await one<{ floor_area: number }>(database.db, sql`SELECT floor_area FROM territory_node WHERE id = ${household.id}`);
    expect(stored?.floor_area).toBe(89.56);
    const audit = await one<{ details: { changes: Record<string, unknown> } }>(
      database.db,
      sql`SELECT details FROM audit_event WHERE action = 'territory.node.update' AND target_id = ${household.id} ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit?.details.changes.floorArea).toEqual({ from: null, to: 89.56 });
    const onBuilding = await errorOf(inTx((tx) => updateNode(tx, ctx, tree.buildings[0]!.id, { floorArea: 1000 })));
    expect(onBuilding?.details).toEqual([{ field: 'floorArea', reason: 'only a household has a floor area' }]);
    const decimals = await errorOf(inTx((tx) => updateNode(tx, ctx, household.id, { floorArea: 89.555 })));
    expect(decimals?.details).toEqual([{ field: 'floorArea', reason: 'has more than two decimals' }]);
    expect((await inTx((tx) => updateNode(tx, ctx, household.id, { floorArea: null }))).floorArea).toBeNull();
  });
});
