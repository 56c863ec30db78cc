import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCompany, makeProfile } from '../testing.ts';
import { saveProfile } from './save-profile.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('saveProfile', () => {
  it('creates a profile, then sets satisfaction and service mode (kept in the history) and recomputes the status', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const created = await database.db.transaction((tx) => saveProfile(tx, ctx, tree.a.compound.id, { floorAreaM2: 8000 }));
    expect(created).toMatchObject({ floorAreaM2: 8000, households: 2, status: 'unmanaged', companyId: null, history: [] });
    const company = await makeCompany(database, ctx, tree.a.community.id, 'market');
    const contractId = await makeProfile(database, ctx, {
      compoundId: tree.a.compound.id,
      floorAreaM2: 8000,
      company: { id: company.id, fee: 1, rate: 0.95 },
    });
    const saved = await database.db.transaction((tx) =>
      saveProfile(tx, ctx, tree.a.compound.id, { satisfaction: 0.6, serviceMode: 'market' }),
    );
    expect(saved).toMatchObject({ contractId, satisfaction: 0.6, serviceMode: 'market', status: 'poor' });
    expect(saved.history.map((h) => h.source)).toContain('profile');
    const cleared = await database.db.transaction((tx) => saveProfile(tx, ctx, tree.a.compound.id, { contractId: null }));
    expect(cleared).toMatchObject({ contractId: null, companyId: null, status: 'unmanaged' });
  });

  it('refuses a compound of another community, a place that is not a compound and a contract of another compound', async () => {
    const ctx = contextFor('370785', [{ role: 'subdistrict_staff', node: tree.subdistrict }]);
    const company = await makeCompany(database, ctx, tree.b.community.id, 'market');
    const contractB = (await makeProfile(database, ctx, {
      compoundId: tree.b.compound.id,
      company: { id: company.id, fee: 0.5 },
    })) as string;
    const staffA = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const code = (p: Promise<unknown>) => p.catch((e: AppError) => e.code);
    expect(await code(database.db.transaction((tx) => saveProfile(tx, staffA, tree.b.compound.id, { floorAreaM2: 1 })))).toBe('not_found');
    expect(await code(database.db.transaction((tx) => saveProfile(tx, staffA, tree.a.community.id, { floorAreaM2: 1 })))).toBe(
      'invalid_input',
    );
    expect(await code(database.db.transaction((tx) => saveProfile(tx, ctx, tree.a.compound.id, { contractId: contractB })))).toBe(
      'invalid_input',
    );
    expect(await code(database.db.transaction((tx) => saveProfile(tx, staffA, tree.a.compound.id, { contractId: contractB })))).toBe(
      'not_found',
    );
  });
});
