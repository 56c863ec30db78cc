import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, insertNode } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationRepository } from '../conversation.repository.ts';
import { openTestConversation, residentContext } from '../testing.ts';
import { castVote } from './cast-vote.ts';
import { refreshMap } from './refresh-map.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('refreshMap', () => {
  it('computes the map once per data version and keeps it (with its time) until a vote changes the data', async () => {
    const bodies = Array.from({ length: 8 }, (_, i) => `观点${i + 1}`);
    const c = await openTestConversation(database.db, tree.a.community, tree.a.compound, bodies);
    const households = await Promise.all(
      Array.from({ length: 10 }, (_, i) => insertNode(database.db, { parent: tree.a.entrance, kind: 'household', name: `5${i}` })),
    );
    const residents = await Promise.all(households.map((h) => residentContext(database.db, h)));
    for (const [r, ctx] of residents.entries()) {
      for (const [s, id] of c.statementIds.entries()) {
        await database.db.transaction((tx) => castVote(tx, ctx, id, { value: s < 4 === r < 5 ? 'agree' : 'disagree' }));
      }
    }
    const row = async () => (await new ConversationRepository(database.db).version('370785', c.id, { scope: [tree.a.community.path] }))!;
    // The conversation row is read before the transaction: PGlite has one connection, the transaction holds it.
    const refresh = async (options: { force?: boolean } = {}) => {
      const current = await row();
      return database.db.transaction((tx) => refreshMap(tx, '370785', current, options));
    };
    const first = await refresh();
    expect(first.result).toMatchObject({ status: 'ready', k: 2, eligibleParticipants: 10 });
    expect(first.kState).toEqual({ k: 2, challenger: null, streak: 0 });
    const cached = await refresh();
    expect(cached.computedAt).toBe(first.computedAt);
    const forced = await refresh({ force: true });
    expect(forced.result).toEqual(first.result);
    await database.db.transaction((tx) => castVote(tx, residents[0]!, c.statementIds[0]!, { value: 'pass' }));
    const changed = await refresh();
    expect(changed.dataVersion).toBe(first.dataVersion + 1);
    expect(changed.priorKState).toEqual(first.kState);
  });
});
