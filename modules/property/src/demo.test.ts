import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, insertNode } from '@linli/people/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPropertyDemo } from './demo.ts';
import { propertyFigures } from './figures.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  for (let i = 1; i <= 10; i++) {
    const c = await insertNode(database.db, {
      parent: i % 2 ? tree.a.community : tree.b.community,
      kind: 'compound',
      name: `老旧小区${i}`,
    });
    if (i <= 8) await database.db.execute(sql`UPDATE territory_node SET attrs = '{"oldCompound": true}' WHERE id = ${c.id}`);
  }
});
afterAll(() => database.close());

const seed = (tenantId: string, profile: unknown, plan?: unknown) =>
  seedPropertyDemo({ database, cipher: undefined as never, tenantId, shared: { profile, plan }, progress: () => {} });

describe('seedPropertyDemo', () => {
  it('classifies exactly the county’s old compounds by the targets, with the community service companies asked for', async () => {
    await seed('370785', { property: { compoundsByStatus: { well: 2, poor: 3, unmanaged: 2, self: 1 }, communityServiceCompanies: 3 } });
    const figures = await propertyFigures(database.db, { tenantId: '370785', paths: [tree.county.path] }, undefined);
    expect(figures.compoundsByStatus).toEqual({ well: 2, poor: 3, unmanaged: 2, self: 1 });
    expect(figures.communityServiceCompanies).toBe(3);
    expect(figures.companiesByKind.self_managed).toBeGreaterThan(0);
    expect(figures.compoundsByMode.self_managed).toBe(1);
    const [history] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM property_status_change WHERE tenant_id = '370785'",
    );
    expect(history?.n).toBe(8);
  });

  it('refuses targets that do not add up to the old compounds', async () => {
    await expect(seed('370785', { property: { compoundsByStatus: { well: 1, poor: 0, unmanaged: 0, self: 0 } } })).rejects.toThrow(
      /old compounds/,
    );
  });

  it('makes worked examples in the demo community of a county without targets', async () => {
    const other = await insertNode(database.db, { parent: tree.other.community, kind: 'compound', name: '南桥二区' });
    await seed('532601', {}, { anchors: { community: { id: tree.other.community.id } } });
    const figures = await propertyFigures(database.db, { tenantId: '532601', paths: [tree.other.county.path] }, undefined);
    expect(figures.compoundsByStatus).toEqual({ well: 1, poor: 1, unmanaged: 0, self: 0 });
    expect(other.id).toBeTruthy();
  });
});
