import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castVote } from './commands/cast-vote.ts';
import { createBallot } from './commands/create-ballot.ts';
import { openBallot } from './commands/open-ballot.ts';
import { ballotBody, buildBallotWorld, newReceipt } from './testing.ts';

// Anonymous ballots: who took part and what was chosen share no column but the ballot, so no SQL
// (not even an administrator's) can join a voter to a choice.

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const columns = async (table: string) =>
  (
    await database.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
      [table],
    )
  ).map((c) => `${c.column_name}:${c.data_type}`);

describe('anonymity of the cast choice', () => {
  it('the choice table holds a receipt hash and an option only: no voter, no time, no weight', async () => {
    expect(await columns('ballot_choice')).toEqual(['tenant_id:text', 'ballot_id:uuid', 'receipt_hash:text', 'option_id:smallint']);
    expect(await columns('ballot_participation')).toEqual([
      'tenant_id:text',
      'ballot_id:uuid',
      'voter_id:uuid',
      'via_proxy:uuid',
      'cast_on:date',
      'changed:boolean',
      'option_ids:ARRAY',
    ]);
    // Nothing references the choice table, and it references only the ballot.
    const fks = await database.query<{ rel: string; ref: string }>(
      `SELECT conrelid::regclass::text AS rel, confrelid::regclass::text AS ref FROM pg_constraint
        WHERE contype = 'f' AND ('ballot_choice'::regclass IN (conrelid, confrelid))`,
    );
    expect(fks).toEqual([{ rel: 'ballot_choice', ref: 'ballot' }]);
  });

  it('an anonymous vote leaves the participation without its options and the choice without its voter', async () => {
    const w = await buildBallotWorld(database.db, [90, 120]);
    const b = await database.db.transaction((t) => createBallot(t, w.staffA, ballotBody(w.building.id)));
    await database.db.transaction((t) => openBallot(t, w.staffA, b.id));
    const receipt = newReceipt();
    await database.db.transaction((t) => castVote(t, w.residents[0]!, b.id, { options: [1], receipt }));
    const [p] = await database.query<Record<string, unknown>>('SELECT * FROM ballot_participation WHERE ballot_id = $1', [b.id]);
    expect(p?.option_ids).toBeNull();
    const choices = await database.query<Record<string, unknown>>('SELECT * FROM ballot_choice WHERE ballot_id = $1', [b.id]);
    expect(choices).toHaveLength(1);
    // The stored hash is not the receipt, and no column of the choice names the household.
    expect(JSON.stringify(choices)).not.toContain(receipt);
    expect(JSON.stringify(choices)).not.toContain(w.households[0]!.id);
    // A named ballot keeps the options on the participation row instead.
    const named = await database.db.transaction((t) => createBallot(t, w.staffA, ballotBody(w.building.id, { anonymous: false })));
    await database.db.transaction((t) => openBallot(t, w.staffA, named.id));
    await database.db.transaction((t) => castVote(t, w.residents[1]!, named.id, { options: [2], receipt: newReceipt() }));
    const [q] = await database.query<{ option_ids: number[] }>('SELECT option_ids FROM ballot_participation WHERE ballot_id = $1', [
      named.id,
    ]);
    expect(q?.option_ids).toEqual([2]);
  });
});
