import type { AppError, RequestContext } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotBody, buildBallotWorld, newReceipt } from '../testing.ts';
import { castVote } from './cast-vote.ts';
import { closeBallot } from './close-ballot.ts';
import { createBallot } from './create-ballot.ts';
import { openBallot } from './open-ballot.ts';
import { recordPaperVote } from './record-paper-vote.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildBallotWorld>>;
// 2号楼: 201 … 204 with 90 + 120 + 80 + 110 = 400 m².
beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildBallotWorld(database.db, [90, 120, 80, 110]);
});
afterAll(() => database.close());

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => (e.declared ? `${e.code}:${e.message}` : e.code),
  );

describe('recordPaperVote', () => {
  it('counts a paper ballot like a phone vote, and refuses a second vote of the household either way', async () => {
    const b = await database.db.transaction((t) =>
      createBallot(t, w.staffA, ballotBody(w.building.id, { options: ['同意', '反对', '弃权'] })),
    );
    await database.db.transaction((t) => openBallot(t, w.staffA, b.id));
    const [h1, h2, h3] = w.households;
    const [r1, r2] = w.residents as [RequestContext, RequestContext];
    // 201 on paper, then its phone vote is refused.
    expect(await database.db.transaction((t) => recordPaperVote(t, w.staffA, b.id, { voterId: h1!.id, options: [1] }))).toEqual({
      outcome: 'cast',
    });
    expect(await code(database.db.transaction((t) => castVote(t, r1, b.id, { options: [2], receipt: newReceipt() })))).toMatch(/^conflict/);
    // 202 on the phone, then its paper ballot is refused.
    await database.db.transaction((t) => castVote(t, r2, b.id, { options: [1], receipt: newReceipt() }));
    expect(await code(database.db.transaction((t) => recordPaperVote(t, w.staffA, b.id, { voterId: h2!.id, options: [2] })))).toBe(
      'conflict:This voter has already voted (on the phone or on paper)',
    );
    // Staff of another community cannot reach the ballot; a bad option is refused naming the field.
    expect(await code(database.db.transaction((t) => recordPaperVote(t, w.staffB, b.id, { voterId: h3!.id, options: [1] })))).toMatch(
      /^not_found/,
    );
    expect(await code(database.db.transaction((t) => recordPaperVote(t, w.staffA, b.id, { voterId: h3!.id, options: [7] })))).toMatch(
      /^invalid_input:Option 7/,
    );
    await database.db.transaction((t) => recordPaperVote(t, w.staffA, b.id, { voterId: h3!.id, options: [2] }));
    const result = await database.db.transaction((t) => closeBallot(t, w.staffA, b.id));
    expect(result.cast).toEqual({ voters: 3, area: 290 });
    expect(result.options.map((o) => [o.voters, o.area])).toEqual([
      [2, 210],
      [1, 80],
      [0, 0],
    ]);
  });
});
