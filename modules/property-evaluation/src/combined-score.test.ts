import { shanghaiDay } from '@linli/calendar';
import type { AppError, RequestContext } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { resolveDemand, startDemand } from '@linli/demands';
import { buildDemandWorld, contextOf, type DemandWorld, demandAt } from '@linli/demands/testing';
import { ProfileRepository } from '@linli/property';
import { makeCompany, makeProfile } from '@linli/property/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChecklistRepository } from './checklist.repository.ts';
import { closeRound } from './commands/close-round.ts';
import { openRound } from './commands/open-round.ts';
import { ratePropertyService } from './commands/rate-property-service.ts';
import { recordInspection } from './commands/record-inspection.ts';
import { setChecklist } from './commands/set-checklist.ts';
import { setWeights } from './commands/set-weights.ts';
import { ScoreRepository } from './score.repository.ts';
import { combinedScoreOf, demandScoreOf, inspectionScoreOf, quarterDays, quarterOf } from './vocabulary.ts';

describe('the combined score’s arithmetic', () => {
  it('weighs the parts a compound has and leaves out the weight of a part without data', () => {
    const w = { residents: 0.5, demands: 0.3, inspections: 0.2 };
    expect(combinedScoreOf({ residents: 70, demands: 75, inspections: 75 }, w)).toBe(72.5);
    expect(combinedScoreOf({ residents: 40, demands: null, inspections: 50 }, w)).toBe(42.9);
    expect(combinedScoreOf({ residents: null, demands: null, inspections: null }, w)).toBeNull();
    expect(combinedScoreOf({ residents: 90, demands: 10, inspections: null }, { residents: 1, demands: 0, inspections: 0 })).toBe(90);
    expect(demandScoreOf(1, 0.5)).toBe(75);
    expect(demandScoreOf(null, 0.8)).toBe(80);
    expect(demandScoreOf(null, null)).toBeNull();
    expect(inspectionScoreOf(5, 8)).toBe(62.5);
    expect(inspectionScoreOf(0, 0)).toBeNull();
    expect(quarterDays('2026-Q4')).toEqual(['2026-10-01', '2026-12-31']);
    expect(quarterDays('2024-Q1')).toEqual(['2024-01-01', '2024-03-31']);
  });
});

let database: Database;
let world: DemandWorld;
const T = '370785';
const stars = (n: number) => ({ cleaning: n, security: n, greening: n, repairs: n, manners: n, fees: n });
const tx = <R>(fn: (t: Parameters<Parameters<Database['db']['transaction']>[0]>[0]) => Promise<R>) => database.db.transaction(fn);
const code = (p: Promise<unknown>) => p.then(() => 'ok').catch((e: AppError) => e.code);

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db, T);
});
afterAll(() => database.close());

describe('a round’s combined score, computed by hand', () => {
  let roundId: string;
  let companyId: string;
  let residents: RequestContext[];
  const period = quarterOf(shanghaiDay(new Date()));

  it('is refused to the staff of the company serving the compound and to whoever handled its demands, and taken from others', async () => {
    const county = world.ctx.county;
    const { tree } = world;
    const company = await makeCompany(database, county, tree.communities[0]!.id, 'market', '城东物业');
    companyId = company.id;
    // The county's criteria v1 ask a combined score of 70 for 管得好 (set here as the property module's command would).
    await database.query(`INSERT INTO property_criteria (tenant_id, version, well_min_collection_rate, well_min_satisfaction, well_min_evaluation_score)
      VALUES ('${T}', 1, 0.8, 0.8, 70)`);
    for (const k of [tree.compounds[0]!, tree.compounds[1]!])
      await makeProfile(database, county, { compoundId: k.id, company: { id: company.id, fee: 0.6, rate: 0.9 } });
    const round = await tx((t) => openRound(t, county, { nodeId: tree.county.id, period, opensOn: '2026-01-01', closesOn: '2099-12-31' }));
    roundId = round.id;
    // Demands located in compounds[0] this quarter: one satisfied, one dissatisfied (both resolved on time by property staff).
    await demandAt(database.db, world, 'evaluated', { satisfaction: 'satisfied' });
    await demandAt(database.db, world, 'evaluated', { satisfaction: 'dissatisfied' });
    // The grid worker of the community starts and resolves a third one (not evaluated).
    const third = await demandAt(database.db, world, 'dispatched');
    await tx((t) => startDemand(t, world.ctx.grid, third.id));
    await tx((t) => resolveDemand(t, world.ctx.grid, third.id, { result: '已协调' }));

    const livesIn = (ctx: RequestContext, household: { id: string; path: string }): RequestContext => ({
      ...ctx,
      actor: {
        ...ctx.actor,
        grants: [...ctx.actor.grants, { id: household.id, role: 'resident', nodeId: household.id, path: household.path }],
      },
    });
    // Property staff of the serving company living in compounds[0]: refused, nothing written.
    expect(await code(tx((t) => ratePropertyService(t, livesIn(world.ctx.property, tree.households[5]!), { roundId, ...stars(5) })))).toBe(
      'forbidden',
    );
    // The grid worker resolved a demand of compounds[0] this quarter: refused there …
    const gridAtHome = livesIn(world.ctx.grid, tree.households[6]!);
    const refused = await tx((t) => ratePropertyService(t, gridAtHome, { roundId, ...stars(5) })).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: 'forbidden' });
    expect((refused as AppError).message).toContain('handled demands of 第1小区');
    // … but a county clerk living there rates like any household (they handled none of its demands).
    residents = [
      livesIn(world.ctx.county, tree.households[0]!),
      (await contextOf(database.db, T, 'resident', tree.households[1]!)).ctx,
      (await contextOf(database.db, T, 'resident', tree.households[8]!)).ctx,
    ];
    await tx((t) => ratePropertyService(t, residents[0]!, { roundId, ...stars(4) }));
    await tx((t) => ratePropertyService(t, residents[1]!, { roundId, ...stars(3) }));
    await tx((t) => ratePropertyService(t, residents[2]!, { roundId, ...stars(2) }));
    const [{ n }] = (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM property_evaluation_rating`)) as [{ n: number }];
    expect(n).toBe(3);
  });

  it('combines ratings, demands and inspections under the county’s weights, keeps them at close and moves the status', async () => {
    const county = world.ctx.county;
    const { tree } = world;
    const { items } = await tx((t) => setChecklist(t, county, { labels: ['环境卫生', '秩序维护', '绿化养护', '设施设备'] }));
    const inspect = (compoundId: string, passes: boolean[]) =>
      tx((t) =>
        recordInspection(t, county, {
          compoundId,
          inspectedOn: shanghaiDay(new Date()),
          results: items.map((i, k) => ({ itemId: i.id, passed: passes[k] as boolean })),
        }),
      );
    await inspect(tree.compounds[0]!.id, [true, true, true, false]);
    await inspect(tree.compounds[1]!.id, [true, false, true, false]);
    await tx((t) => setWeights(t, county, { residents: 0.5, demands: 0.3, inspections: 0.2, note: '2026 年' }));

    await tx((t) => closeRound(t, county, roundId));
    const scores = new ScoreRepository(database.db);
    // compounds[0]: residents (80 + 60) / 2 = 70; demands: 3 resolved, 3 on time → 1; 2 evaluated, 1 satisfied → 0.5 → 75;
    //   inspections 3 of 4 → 75; combined 0.5·70 + 0.3·75 + 0.2·75 = 72.5.
    // compounds[1]: residents 40; no demands (its weight left out); inspections 2 of 4 → 50: (0.5·40 + 0.2·50) / 0.7 = 42.9.
    expect(await scores.scores(T, roundId, 'compound')).toEqual([
      expect.objectContaining({
        rank: 1,
        id: tree.compounds[0]!.id,
        combined: 72.5,
        residentScore: 70,
        ratings: 2,
        demandsResolved: 3,
        onTimeRate: 1,
        demandsEvaluated: 2,
        satisfactionRate: 0.5,
        demandScore: 75,
        inspectionItems: 4,
        inspectionPassed: 3,
        inspectionScore: 75,
      }),
      expect.objectContaining({
        rank: 2,
        id: tree.compounds[1]!.id,
        combined: 42.9,
        residentScore: 40,
        demandScore: null,
        inspectionScore: 50,
      }),
    ]);
    // The company: residents (4 + 3 + 2) / 3 stars → 60; demands summed → 75; inspections 5 of 8 → 62.5;
    //   0.5·60 + 0.3·75 + 0.2·62.5 = 65.
    expect(await scores.scores(T, roundId, 'company')).toEqual([
      expect.objectContaining({
        rank: 1,
        id: companyId,
        name: '城东物业',
        compounds: 2,
        combined: 65,
        residentScore: 60,
        inspectionScore: 62.5,
      }),
    ]);
    // The weights kept with the round: a later version does not change a closed round.
    expect((await scores.result(T, roundId))?.weights).toMatchObject({ version: 1, residents: 0.5, demands: 0.3, inspections: 0.2 });
    // The property module took the compound scores: 72.5 ≥ 70 stays 管得好; 42.9 < 70 is 管不好, and the history says why.
    const profiles = new ProfileRepository(database.db);
    expect((await profiles.findById(T, tree.compounds[0]!.id, [tree.county.path]))?.status).toBe('well');
    expect((await profiles.findById(T, tree.compounds[1]!.id, [tree.county.path]))?.status).toBe('poor');
    expect((await profiles.history(T, tree.compounds[1]!.id))[0]).toMatchObject({
      source: 'computed',
      statusFrom: 'well',
      statusTo: 'poor',
      reason: `物业服务测评 ${period}：综合得分 42.9（标准 v1：管得好须不低于 70）`,
    });
    expect(await profiles.scores(T, tree.compounds[1]!.id)).toEqual([{ roundId, period, score: 42.9, companyId }]);
  });

  it('takes the checklist and weights from county staff only, and an inspection only with a result for every item', async () => {
    const community = world.ctx.community;
    expect(await code(tx((t) => setChecklist(t, community, { labels: ['x'] })))).toBe('forbidden');
    expect(await code(tx((t) => setWeights(t, community, { residents: 1, demands: 0, inspections: 0 })))).toBe('forbidden');
    expect(await code(tx((t) => setWeights(t, world.ctx.county, { residents: 0, demands: 0, inspections: 0 })))).toBe('invalid_input');
    const items = await new ChecklistRepository(database.db).active(T);
    const partial = await tx((t) =>
      recordInspection(t, community, {
        compoundId: world.tree.compounds[0]!.id,
        inspectedOn: '2026-01-05',
        results: [{ itemId: items[0]!.id, passed: true }],
      }),
    ).catch((e: AppError) => e);
    expect(partial).toMatchObject({ code: 'invalid_input' });
    expect(JSON.stringify((partial as AppError).details)).toContain('秩序维护');
    // Another community's compound answers like an unknown one; a household is not a compound; no future day.
    const all = items.map((i) => ({ itemId: i.id, passed: true }));
    expect(
      await code(
        tx((t) => recordInspection(t, community, { compoundId: world.tree.compounds[2]!.id, inspectedOn: '2026-01-05', results: all })),
      ),
    ).toBe('not_found');
    expect(
      await code(
        tx((t) => recordInspection(t, community, { compoundId: world.tree.households[0]!.id, inspectedOn: '2026-01-05', results: all })),
      ),
    ).toBe('invalid_input');
    expect(
      await code(
        tx((t) => recordInspection(t, community, { compoundId: world.tree.compounds[0]!.id, inspectedOn: '2099-01-01', results: all })),
      ),
    ).toBe('invalid_input');
  });
});
