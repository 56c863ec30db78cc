import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundEconomics, ledger } from './figures.ts';
import { makeCompany, makeProfile } from './testing.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  const ctx = contextFor('370785', [{ role: 'subdistrict_staff', node: tree.subdistrict }]);
  const market = await makeCompany(database, ctx, tree.a.community.id, 'market', '凤凰物业');
  await makeProfile(database, ctx, {
    compoundId: tree.a.compound.id,
    floorAreaM2: 12000,
    company: { id: market.id, fee: 0.8, rate: 0.9 },
    serviceMode: 'market',
  });
  await makeProfile(database, ctx, { compoundId: tree.b.compound.id, floorAreaM2: 5000 });
});
afterAll(() => database.close());

describe('compoundEconomics', () => {
  it('answers the profiled compounds under the node with households from the territory and the current contract’s figures', async () => {
    const scope = { tenantId: '370785', paths: [tree.subdistrict.path] };
    const found = await compoundEconomics(database.db, scope, tree.subdistrict.id);
    expect(found).toHaveLength(2);
    const a = found.find((c) => c.compoundId === tree.a.compound.id);
    expect(a).toMatchObject({
      name: '凤凰小区',
      communityId: tree.a.community.id,
      communityName: '凤凰社区',
      households: 2,
      floorAreaM2: 12000,
      feePerM2Month: 0.8,
      collectionRate: 0.9,
      status: 'well',
      serviceMode: 'market',
      clusterId: null,
    });
    expect(a?.companyId).toBeTruthy();
    const b = found.find((c) => c.compoundId === tree.b.compound.id);
    expect(b).toMatchObject({ feePerM2Month: 0, collectionRate: 0, status: 'unmanaged', companyId: null, serviceMode: null });
  });

  it('answers only compounds under the node and inside the scope paths', async () => {
    const onlyA = { tenantId: '370785', paths: [tree.a.community.path] };
    expect((await compoundEconomics(database.db, onlyA, tree.subdistrict.id)).map((c) => c.compoundId)).toEqual([tree.a.compound.id]);
    const wide = { tenantId: '370785', paths: [tree.subdistrict.path] };
    expect((await compoundEconomics(database.db, wide, tree.b.community.id)).map((c) => c.compoundId)).toEqual([tree.b.compound.id]);
    expect(await compoundEconomics(database.db, { tenantId: '532601', paths: [tree.subdistrict.path] }, tree.subdistrict.id)).toEqual([]);
  });
});

describe('ledger', () => {
  it('counts compounds by status and mode, companies, average fee and collection rate per community', async () => {
    const rowsBy = await ledger(database.db, { tenantId: '370785', paths: [tree.subdistrict.path] }, { by: 'community' });
    expect(rowsBy.map((r) => r.nodeName)).toEqual(['凤凰社区', '康成社区']);
    expect(rowsBy[0]).toMatchObject({
      compounds: 1,
      households: 2,
      byStatus: { well: 1, poor: 0, unmanaged: 0, self: 0 },
      byMode: { market: 1 },
      companies: 1,
      averageFee: 0.8,
      collectionRate: 0.9,
    });
    expect(rowsBy[1]).toMatchObject({ compounds: 1, byStatus: { unmanaged: 1 }, companies: 0, averageFee: null, collectionRate: null });
    const bySubdistrict = await ledger(database.db, { tenantId: '370785', paths: [tree.subdistrict.path] }, { by: 'subdistrict' });
    expect(bySubdistrict).toHaveLength(1);
    expect(bySubdistrict[0]?.byStatus).toEqual({ well: 1, poor: 0, unmanaged: 1, self: 0 });
  });
});
