import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotBody, buildBallotWorld, newReceipt } from '../testing.ts';
import { castVote } from './cast-vote.ts';
import { closeBallot } from './close-ballot.ts';
import { createBallot } from './create-ballot.ts';
import { openBallot } from './open-ballot.ts';

// 500 households voting in the same minute, with retries of the same request among them: nothing
// lost, nothing counted twice.

let database: Database;
let w: Awaited<ReturnType<typeof buildBallotWorld>>;
const N = 500;
// Floor areas 50.00, 50.37, 50.74 … (two decimals, so the sum is exact only if every area counts once).
const areas = Array.from({ length: N }, (_, i) => Math.round((50 + (i * 37) / 100) * 100) / 100);

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildBallotWorld(database.db, areas);
}, 120_000);
afterAll(() => database.close());

describe('500 concurrent votes', () => {
  it('counts each household once, retries included, with exact totals', async () => {
    const b = await database.db.transaction((t) => createBallot(t, w.staffA, ballotBody(w.building.id, { rule: 'art278_ordinary' })));
    await database.db.transaction((t) => openBallot(t, w.staffA, b.id));
    const requests = w.residents.map((r, i) => ({ who: r, body: { options: [(i % 3) + 1 > 2 ? 2 : 1], receipt: newReceipt() } }));
    // Every fifth request is sent twice at once (a phone retrying on a slow network).
    const sends = [...requests, ...requests.filter((_, i) => i % 5 === 0)];
    const outcomes = await Promise.all(
      sends.map((s) =>
        database.db
          .transaction((t) => castVote(t, s.who, b.id, s.body))
          .then(
            (r) => r.outcome,
            (e: Error) => `error: ${e.message}`,
          ),
      ),
    );
    expect(outcomes.filter((o) => o.startsWith('error'))).toEqual([]);
    expect(outcomes.filter((o) => o === 'cast')).toHaveLength(N);
    expect(outcomes.filter((o) => o === 'unchanged')).toHaveLength(N / 5);

    const expectedYes = requests.filter((r) => r.body.options[0] === 1);
    const yesArea = Math.round(expectedYes.reduce((s, r) => s + areas[w.residents.indexOf(r.who)]! * 100, 0)) / 100;
    const totalArea = Math.round(areas.reduce((s, a) => s + a * 100, 0)) / 100;
    const [p] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM ballot_participation WHERE ballot_id = $1', [b.id]);
    const [c] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM ballot_choice WHERE ballot_id = $1', [b.id]);
    expect(p?.n).toBe(N);
    expect(c?.n).toBe(N);
    const result = await database.db.transaction((t) => closeBallot(t, w.staffA, b.id));
    expect(result.cast).toEqual({ voters: N, area: totalArea });
    expect(result.options[0]).toMatchObject({ voters: expectedYes.length, area: yesArea, passed: true });
    expect(result.options[1]).toMatchObject({ voters: N - expectedYes.length, area: Math.round((totalArea - yesArea) * 100) / 100 });
  }, 300_000);
});
