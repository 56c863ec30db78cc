import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileRepository } from '../profile.repository.ts';
import { makeCompany, makeProfile } from '../testing.ts';
import { recordEvaluationScores } from './record-evaluation-scores.ts';
import { setCriteria } from './set-criteria.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
const T = '370785';
const roundQ3 = { id: '019a0000-0000-7000-8000-000000000003', period: '2026-Q3' };
const roundQ4 = { id: '019a0000-0000-7000-8000-000000000004', period: '2026-Q4' };

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('recordEvaluationScores', () => {
  it('moves a well-managed compound to poor after a score under the criteria’s minimum, and the history says why', async () => {
    const county = contextFor(T, [{ role: 'county_staff', node: tree.county }]);
    const company = await makeCompany(database, county, tree.a.community.id, 'market');
    await makeProfile(database, county, { compoundId: tree.a.compound.id, company: { id: company.id, fee: 0.6, rate: 0.95 } });
    const profiles = new ProfileRepository(database.db);
    const status = async () => (await profiles.findById(T, tree.a.compound.id, [tree.county.path]))?.status;
    expect(await status()).toBe('well');
    // Criteria without a minimum score: a low score is kept but changes nothing.
    const none = await database.db.transaction((tx) =>
      recordEvaluationScores(tx, county, {
        round: roundQ3,
        scores: [{ compoundId: tree.a.compound.id, score: 58.2, companyId: company.id }],
      }),
    );
    expect(none.changed).toBe(0);
    expect(await status()).toBe('well');
    // Version 1 asks 70: the Q3 score already kept (58.2) makes it poor when the criteria are set.
    await database.db.transaction((tx) =>
      setCriteria(tx, county, { wellMinCollectionRate: 0.8, wellMinSatisfaction: 0.8, wellMinEvaluationScore: 70 }),
    );
    expect(await status()).toBe('poor');
    // A better Q4 (85.5) brings it back, with the round and score in the history.
    const q4 = await database.db.transaction((tx) =>
      recordEvaluationScores(tx, county, {
        round: roundQ4,
        scores: [{ compoundId: tree.a.compound.id, score: 85.5, companyId: company.id }],
      }),
    );
    expect(q4.changed).toBe(1);
    expect(await status()).toBe('well');
    expect((await profiles.history(T, tree.a.compound.id))[0]).toMatchObject({
      source: 'computed',
      statusFrom: 'poor',
      statusTo: 'well',
      criteriaVersion: 1,
      reason: '物业服务测评 2026-Q4：综合得分 85.5（标准 v1：管得好须不低于 70）',
    });
    // Then a Q4 handed over again lower (the round's scores replaced): poor again, saying so.
    await database.db.transaction((tx) =>
      recordEvaluationScores(tx, county, {
        round: roundQ4,
        scores: [{ compoundId: tree.a.compound.id, score: 61, companyId: company.id }],
      }),
    );
    expect(await status()).toBe('poor');
    expect((await profiles.history(T, tree.a.compound.id))[0]?.reason).toContain('综合得分 61');
    // Both rounds are kept per compound, newest first (what a renewal decision is shown).
    expect(await profiles.scores(T, tree.a.compound.id)).toEqual([
      { roundId: roundQ4.id, period: '2026-Q4', score: 61, companyId: company.id },
      { roundId: roundQ3.id, period: '2026-Q3', score: 58.2, companyId: company.id },
    ]);
  });

  it('keeps scores of compounds without a profile and changes no status for them', async () => {
    const county = contextFor(T, [{ role: 'county_staff', node: tree.county }]);
    const result = await database.db.transaction((tx) =>
      recordEvaluationScores(tx, county, { round: roundQ4, scores: [{ compoundId: tree.b.compound.id, score: 40, companyId: null }] }),
    );
    expect(result.changed).toBe(0);
    expect(await new ProfileRepository(database.db).scores(T, tree.b.compound.id)).toEqual([
      { roundId: roundQ4.id, period: '2026-Q4', score: 40, companyId: null },
    ]);
  });
});
