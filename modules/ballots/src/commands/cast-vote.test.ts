import { createAccount } from '@linli/accounts/testing';
import { type AppError, newId, type RequestContext } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor, insertResident } from '@linli/people/testing';
import type { TestNode } from '@linli/territory/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateBallotBody } from '../contract.ts';
import { myBallots } from '../queries.ts';
import { ballotBody, buildBallotWorld, newReceipt } from '../testing.ts';
import { castVote } from './cast-vote.ts';
import { closeBallot } from './close-ballot.ts';
import { createBallot } from './create-ballot.ts';
import { openBallot } from './open-ballot.ts';
import { registerProxy } from './register-proxy.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildBallotWorld>>;
// 2号楼: 201 … 206 with 90 + 120 + 80 + 150 + 100 + 60 = 600 m².
const areas = [90, 120, 80, 150, 100, 60];

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildBallotWorld(database.db, areas);
});
afterAll(() => database.close());

const tx = <T>(fn: (tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0]) => Promise<T>) => database.db.transaction(fn);
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => (e.declared ? `${e.code}:${e.message}` : e.code),
  );

async function openNew(over: Partial<CreateBallotBody> = {}) {
  const b = await tx((t) => createBallot(t, w.staffA, ballotBody(w.building.id, over)));
  await tx((t) => openBallot(t, w.staffA, b.id));
  return b.id;
}
const vote = (who: RequestContext, id: string, options: number[], receipt: string, forVoterId?: string) =>
  tx((t) => castVote(t, who, id, { options, receipt, ...(forVoterId ? { forVoterId } : {}) }));

/**
 * The same votes on an ordinary and a major matter: 206 (60 m²) gives 201 its proxy; 201 votes 同意
 * for itself and 不同意 for 206; 202 同意; 203 first 不同意, then changes to 同意; 204 不同意; 205
 * does not vote. Cast: 5 of 6 owners, 500 of 600 m² (quorum 2/3 met both ways). 同意: 201, 202,
 * 203 = 3 owners, 290 m² → 3/5 = 60 % and 290/500 = 58 %: more than half (passes an ordinary
 * matter), under three quarters (fails a major one). 不同意: 204, 206 = 2 owners, 210 m².
 */
async function script(id: string) {
  const [r1, r2, r3, r4] = w.residents as [RequestContext, RequestContext, RequestContext, RequestContext];
  const [, , , , , h6] = w.households;
  await tx((t) => registerProxy(t, w.staffA, id, { grantorId: h6!.id, holderId: w.households[0]!.id }));
  expect(await vote(r1, id, [1], newReceipt())).toEqual({ outcome: 'cast', changed: false });
  expect(await vote(r1, id, [2], newReceipt(), h6!.id)).toEqual({ outcome: 'cast', changed: false });
  await vote(r2, id, [1], newReceipt());
  const receipt3 = newReceipt();
  await vote(r3, id, [2], receipt3);
  expect(await vote(r3, id, [1], receipt3)).toEqual({ outcome: 'changed', changed: true });
  await vote(r4, id, [2], newReceipt());
}

describe('an owners’ decision under Civil Code Art. 278, counted online', () => {
  it('ordinary matter passes with 3 of 5 owners and 290 of 500 m²; the major one with the same votes fails', async () => {
    const ordinary = await openNew({ rule: 'art278_ordinary' });
    const major = await openNew({ rule: 'art278_major', subject: { kind: 'owners_decision', title: '使用维修资金' } });
    await script(ordinary);
    await script(major);
    const a = await tx((t) => closeBallot(t, w.staffA, ordinary));
    expect(a.roll).toEqual({ voters: 6, area: 600 });
    expect(a.cast).toEqual({ voters: 5, area: 500 });
    expect(a.quorumMet).toBe(true);
    expect(a.options.map((o) => [o.label, o.voters, o.area, o.passed])).toEqual([
      ['同意', 3, 290, true],
      ['不同意', 2, 210, false],
    ]);
    const b = await tx((t) => closeBallot(t, w.staffA, major));
    expect(b.options.map((o) => [o.voters, o.area, o.passed])).toEqual([
      [3, 290, false],
      [2, 210, false],
    ]);
  });

  it('quorum not met: 3 of 6 owners (290 m²) take part, so even a unanimous 同意 does not pass', async () => {
    const id = await openNew();
    for (const r of w.residents.slice(0, 3)) await vote(r, id, [1], newReceipt());
    const result = await tx((t) => closeBallot(t, w.staffA, id));
    expect(result.cast).toEqual({ voters: 3, area: 290 });
    expect(result.quorumMet).toBe(false);
    expect(result.options[0]).toMatchObject({ voters: 3, area: 290, passed: false });
  });
});

describe('casting a vote', () => {
  it('a retry of the same request counts once; a second receipt, a second change and the grantor’s own vote are refused', async () => {
    const id = await openNew();
    const [r1, r2] = w.residents as [RequestContext, RequestContext];
    const receipt = newReceipt();
    expect(await vote(r1, id, [1], receipt)).toEqual({ outcome: 'cast', changed: false });
    expect(await vote(r1, id, [1], receipt)).toEqual({ outcome: 'unchanged', changed: false });
    expect(await code(vote(r1, id, [2], newReceipt()))).toMatch(/^conflict:This vote has already been cast/);
    expect(await vote(r1, id, [2], receipt)).toEqual({ outcome: 'changed', changed: true });
    expect(await vote(r1, id, [2], receipt)).toEqual({ outcome: 'unchanged', changed: true });
    expect(await code(vote(r1, id, [1], receipt))).toMatch(/^conflict:A vote may be changed once only/);
    // 206 gives 202 its proxy: 206 no longer votes itself.
    await tx((t) => registerProxy(t, w.staffA, id, { grantorId: w.households[5]!.id, holderId: w.households[1]!.id }));
    expect(await code(vote(w.residents[5]!, id, [1], newReceipt()))).toMatch(/^conflict:This voter gave a proxy/);
    expect(await code(vote(r2, id, [1, 2], newReceipt()))).toMatch(/^invalid_input:At most 1 options/);
    expect(await code(vote(r2, id, [3], newReceipt()))).toMatch(/^invalid_input:Option 3/);
    // The resident sees their own vote and the one they hold, not how anyone voted.
    const mine = await myBallots(database.db, r2, id);
    expect(mine[0]?.voters.map((v) => [v.name, v.proxy, v.voted])).toEqual([
      ['202', false, false],
      ['206', true, false],
    ]);
    expect(mine[0]?.result).toBeNull();
    const result = await tx((t) => closeBallot(t, w.staffA, id));
    expect(result.options.map((o) => o.voters)).toEqual([0, 1]);
    expect(await code(vote(r2, id, [1], newReceipt()))).toMatch(/^conflict:The ballot is not open/);
  });

  it('caps proxies per holder and refuses a proxy of a proxy', async () => {
    const id = await openNew({ maxProxies: 1 });
    const h = w.households;
    await tx((t) => registerProxy(t, w.staffA, id, { grantorId: h[4]!.id, holderId: h[0]!.id }));
    expect(await code(tx((t) => registerProxy(t, w.staffA, id, { grantorId: h[5]!.id, holderId: h[0]!.id })))).toMatch(
      /^conflict:This holder already holds 1 proxies/,
    );
    expect(await code(tx((t) => registerProxy(t, w.staffA, id, { grantorId: h[0]!.id, holderId: h[1]!.id })))).toMatch(
      /^conflict:A proxy holder cannot give a proxy/,
    );
    expect(await code(tx((t) => registerProxy(t, w.staffA, id, { grantorId: w.tree.a.h101.id, holderId: h[1]!.id })))).toMatch(
      /^not_found:/,
    );
  });

  it('one vote per person: the roll lists the residents, each votes through their own account', async () => {
    const [h1, h2] = w.households as [TestNode, TestNode];
    const zhang = await insertResident(database.db, h1, { name: '张三' });
    await insertResident(database.db, h1, { name: '李四' });
    await insertResident(database.db, h2, { name: '王五' });
    const account = await createAccount(database.db, {
      tenantId: '370785',
      username: 'zhangsan',
      grants: [{ role: 'resident', nodeId: h1.id }],
    });
    await database.query('UPDATE resident SET account_id = $1 WHERE id = $2', [account.id, zhang.id]);
    const id = await openNew({ rule: 'simple_majority', voterUnit: 'person', weighting: 'none' });
    const asZhang = contextFor('370785', [{ role: 'resident', node: h1 }], 'zhangsan');
    asZhang.actor.accountId = account.id;
    expect(await vote(asZhang, id, [1], newReceipt())).toEqual({ outcome: 'cast', changed: false });
    // 李四 of the same household has no account of their own: the household's other account has no vote here.
    expect(await code(vote(w.residents[0]!, id, [1], newReceipt()))).toMatch(/^not_found/);
    const result = await tx((t) => closeBallot(t, w.staffA, id));
    expect(result.roll).toEqual({ voters: 3, area: 0 });
    expect(result.options.map((o) => [o.voters, o.passed])).toEqual([
      [1, true],
      [0, false],
    ]);
  });
});

describe('scope', () => {
  it('a ballot of another community or county is refused like an unknown one, to staff and residents alike', async () => {
    const id = await openNew();
    for (const other of [w.staffB, w.foreignStaff]) {
      expect(await code(tx((t) => closeBallot(t, other, id)))).toMatch(/^not_found/);
      expect(await code(tx((t) => registerProxy(t, other, id, { grantorId: w.households[0]!.id, holderId: w.households[1]!.id })))).toMatch(
        /^not_found:/,
      );
    }
    expect(await code(vote(w.residentB, id, [1], newReceipt()))).toMatch(/^not_found/);
    expect(await code(tx((t) => createBallot(t, w.staffB, ballotBody(w.building.id))))).toMatch(/^not_found/);
    const [n] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM ballot_participation WHERE ballot_id = $1', [id]);
    expect(n?.n).toBe(0);
  });

  it('a household of another community named to vote for reads like an unknown one', async () => {
    const id = await openNew();
    const resident = w.residents[0]!;
    const answer = (over: { householdId?: string; forVoterId?: string }, named: string) =>
      tx((t) => castVote(t, resident, id, { options: [1], receipt: newReceipt(), ...over })).then(
        () => 'cast',
        (e: AppError) => `${e.code} ${e.message.replaceAll(named, '<id>')} ${JSON.stringify(e.details ?? [])}`,
      );
    const outside = w.tree.b.h101.id;
    for (const field of ['householdId', 'forVoterId'] as const) {
      const unknownId = newId();
      const unknown = await answer({ [field]: unknownId }, unknownId);
      expect(unknown).not.toBe('cast');
      expect(await answer({ [field]: outside }, outside)).toBe(unknown);
    }
    const [n] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM ballot_participation WHERE ballot_id = $1', [id]);
    expect(n?.n).toBe(0);
  });
});
