import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitteeRepository } from '../committee.repository.ts';
import { SettingsRepository } from '../settings.repository.ts';
import { buildCommitteeWorld, committeeWith } from '../testing.ts';
import { setPartyRule } from './set-party-rule.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
});
afterAll(() => database.close());

describe('setPartyRule', () => {
  it('moves the county’s rule date; whether the rule applies to a committee follows at once', async () => {
    const id = await committeeWith(
      database.db,
      w.staffA,
      { compoundId: w.tree.a.compound.id, kind: 'owners_committee', formedOn: '2022-03-01' },
      [],
    );
    const repo = new CommitteeRepository(database.db);
    expect(await new SettingsRepository(database.db).partyRuleFrom('370785')).toBe('2021-01-01');
    expect((await repo.findById('370785', id, [w.tree.county.path]))?.party.ruleApplies).toBe(true);
    const admin = contextFor('370785', [{ role: 'system_admin', node: w.tree.county }]);
    expect(
      await database.db.transaction((tx) => setPartyRule(tx, w.staffA, { partyRuleFrom: '2023-01-01' })).catch((e: AppError) => e.code),
    ).toBe('forbidden');
    await database.db.transaction((tx) => setPartyRule(tx, admin, { partyRuleFrom: '2023-01-01' }));
    expect((await repo.findById('370785', id, [w.tree.county.path]))?.party.ruleApplies).toBe(false);
    expect(
      await database.db.transaction((tx) => setPartyRule(tx, admin, { partyRuleFrom: '2023-02-30' })).catch((e: AppError) => e.code),
    ).toBe('invalid_input');
  });
});
