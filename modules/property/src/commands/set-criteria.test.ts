import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CriteriaRepository } from '../criteria.repository.ts';
import { ProfileRepository } from '../profile.repository.ts';
import { makeCompany, makeProfile } from '../testing.ts';
import { setCriteria } from './set-criteria.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('setCriteria', () => {
  it('adds a version of the county’s criteria and recomputes every status under it', async () => {
    const county = contextFor('370785', [{ role: 'county_staff', node: tree.county }]);
    const company = await makeCompany(database, county, tree.a.community.id, 'market');
    await makeProfile(database, county, { compoundId: tree.a.compound.id, company: { id: company.id, fee: 0.5, rate: 0.75 } });
    expect(await new CriteriaRepository(database.db).current('370785')).toMatchObject({ version: 0, wellMinCollectionRate: 0.8 });
    const profiles = new ProfileRepository(database.db);
    expect((await profiles.findById('370785', tree.a.compound.id, [tree.county.path]))?.status).toBe('poor');
    const saved = await database.db.transaction((tx) =>
      setCriteria(tx, county, { wellMinCollectionRate: 0.7, wellMinSatisfaction: 0.8, note: '2026 年标准' }),
    );
    expect(saved).toMatchObject({ version: 1, wellMinCollectionRate: 0.7, changed: 1 });
    const profile = await profiles.findById('370785', tree.a.compound.id, [tree.county.path]);
    expect(profile?.status).toBe('well');
    expect((await profiles.history('370785', tree.a.compound.id))[0]).toMatchObject({
      source: 'computed',
      criteriaVersion: 1,
      statusTo: 'well',
    });
  });

  it('is refused to staff below the county', async () => {
    const community = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const refused = await database.db
      .transaction((tx) => setCriteria(tx, community, { wellMinCollectionRate: 0.1, wellMinSatisfaction: 0.1 }))
      .catch((e: AppError) => e.code);
    expect(refused).toBe('forbidden');
    expect((await new CriteriaRepository(database.db).current('370785')).version).toBe(1);
  });
});
