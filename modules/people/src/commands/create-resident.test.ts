import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTwoCommunities, contextFor, testCipher, validIdNumber } from '../testing.ts';
import { createResident } from './create-resident.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let ctx: ReturnType<typeof contextFor>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  ctx = contextFor('370785', [{ role: 'grid_worker', node: tree.a.compound }]);
});
afterAll(() => database.close());

const create = (input: Parameters<typeof createResident>[3], context = ctx) =>
  database.db.transaction((tx) => createResident(tx, testCipher, context, input));

describe('createResident', () => {
  it('stores phone and ID number only encrypted, hashed and masked, and audits without values', async () => {
    const idNumber = validIdNumber('37078519450705004');
    const created = await create({
      householdId: tree.a.h101.id,
      name: ' 孙桂英 ',
      phone: '+86 138-1234-5678',
      idNumber,
      tags: ['高龄', '高龄', '独居'],
    });
    expect(created).toMatchObject({
      name: '孙桂英',
      phone: '138****5678',
      gender: 'female',
      birthDate: '1945-07-05',
      tags: ['高龄', '独居'],
    });
    const [row] = await database.query<Record<string, string>>('SELECT * FROM resident WHERE id = $1', [created.id]);
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(testCipher.decrypt(row!.phone_enc!)).toBe('13812345678');
    expect(row!.phone_hash).toBe(testCipher.hash('13812345678'));
    const [audit] = await database.query<{ details: object }>(
      `SELECT details FROM audit_event WHERE action = 'people.resident.create' AND target_id = $1`,
      [created.id],
    );
    expect(JSON.stringify(audit?.details)).not.toContain('1381234');
    const [event] = await database.query<{ type: string }>('SELECT type FROM outbox_event WHERE aggregate_id = $1', [created.id]);
    expect(event?.type).toBe('resident.created');
  });

  it('refuses a duplicate ID number with 409 and a node that is not a household with 400', async () => {
    const idNumber = validIdNumber('37078519700101001');
    await create({ householdId: tree.a.h101.id, name: '甲', idNumber });
    expect(await create({ householdId: tree.a.h102.id, name: '乙', idNumber }).catch((e: AppError) => e.code)).toBe('conflict');
    expect(await create({ householdId: tree.a.entrance.id, name: '丙' }).catch((e: AppError) => e.details)).toEqual([
      { field: 'householdId', reason: 'is not a household' },
    ]);
  });

  it('answers a household outside the caller’s people.write scope like an unknown one and writes nothing', async () => {
    const answer = (householdId: string) => create({ householdId, name: '越权' }).catch((e: AppError) => [e.code, e.message, e.details]);
    const unknown = await answer('01900000-0000-7000-8000-00000000dead');
    expect(unknown).toEqual(['not_found', 'Place not found', [{ field: 'householdId', reason: 'not found' }]]);
    expect(await answer(tree.b.h101.id)).toEqual(unknown);
    expect(await answer(tree.other.household.id)).toEqual(unknown);
    const [row] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM resident WHERE name = '越权'");
    expect(row?.n).toBe(0);
  });
});
