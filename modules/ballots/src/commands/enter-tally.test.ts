import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateBallotBody } from '../contract.ts';
import { ballotBody, buildBallotWorld } from '../testing.ts';
import { closeBallot } from './close-ballot.ts';
import { createBallot } from './create-ballot.ts';
import { enterTally } from './enter-tally.ts';
import { openBallot } from './open-ballot.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildBallotWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildBallotWorld(database.db, [90, 120, 80, 150, 100, 60]);
});
afterAll(() => database.close());

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => `${e.code}:${e.message}`,
  );
async function openNew(over: Partial<CreateBallotBody> = {}) {
  const b = await database.db.transaction((t) => createBallot(t, w.staffA, ballotBody(w.building.id, { method: 'tally', ...over })));
  await database.db.transaction((t) => openBallot(t, w.staffA, b.id));
  return b.id;
}

describe('paper and show-of-hands counts typed in by the secretary', () => {
  it('keeps every corrected number with who and why, and counts the latest version at closing', async () => {
    const id = await openNew();
    const first = await database.db.transaction((t) =>
      enterTally(t, w.staffA, id, {
        cast: { voters: 5, area: 500 },
        options: [
          { id: 1, voters: 3, area: 290 },
          { id: 2, voters: 2, area: 210 },
        ],
      }),
    );
    expect(first.map((e) => [e.optionId, e.version, e.voters, e.area, e.reason])).toEqual([
      [0, 1, 5, 500, null],
      [1, 1, 3, 290, null],
      [2, 1, 2, 210, null],
    ]);
    // A changed number without its reason is refused, and nothing is written.
    const correction = {
      cast: { voters: 5, area: 500 },
      options: [
        { id: 1, voters: 2, area: 200 },
        { id: 2, voters: 3, area: 300 },
      ],
    };
    expect(await code(database.db.transaction((t) => enterTally(t, w.staffA, id, correction)))).toMatch(
      /^invalid_input:A corrected count needs its reason/,
    );
    const history = await database.db.transaction((t) => enterTally(t, w.staffA, id, { ...correction, reason: '复核选票，两张误计' }));
    expect(history.map((e) => [e.optionId, e.version, e.voters, e.reason, e.enteredByName])).toEqual([
      [0, 1, 5, null, 'staff.a'],
      [1, 1, 3, null, 'staff.a'],
      [1, 2, 2, '复核选票，两张误计', 'staff.a'],
      [2, 1, 2, null, 'staff.a'],
      [2, 2, 3, '复核选票，两张误计', 'staff.a'],
    ]);
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'ballots.tally' AND target_id = $1",
      [id],
    );
    expect(audit?.n).toBe(2);
    // 2 of 5 owners (200 of 500 m²) agree: not more than half.
    const result = await database.db.transaction((t) => closeBallot(t, w.staffA, id));
    expect(result.options.map((o) => [o.voters, o.area, o.passed])).toEqual([
      [2, 200, false],
      [3, 300, true],
    ]);
    expect(await code(database.db.transaction((t) => enterTally(t, w.staffA, id, correction)))).toMatch(/^conflict:The ballot is not open/);
  });

  it('refuses counts that do not add up, areas missing on a weighted ballot, and an online ballot', async () => {
    const id = await openNew();
    const bad = await database.db
      .transaction((t) => enterTally(t, w.staffA, id, { cast: { voters: 7, area: 500 }, options: [{ id: 1, voters: 4, area: 100 }] }))
      .catch((e: AppError) => e);
    expect((bad as AppError).code).toBe('unprocessable');
    expect((bad as AppError).details).toEqual([{ field: 'cast.voters', reason: 'exceeds the roll (6)' }]);
    expect(await code(database.db.transaction((t) => enterTally(t, w.staffA, id, { cast: { voters: 3 }, options: [] })))).toMatch(
      /^invalid_input/,
    );
    const [n] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM ballot_tally_entry WHERE ballot_id = $1', [id]);
    expect(n?.n).toBe(0);
    const online = await openNew({ method: 'online' });
    expect(
      await code(database.db.transaction((t) => enterTally(t, w.staffA, online, { cast: { voters: 1, area: 90 }, options: [] }))),
    ).toMatch(/^conflict:This ballot is voted online/);
  });
});

describe('opening', () => {
  it('freezes the roll at opening, and refuses a ballot weighted by floor area while a household has none', async () => {
    const compound = await database.db.transaction((t) => createBallot(t, w.staffA, ballotBody(w.tree.a.compound.id)));
    // 1号楼 101 and 102 have no floor area.
    expect(await code(database.db.transaction((t) => openBallot(t, w.staffA, compound.id)))).toMatch(/^unprocessable:2 households/);
    const id = await openNew();
    expect(await code(database.db.transaction((t) => openBallot(t, w.staffA, id)))).toMatch(/^conflict:The ballot is already open/);
    const [roll] = await database.query<{ n: number; area: number }>(
      'SELECT count(*)::int AS n, sum(area)::numeric AS area FROM ballot_roll WHERE ballot_id = $1',
      [id],
    );
    expect(roll).toEqual({ n: 6, area: 600 });
  });

  it('refuses bad rules naming the field', async () => {
    const bad = await database.db
      .transaction((t) =>
        createBallot(t, w.staffA, ballotBody(w.building.id, { voterUnit: 'person', options: ['同意', '同意'], maxChoices: 3 })),
      )
      .catch((e: AppError) => e);
    expect((bad as AppError).details).toEqual([
      { field: 'options', reason: 'holds the same option twice' },
      { field: 'maxChoices', reason: 'is more than the 2 options' },
      { field: 'rule', reason: 'Civil Code Art. 278 counts households (owners) weighted by floor area' },
    ]);
  });
});
