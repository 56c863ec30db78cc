import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractRepository } from '../contract.repository.ts';
import { makeCompany, makeProfile } from '../testing.ts';
import { recordEvaluationScores } from './record-evaluation-scores.ts';
import { recordRenewalDecision } from './record-renewal-decision.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
const T = '370785';

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('recordRenewalDecision', () => {
  it('records a decision with its reason, who, and the compound’s scores when deciding; later scores do not change it', async () => {
    const staff = contextFor(T, [{ role: 'community_staff', node: tree.a.community }]);
    const company = await makeCompany(database, staff, tree.a.community.id, 'market');
    const contractId = (await makeProfile(database, staff, {
      compoundId: tree.a.compound.id,
      company: { id: company.id, fee: 0.6, rate: 0.9 },
    })) as string;
    const round = { id: '019a0000-0000-7000-8000-0000000000a3', period: '2026-Q3' };
    await database.db.transaction((tx) =>
      recordEvaluationScores(tx, staff, { round, scores: [{ compoundId: tree.a.compound.id, score: 62.5, companyId: company.id }] }),
    );
    const saved = await database.db.transaction((tx) =>
      recordRenewalDecision(tx, staff, contractId, { decision: 'rectify', reason: '  综合得分低于 70，限期三个月整改  ' }),
    );
    expect(saved).toMatchObject({
      contractId,
      decision: 'rectify',
      reason: '综合得分低于 70，限期三个月整改',
      basis: [{ roundId: round.id, period: '2026-Q3', score: 62.5, companyId: company.id }],
    });
    expect(saved.decidedByName).toBeTruthy();
    // A later round's score is not added to the decision already made.
    await database.db.transaction((tx) =>
      recordEvaluationScores(tx, staff, {
        round: { id: '019a0000-0000-7000-8000-0000000000a4', period: '2026-Q4' },
        scores: [{ compoundId: tree.a.compound.id, score: 80, companyId: company.id }],
      }),
    );
    const listed = await new ContractRepository(database.db).decisions(T, contractId);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.basis.map((b) => b.period)).toEqual(['2026-Q3']);
  });

  it('refuses an empty reason and a contract of another community, writing nothing', async () => {
    const staffA = contextFor(T, [{ role: 'community_staff', node: tree.a.community }]);
    const staffB = contextFor(T, [{ role: 'community_staff', node: tree.b.community }]);
    const [contract] = await new ContractRepository(database.db).list(T, [tree.county.path], { compoundId: tree.a.compound.id });
    const id = contract?.id as string;
    const empty = await database.db
      .transaction((tx) => recordRenewalDecision(tx, staffA, id, { decision: 'renew', reason: '   ' }))
      .catch((e: AppError) => e);
    expect(empty).toMatchObject({ code: 'invalid_input' });
    const other = await database.db
      .transaction((tx) => recordRenewalDecision(tx, staffB, id, { decision: 'terminate', reason: '解聘' }))
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    expect(await new ContractRepository(database.db).decisions(T, id)).toHaveLength(1);
  });
});
