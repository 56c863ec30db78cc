import { createAccount } from '@linli/accounts/testing';
import { shanghaiDay } from '@linli/calendar';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertyEvaluationModule } from './module.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let staffA: Session;
let staffB: Session;
let county: Session;
let residents: Session[];
let outsider: Session;

const today = shanghaiDay(new Date());
const stars = (n: number) => ({ cleaning: n, security: n, greening: n, repairs: n, manners: n, fees: n });

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [propertyEvaluationModule]);
  tree = await buildTwoCommunities(database.db);
  const T = '370785';
  const account = async (username: string, role: 'community_staff' | 'county_staff' | 'resident', node: { id: string }, tenantId = T) => {
    const a = await createAccount(database.db, { tenantId, username, grants: [{ role, nodeId: node.id }] });
    return login(app, a.username, a.password);
  };
  staffA = await account('pe.staff.a', 'community_staff', tree.a.community);
  staffB = await account('pe.staff.b', 'community_staff', tree.b.community);
  county = await account('pe.county', 'county_staff', tree.county);
  residents = [
    await account('pe.res.a101', 'resident', tree.a.h101),
    await account('pe.res.a102', 'resident', tree.a.h102),
    await account('pe.res.b101', 'resident', tree.b.h101),
  ];
  outsider = await account('pe.res.other', 'resident', tree.other.household, '532601');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const post = (s: Session, url: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload });
const get = (s: Session, url: string) => app.inject({ url: `/api/v1${url}`, headers: s.headers });

describe('property-service evaluation', () => {
  let roundId: string;

  it('opens a round over a place in scope only, one per place and quarter, and names the field of bad input', async () => {
    const res = await post(county, '/property-evaluation/rounds', {
      nodeId: tree.county.id,
      period: '2026-Q4',
      opensOn: '2026-01-01',
      closesOn: '2099-12-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    roundId = res.json().id;
    expect(res.json()).toMatchObject({ period: '2026-Q4', status: 'open', ratings: 0, nodeName: '高密市' });
    // The same place and quarter again: a conflict, nothing written.
    const again = await post(county, '/property-evaluation/rounds', {
      nodeId: tree.county.id,
      period: '2026-Q4',
      opensOn: '2026-10-01',
      closesOn: '2026-12-31',
    });
    expect(again.statusCode).toBe(409);
    // Another community's place, another county's: like an unknown place.
    expect(
      (
        await post(staffB, '/property-evaluation/rounds', {
          nodeId: tree.a.community.id,
          period: '2026-Q4',
          opensOn: '2026-10-01',
          closesOn: '2026-12-31',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post(staffA, '/property-evaluation/rounds', {
          nodeId: tree.other.community.id,
          period: '2026-Q4',
          opensOn: '2026-10-01',
          closesOn: '2026-12-31',
        })
      ).statusCode,
    ).toBe(404);
    // A compound is not a place for rounds; dates out of order; a malformed period.
    expect(
      (
        await post(staffA, '/property-evaluation/rounds', {
          nodeId: tree.a.compound.id,
          period: '2026-Q4',
          opensOn: '2026-10-01',
          closesOn: '2026-12-31',
        })
      ).statusCode,
    ).toBe(400);
    const backwards = await post(staffA, '/property-evaluation/rounds', {
      nodeId: tree.a.community.id,
      period: '2026-Q4',
      opensOn: '2026-12-31',
      closesOn: '2026-10-01',
    });
    expect(backwards.statusCode).toBe(400);
    const badPeriod = await post(staffA, '/property-evaluation/rounds', {
      nodeId: tree.a.community.id,
      period: '2026-Q5',
      opensOn: '2026-10-01',
      closesOn: '2026-12-31',
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.body).toContain('period');
    // The county's round is visible to the county, not to a community worker below it (its place is above their scope).
    expect((await get(county, '/property-evaluation/rounds')).json().items.map((r: { period: string }) => r.period)).toEqual(['2026-Q4']);
    expect((await get(staffA, '/property-evaluation/rounds')).json().items).toEqual([]);
  });

  it('takes one rating per household from residents under the round, and refuses others', async () => {
    const mine = await get(residents[0]!, '/me/property-evaluation');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      compound: { name: '凤凰小区' },
      company: null,
      round: { id: roundId, period: '2026-Q4' },
      myRating: null,
    });
    const first = await post(residents[0]!, '/me/property-evaluation', { roundId, ...stars(5), comment: '  保洁很及时  ' });
    expect(first.statusCode, first.body).toBe(201);
    // The same household again (a retry, a second phone): 409 and the first rating stands.
    const second = await post(residents[0]!, '/me/property-evaluation', { roundId, ...stars(1) });
    expect(second.statusCode).toBe(409);
    expect((await get(residents[0]!, '/me/property-evaluation')).json().myRating).toMatchObject({ ...stars(5), comment: '保洁很及时' });
    expect(
      (
        await post(residents[1]!, '/me/property-evaluation', {
          roundId,
          cleaning: 3,
          security: 4,
          greening: 3,
          repairs: 2,
          manners: 4,
          fees: 2,
        })
      ).statusCode,
    ).toBe(201);
    expect((await post(residents[2]!, '/me/property-evaluation', { roundId, ...stars(4) })).statusCode).toBe(201);
    // Another county's resident: the round is not theirs. Staff are not residents. Stars out of range.
    expect((await post(outsider, '/me/property-evaluation', { roundId, ...stars(3) })).statusCode).toBe(404);
    expect((await post(staffA, '/me/property-evaluation', { roundId, ...stars(3) })).statusCode).toBe(403);
    const bad = await post(residents[2]!, '/me/property-evaluation', { roundId, ...stars(3), fees: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('fees');
  });

  it('ranks compounds and companies by score out of 100 with coverage, as computed by hand', async () => {
    const ranking = await get(county, `/property-evaluation/rounds/${roundId}/ranking`);
    expect(ranking.statusCode, ranking.body).toBe(200);
    // 凤凰小区: (5+3)/2, (5+4)/2, (5+3)/2, (5+2)/2, (5+4)/2, (5+2)/2 → 4, 4.5, 4, 3.5, 4.5, 3.5 → mean 4 → 80.0; 2 of 2 households.
    // 康成小区: all 4 → 80.0, 1 of 2 households: ranked second on ties by fewer ratings.
    expect(ranking.json().rows).toEqual([
      expect.objectContaining({ rank: 1, name: '凤凰小区', communityName: '凤凰社区', ratings: 2, households: 2, coverage: 1, score: 80 }),
      expect.objectContaining({
        rank: 2,
        name: '康成小区',
        communityName: '康成社区',
        ratings: 1,
        households: 2,
        coverage: 0.5,
        score: 80,
      }),
    ]);
    expect(ranking.json().rows[0].averages).toEqual({ cleaning: 4, security: 4.5, greening: 4, repairs: 3.5, manners: 4.5, fees: 3.5 });
    // No company serves these compounds: one row of all three ratings.
    const byCompany = (await get(county, `/property-evaluation/rounds/${roundId}/ranking?by=company`)).json().rows;
    expect(byCompany).toEqual([expect.objectContaining({ id: '', compounds: 2, ratings: 3, households: 4, coverage: 0.75 })]);
    // Filtered to a community, with a minimum of ratings, sorted by ratings.
    const inA = (await get(county, `/property-evaluation/rounds/${roundId}/ranking?nodeId=${tree.b.community.id}`)).json().rows;
    expect(inA.map((r: { name: string }) => r.name)).toEqual(['康成小区']);
    const atLeastTwo = (await get(county, `/property-evaluation/rounds/${roundId}/ranking?minRatings=2`)).json().rows;
    expect(atLeastTwo.map((r: { name: string }) => r.name)).toEqual(['凤凰小区']);
    const byRatings = (await get(county, `/property-evaluation/rounds/${roundId}/ranking?sort=ratings`)).json().rows;
    expect(byRatings.map((r: { name: string }) => r.name)).toEqual(['康成小区', '凤凰小区']);
    const file = await get(county, `/property-evaluation/rounds/${roundId}/ranking/export.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Another community's worker cannot read the county's round.
    expect((await get(staffA, `/property-evaluation/rounds/${roundId}/ranking`)).statusCode).toBe(404);
  });

  it('closes a round: no more ratings, and the resident sees the last result with their rank', async () => {
    expect((await post(staffA, `/property-evaluation/rounds/${roundId}/close`, {})).statusCode).toBe(404);
    const closed = await post(county, `/property-evaluation/rounds/${roundId}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', ratings: 3 });
    expect((await post(county, `/property-evaluation/rounds/${roundId}/close`, {})).statusCode).toBe(409);
    const late = await post(residents[2]!, '/me/property-evaluation', { roundId, ...stars(2) });
    expect(late.statusCode).toBe(409);
    const mine = (await get(residents[2]!, '/me/property-evaluation')).json();
    expect(mine.round).toBeNull();
    expect(mine.lastResult).toEqual({ period: '2026-Q4', placeName: '高密市', score: 80, residentScore: 80, ratings: 1, rank: 2, of: 2 });
    const list = await get(county, '/property-evaluation/rounds?status=closed');
    expect(list.json().items).toHaveLength(1);
    const file = await get(county, '/property-evaluation/rounds/export.xlsx');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('takes no rating outside the round’s dates', async () => {
    const res = await post(staffA, '/property-evaluation/rounds', {
      nodeId: tree.a.community.id,
      period: '2025-Q1',
      opensOn: '2025-01-01',
      closesOn: '2025-03-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const late = await post(residents[1]!, '/me/property-evaluation', { roundId: res.json().id, ...stars(3) });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('2025-03-31');
    expect(today > '2025-03-31').toBe(true);
  });
});
