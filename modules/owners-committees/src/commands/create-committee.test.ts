import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { auditCount } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommitteeWorld } from '../testing.ts';
import { createCommittee } from './create-committee.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
});
afterAll(() => database.close());

const code = (e: unknown) => (e as AppError).code;

describe('createCommittee', () => {
  it('records an owners’ committee with a five-year term by default, audited', async () => {
    const c = await database.db.transaction((tx) =>
      createCommittee(tx, w.staffA, { compoundId: w.tree.a.compound.id, kind: 'owners_committee', formedOn: '2024-02-29' }),
    );
    expect(c).toMatchObject({
      name: '凤凰小区业主委员会',
      termStart: '2024-02-29',
      termEnd: '2029-02-28',
      status: 'active',
      communityName: '凤凰社区',
      subdistrictName: '朝阳街道',
      party: { members: 0, partyMembers: 0, share: null, met: false, ruleApplies: true, chairIsSecretary: false },
    });
    expect(await auditCount(database.db, { tenantId: '370785', action: 'ownersCommittees.committee.create', targetId: c.id })).toBe(1);
  });

  it('refuses a second active committee — a property management committee only where no owners’ committee is active', async () => {
    const e = await database.db
      .transaction((tx) =>
        createCommittee(tx, w.staffA, { compoundId: w.tree.a.compound.id, kind: 'property_management_committee', formedOn: '2025-01-01' }),
      )
      .catch(code);
    expect(e).toBe('conflict');
  });

  it('answers a compound of another community like an unknown one, and refuses a place that is not a compound and bad dates', async () => {
    const other = await database.db
      .transaction((tx) =>
        createCommittee(tx, w.staffA, { compoundId: w.tree.b.compound.id, kind: 'owners_committee', formedOn: '2024-01-01' }),
      )
      .catch(code);
    expect(other).toBe('not_found');
    const community = await database.db
      .transaction((tx) =>
        createCommittee(tx, w.staffA, { compoundId: w.tree.a.community.id, kind: 'owners_committee', formedOn: '2024-01-01' }),
      )
      .catch(code);
    expect(community).toBe('invalid_input');
    const bad = await database.db
      .transaction((tx) =>
        createCommittee(tx, w.staffB, {
          compoundId: w.tree.b.compound.id,
          kind: 'owners_committee',
          formedOn: '2024-02-30',
        }),
      )
      .catch((e: AppError) => e.details);
    expect(bad).toEqual(expect.arrayContaining([{ field: 'formedOn', reason: 'is not a date' }]));
    const backwards = await database.db
      .transaction((tx) =>
        createCommittee(tx, w.staffB, {
          compoundId: w.tree.b.compound.id,
          kind: 'owners_committee',
          formedOn: '2024-01-01',
          termEnd: '2023-01-01',
        }),
      )
      .catch((e: AppError) => e.details);
    expect(backwards).toEqual([{ field: 'termEnd', reason: 'is not after the term start' }]);
  });
});
