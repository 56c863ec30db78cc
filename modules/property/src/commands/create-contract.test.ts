import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileRepository } from '../profile.repository.ts';
import { makeCompany } from '../testing.ts';
import { createContract } from './create-contract.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('createContract', () => {
  it('records a contract that becomes the compound’s current one: the profile names the company and its status is computed', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const company = await makeCompany(database, ctx, tree.a.community.id, 'market', '凤凰物业');
    const contract = await database.db.transaction((tx) =>
      createContract(tx, ctx, {
        companyId: company.id,
        compoundId: tree.a.compound.id,
        startsOn: '2025-01-01',
        endsOn: '2027-12-31',
        services: ['保洁', '绿化', '保洁'],
        feePerM2Month: 0.65,
      }),
    );
    expect(contract).toMatchObject({
      companyName: '凤凰物业',
      compoundName: '凤凰小区',
      services: ['保洁', '绿化'],
      feePerM2Month: 0.65,
      collections: [],
    });
    const profile = await new ProfileRepository(database.db).findById('370785', tree.a.compound.id, [tree.a.community.path]);
    // A contract without a recorded collection rate is below the threshold: 管不好.
    expect(profile).toMatchObject({ contractId: contract.id, companyId: company.id, status: 'poor', feePerM2Month: 0.65 });
    const history = await new ProfileRepository(database.db).history('370785', tree.a.compound.id);
    expect(history.map((h) => [h.source, h.statusFrom, h.statusTo])).toContainEqual(['computed', 'unmanaged', 'poor']);
  });

  it('refuses a compound of another community like an unknown one, a community as compound and an end before the start', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const company = await makeCompany(database, ctx, tree.a.community.id, 'market');
    const body = { companyId: company.id, compoundId: tree.a.compound.id, startsOn: '2025-01-01', feePerM2Month: 0.5 };
    const attempt = (patch: object) =>
      database.db.transaction((tx) => createContract(tx, ctx, { ...body, ...patch })).catch((e: AppError) => e.code);
    expect(await attempt({ compoundId: tree.b.compound.id })).toBe('not_found');
    expect(await attempt({ compoundId: tree.a.community.id })).toBe('invalid_input');
    expect(await attempt({ endsOn: '2024-12-31' })).toBe('invalid_input');
    const ctxB = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    const foreignCompany = await database.db
      .transaction((tx) => createContract(tx, ctxB, { ...body, compoundId: tree.b.compound.id }))
      .catch((e: AppError) => e.code);
    expect(foreignCompany).toBe('not_found');
  });
});
