import type { AppError } from '@linli/core';
import { type Database, one, type Tx } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallTree, createTenant, type SmallTree, testContext } from '../testing.ts';
import { createNode } from './create-node.ts';

let database: Database;
let tree: SmallTree;
let other: SmallTree;

beforeAll(async () => {
  database = await createTestDatabase();
  await createTenant(database.db, { tenantId: '370785', name: '高密市' });
  await createTenant(database.db, { tenantId: '532601', name: '文山市' });
  tree = await buildSmallTree(database.db, '370785');
  other = await buildSmallTree(database.db, '532601');
});
afterAll(() => database?.close());

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => database.db.transaction(fn);
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );

describe('createNode', () => {
  it('creates a compound under a community with a path ending in its own id, and audits it', async () => {
    const community = tree.communities[0]!;
    const ctx = testContext('370785', [{ role: 'community_staff', node: community }]);
    const node = await inTx((tx) =>
      createNode(tx, ctx, { parentId: community.id, kind: 'compound', name: ' 新建小区 ', lat: 36.38, lng: 119.75 }),
    );
    expect(node).toMatchObject({ parentId: community.id, kind: 'compound', name: '新建小区', depth: 3, lat: 36.38, childCount: 0 });
    expect(node.path).toBe(`${community.path}.${node.id.replace(/-/g, '')}`);
    const audit = await one<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = '370785' AND action = 'territory.node.create' AND target_id = ${node.id}`,
    );
    expect(audit?.n).toBe(1);
    const event = await one<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = ${node.id}`);
    expect(event?.n).toBe(1);
  });

  it('refuses a parent of the wrong kind', async () => {
    const ctx = testContext('370785', [{ role: 'system_admin', node: tree.county }]);
    const err = await errorOf(inTx((tx) => createNode(tx, ctx, { parentId: tree.communities[0]!.id, kind: 'building', name: 'X' })));
    expect(err).toMatchObject({ code: 'invalid_input' });
  });

  it('answers 409 when a sibling has the same name', async () => {
    const ctx = testContext('370785', [{ role: 'system_admin', node: tree.county }]);
    const err = await errorOf(inTx((tx) => createNode(tx, ctx, { parentId: tree.compounds[0]!.id, kind: 'building', name: '1号楼' })));
    expect(err).toMatchObject({ code: 'conflict' });
  });

  it('answers 409 when the code is used elsewhere in the tenant', async () => {
    const ctx = testContext('370785', [{ role: 'system_admin', node: tree.county }]);
    await inTx((tx) =>
      createNode(tx, ctx, { parentId: tree.subdistricts[0]!.id, kind: 'community', name: '编码社区', code: '370785001001' }),
    );
    const err = await errorOf(
      inTx((tx) => createNode(tx, ctx, { parentId: tree.subdistricts[1]!.id, kind: 'community', name: '另一社区', code: '370785001001' })),
    );
    expect(err).toMatchObject({ code: 'conflict' });
  });

  it('refuses an invalid GeoJSON boundary', async () => {
    const ctx = testContext('370785', [{ role: 'system_admin', node: tree.county }]);
    const err = await errorOf(
      inTx((tx) =>
        createNode(tx, ctx, {
          parentId: tree.communities[1]!.id,
          kind: 'compound',
          name: '边界小区',
          boundary: {
            type: 'Polygon',
            coordinates: [
              [
                [119, 36],
                [119.1, 36],
                [119.1, 36.1],
              ],
            ],
          },
        }),
      ),
    );
    expect(err).toMatchObject({ code: 'invalid_input' });
  });

  it('does not let a community worker create under a sibling community or another tenant (404), nor a read-only role write (403)', async () => {
    const ctx = testContext('370785', [{ role: 'community_staff', node: tree.communities[0]! }]);
    const sibling = await errorOf(inTx((tx) => createNode(tx, ctx, { parentId: tree.communities[1]!.id, kind: 'compound', name: 'A' })));
    expect(sibling).toMatchObject({ code: 'not_found' });
    const foreign = await errorOf(inTx((tx) => createNode(tx, ctx, { parentId: other.communities[0]!.id, kind: 'compound', name: 'A' })));
    expect(foreign).toMatchObject({ code: 'not_found' });
    const reader = testContext('370785', [{ role: 'county_staff', node: tree.county }]);
    const denied = await errorOf(inTx((tx) => createNode(tx, reader, { parentId: tree.communities[0]!.id, kind: 'compound', name: 'A' })));
    expect(denied).toMatchObject({ code: 'forbidden' });
  });
});
