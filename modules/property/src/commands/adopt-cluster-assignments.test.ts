import { type AppError, newId } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundEconomics } from '../figures.ts';
import { ProfileRepository } from '../profile.repository.ts';
import { makeCompany, makeProfile } from '../testing.ts';
import { adoptClusterAssignments } from './adopt-cluster-assignments.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let stateOwned: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  const ctx = contextFor('370785', [{ role: 'subdistrict_staff', node: tree.subdistrict }]);
  const market = await makeCompany(database, ctx, tree.a.community.id, 'market');
  stateOwned = (await makeCompany(database, ctx, tree.a.community.id, 'state_owned', '城投物业')).id;
  await makeProfile(database, ctx, { compoundId: tree.a.compound.id, company: { id: market.id, fee: 0.6, rate: 0.5 } });
});
afterAll(() => database.close());

describe('adoptClusterAssignments', () => {
  it('records each compound’s cluster, company and service mode with the reason in its history, creating missing profiles', async () => {
    const ctx = contextFor('370785', [{ role: 'subdistrict_staff', node: tree.subdistrict }]);
    const clusterId = newId();
    const scenarioId = newId();
    const result = await database.db.transaction((tx) =>
      adoptClusterAssignments(tx, ctx, {
        scenarioId,
        reason: '街道联席会议通过组团方案',
        clusters: [
          {
            clusterId,
            name: '万顺城',
            anchorCompoundId: tree.a.compound.id,
            companyId: stateOwned,
            compoundIds: [tree.a.compound.id, tree.b.compound.id],
            serviceMode: 'state_owned_takeover',
          },
        ],
      }),
    );
    expect(result).toEqual({ changed: 2 });
    const economics = await compoundEconomics(database.db, { tenantId: '370785', paths: [tree.subdistrict.path] }, tree.subdistrict.id);
    expect(economics.map((c) => [c.clusterId, c.companyId, c.serviceMode])).toEqual([
      [clusterId, stateOwned, 'state_owned_takeover'],
      [clusterId, stateOwned, 'state_owned_takeover'],
    ]);
    // The contract stays the compound's current one: its collection rate still gives 管不好; b has no contract: 无人管.
    expect(economics.map((c) => c.status)).toEqual(['poor', 'unmanaged']);
    const history = await new ProfileRepository(database.db).history('370785', tree.a.compound.id);
    expect(history[0]).toMatchObject({ source: 'cluster', clusterId, companyId: stateOwned, reason: '街道联席会议通过组团方案' });
    const again = await database.db.transaction((tx) =>
      adoptClusterAssignments(tx, ctx, {
        scenarioId,
        reason: '再次确认',
        clusters: [
          {
            clusterId,
            name: '万顺城',
            anchorCompoundId: tree.a.compound.id,
            companyId: null,
            compoundIds: [tree.a.compound.id],
            serviceMode: 'state_owned_takeover',
          },
        ],
      }),
    );
    expect(again).toEqual({ changed: 0 });
  });

  it('refuses a compound outside the caller’s write scope like an unknown one, and a compound in two clusters, writing nothing', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const cluster = (compoundIds: string[]) => ({
      clusterId: newId(),
      name: '岭南花园',
      anchorCompoundId: tree.a.compound.id,
      companyId: null,
      compoundIds,
      serviceMode: 'market' as const,
    });
    const outside = await database.db
      .transaction((tx) =>
        adoptClusterAssignments(tx, ctx, {
          scenarioId: newId(),
          reason: '越权',
          clusters: [cluster([tree.a.compound.id, tree.b.compound.id])],
        }),
      )
      .catch((e: AppError) => e.code);
    expect(outside).toBe('not_found');
    const twice = await database.db
      .transaction((tx) =>
        adoptClusterAssignments(tx, ctx, {
          scenarioId: newId(),
          reason: '重复',
          clusters: [cluster([tree.a.compound.id]), cluster([tree.a.compound.id])],
        }),
      )
      .catch((e: AppError) => e.code);
    expect(twice).toBe('invalid_input');
    const other = await database.db
      .transaction((tx) =>
        adoptClusterAssignments(tx, ctx, { scenarioId: newId(), reason: '外县', clusters: [cluster([tree.other.household.id])] }),
      )
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    const [n] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM property_status_change WHERE reason IN ('越权', '重复', '外县')",
    );
    expect(n?.n).toBe(0);
  });
});
