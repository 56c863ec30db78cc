import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTwoCommunities, contextFor, insertResident, testCipher } from '../testing.ts';
import { updateResident } from './update-resident.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let ctx: ReturnType<typeof contextFor>;
let residentId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
  ({ id: residentId } = await insertResident(database.db, tree.a.h101, { name: '周明', phone: '13812345678' }));
});
afterAll(() => database.close());

const update = (input: Parameters<typeof updateResident>[4], context = ctx) =>
  database.db.transaction((tx) => updateResident(tx, testCipher, context, residentId, input));

describe('updateResident', () => {
  it('changes the phone (re-encrypted and masked), clears it with null, and moves household inside the scope', async () => {
    expect(await update({ phone: '15000001111' })).toMatchObject({ phone: '150****1111' });
    expect(await update({ phone: null, householdId: tree.a.h102.id })).toMatchObject({ phone: null, householdId: tree.a.h102.id });
    const [row] = await database.query<{ phone_enc: string | null; phone_hash: string | null }>(
      'SELECT phone_enc, phone_hash FROM resident WHERE id = $1',
      [residentId],
    );
    expect(row).toEqual({ phone_enc: null, phone_hash: null });
  });

  it('rejects an invalid ID number with its field, and a move outside the scope', async () => {
    expect(await update({ idNumber: '370785199001011230' }).catch((e: AppError) => e.details)).toMatchObject([{ field: 'idNumber' }]);
    // A household outside the scope answers like an unknown one.
    expect(await update({ householdId: tree.b.h101.id }).catch((e: AppError) => [e.code, e.details])).toEqual([
      'not_found',
      [{ field: 'householdId', reason: 'not found' }],
    ]);
  });

  it('does not find a resident of a sibling community', async () => {
    const other = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    expect(await update({ name: '改名' }, other).catch((e: AppError) => e.code)).toBe('not_found');
  });
});
