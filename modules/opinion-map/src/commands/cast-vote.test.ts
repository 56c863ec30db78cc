import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestConversation, residentContext } from '../testing.ts';
import { castVote } from './cast-vote.ts';
import { closeConversation } from './close-conversation.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

const versionOf = async (id: string) =>
  (await database.query<{ v: number }>('SELECT data_version AS v FROM opinion_conversation WHERE id = $1', [id]))[0]?.v;

describe('castVote', () => {
  it('records one vote per participant and statement, changes it on a second vote, and moves the data version only on a change', async () => {
    const c = await openTestConversation(database.db, tree.a.community, tree.a.compound, ['观点一', '观点二']);
    const resident = await residentContext(database.db, tree.a.h101);
    const [s1, s2] = c.statementIds as [string, string];
    const v0 = await versionOf(c.id);
    expect(await database.db.transaction((tx) => castVote(tx, resident, s1, { value: 'agree' }))).toEqual({
      statementId: s1,
      value: 'agree',
      voted: 1,
    });
    await database.db.transaction((tx) => castVote(tx, resident, s1, { value: 'agree' }));
    expect(await versionOf(c.id)).toBe((v0 ?? 0) + 1);
    await database.db.transaction((tx) => castVote(tx, resident, s1, { value: 'disagree' }));
    await database.db.transaction((tx) => castVote(tx, resident, s2, { value: 'pass' }));
    const votes = await database.query<{ value: number }>('SELECT value FROM opinion_vote WHERE conversation_id = $1 ORDER BY value', [
      c.id,
    ]);
    expect(votes.map((v) => v.value)).toEqual([-1, 0]);
    const participants = await database.query<{ number: number }>('SELECT number FROM opinion_participant WHERE conversation_id = $1', [
      c.id,
    ]);
    expect(participants).toEqual([{ number: 1 }]);
  });

  it('answers a resident of another community like an unknown statement, and refuses a closed conversation', async () => {
    const c = await openTestConversation(database.db, tree.a.community, tree.a.community, ['观点']);
    const neighbour = await residentContext(database.db, tree.b.h101);
    const foreign = await residentContext(database.db, tree.other.household);
    for (const ctx of [neighbour, foreign]) {
      const code = await database.db
        .transaction((tx) => castVote(tx, ctx, c.statementIds[0] as string, { value: 'agree' }))
        .catch((e: AppError) => e.declared?.code ?? e.code);
      expect(code).toBe('platform.not_found_id');
    }
    await database.db.transaction((tx) => closeConversation(tx, c.staff, c.id));
    const resident = await residentContext(database.db, tree.a.h102);
    const closed = await database.db
      .transaction((tx) => castVote(tx, resident, c.statementIds[0] as string, { value: 'agree' }))
      .catch((e: AppError) => e.declared?.code ?? e.code);
    expect(closed).toBe('opinion_map.conversation_closed');
    const [count] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM opinion_vote WHERE conversation_id = $1', [c.id]);
    expect(count?.n).toBe(0);
  });
});
