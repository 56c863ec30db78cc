import { newId } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { recordCallback } from '@linli/demands';
import { buildDemandWorld, type DemandWorld, demandAt } from '@linli/demands/testing';
import type { TestNode } from '@linli/territory/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KpiRepository, type KpiScope, kpiGroupings } from './kpi.repository.ts';

let database: Database;
let world: DemandWorld;

const HOUR = 3_600_000;
// Every fixture demand is submitted at T (Monday 2 March 2026, 09:00 in Shanghai) unless said
// otherwise; its response is due at T + 24 h and its resolution at T + 120 h.
const T = new Date('2026-03-02T09:00:00+08:00').getTime();
let base = T;
const at = (hours: number | null) => (hours === null ? null : new Date(base + hours * HOUR).toISOString());
const asOf = new Date('2026-04-10T00:00:00+08:00');

interface Fixture {
  /** Times are hours after `base` (default T); the deadlines are base + 24 h and base + 120 h. */
  base?: number;
  status: string;
  level: string;
  responded?: number | null;
  resolved?: number | null;
  satisfaction?: string | null;
  callback?: boolean;
  submitted?: number;
  where?: 'inside' | 'outside';
  /** The location node, instead of `where`. */
  node?: TestNode;
  mergedInto?: string;
  category?: string;
  channel?: string;
  /** The handling unit (a compound, community or subdistrict node). */
  unit?: TestNode;
}

let n = 0;
async function insert(f: Fixture): Promise<string> {
  const id = newId();
  base = f.base ?? T;
  const node = f.node ?? (f.where === 'outside' ? world.tree.households.at(-1)! : world.tree.households[0]!);
  await database.db.execute(sql`INSERT INTO demand (tenant_id, id, number, channel, type, category_id, title, description, node_id, node_path,
      reporter_kind, status, level, response_due_at, resolve_due_at, submitted_at, responded_at, resolved_at, satisfaction, merged_into_id,
      closed_at, evaluated_at, handling_node_id, handling_path)
    VALUES (${world.tenantId}, ${id}::uuid, ${`K-${++n}`}, ${f.channel ?? 'hotline_12345'}, 'complaint',
      ${world.categories[f.category ?? 'noise']}::uuid, 'k', 'k',
      ${node.id}::uuid, ${node.path}::ltree, 'anonymous', ${f.status}, ${f.level}, ${at(24)}::timestamptz, ${at(120)}::timestamptz,
      ${at(f.submitted ?? 0)}::timestamptz, ${at(f.responded ?? null)}::timestamptz, ${at(f.resolved ?? null)}::timestamptz,
      ${f.satisfaction ?? null}, ${f.mergedInto ?? null}::uuid,
      ${f.status === 'closed' ? at(200) : null}::timestamptz, ${f.satisfaction ? at(150) : null}::timestamptz,
      ${f.unit?.id ?? null}::uuid, ${f.unit?.path ?? null}::ltree)`);
  if (f.callback) {
    await database.db.execute(
      sql`INSERT INTO demand_callback (tenant_id, id, demand_id, reached, satisfaction)
        VALUES (${world.tenantId}, ${newId()}::uuid, ${id}::uuid, true, 'satisfied')`,
    );
  }
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  // #  status       level        responded  resolved  satisfaction         callback
  const d1 = await insert({ status: 'closed', level: 'compound', responded: 1, resolved: 48, satisfaction: 'satisfied', callback: true });
  await insert({ status: 'closed', level: 'compound', responded: 2, resolved: 72, satisfaction: 'basically_satisfied' }); // d2
  await insert({ status: 'evaluated', level: 'community', responded: 30, resolved: 168, satisfaction: 'dissatisfied', callback: true }); // d3: late twice
  await insert({ status: 'resolved', level: 'subdistrict', responded: 3, resolved: 96 }); // d4
  await insert({ status: 'in_progress', level: 'compound', responded: 5 }); // d5
  await insert({ status: 'rejected', level: 'community', responded: 1 }); // d6
  await insert({ status: 'submitted', level: 'compound' }); // d7: never answered, deadline passed at asOf
  await insert({ status: 'merged', level: 'compound', responded: 1, mergedInto: d1 }); // d8: duplicate, left out
  await insert({ status: 'closed', level: 'compound', responded: 1, resolved: 10, submitted: 31 * 24, satisfaction: 'satisfied' }); // d9: 2 April, outside the period
  await insert({ status: 'closed', level: 'compound', responded: 1, resolved: 10, satisfaction: 'satisfied', where: 'outside' }); // d10: other subdistrict
  await insert({ status: 'closed', level: 'department', responded: 4, resolved: 24, satisfaction: 'satisfied', callback: true }); // d11
});
afterAll(() => database.close());

describe('KPIs of a subtree over a period', () => {
  it('match the numbers worked out by hand', async () => {
    const root = world.tree.subdistricts[0]!;
    const kpis = await new KpiRepository(database.db).forSubtree(world.tenantId, root, '2026-03-01', '2026-03-31', asOf);
    // Cohort: d1–d7 and d11 (d8 merged, d9 after the period, d10 in the other subdistrict) → 8 submitted.
    // Accepted = not submitted and not rejected: d1 d2 d3 d4 d5 d11 → 6.
    // Response due = responded or past its deadline at asOf: all 8 (d7 is past due).
    // Responded within 24 h: d1 d2 d4 d5 d6 d11 → 6 (d3 answered after 30 h, d7 never) → 6 / 8 = 0.75.
    // Resolved: d1 d2 d3 d4 d11 → 5; resolution rate 5 / 6 = 0.8333.
    // Closed: d1 d2 d11 → 3; completion rate 3 / 6 = 0.5.
    // Resolved within 120 h: d1 (48) d2 (72) d4 (96) d11 (24) → 4, d3 took 168 → 4 / 5 = 0.8.
    // Evaluated: d1 d2 d3 d11 → 4, of which satisfied or basically satisfied d1 d2 d11 → 3 / 4 = 0.75.
    // Average handling time: (48 + 72 + 168 + 96 + 24) / 5 = 408 / 5 = 81.6 h.
    // Resolved by level: compound d1 d2 → 2/5 = 0.4; community d3, subdistrict d4, department d11 → 0.2 each.
    // Callbacks among the resolved: d1 d3 d11 → 3 / 5 = 0.6.
    expect(kpis).toEqual({
      nodeId: root.id,
      from: '2026-03-01',
      to: '2026-03-31',
      submitted: 8,
      accepted: 6,
      responseDue: 8,
      respondedOnTime: 6,
      responseRate: 0.75,
      resolved: 5,
      resolutionRate: 0.8333,
      closed: 3,
      completionRate: 0.5,
      resolvedOnTime: 4,
      onTimeRate: 0.8,
      evaluated: 4,
      satisfiedOrBasically: 3,
      satisfactionRate: 0.75,
      averageHandlingHours: 81.6,
      resolvedByLevel: { compound: 0.4, community: 0.2, subdistrict: 0.2, department: 0.2 },
      callbackCovered: 3,
      callbackCoverage: 0.6,
    });
  });

  it('counts a response as due only once its deadline has passed, and gives null rates for empty denominators', async () => {
    // Seen from T + 12 h, the never-answered d7 is not yet due: 7 due, 6 on time.
    const root = world.tree.subdistricts[0]!;
    const early = await new KpiRepository(database.db).forSubtree(
      world.tenantId,
      root,
      '2026-03-01',
      '2026-03-31',
      new Date(T + 12 * HOUR),
    );
    expect([early.responseDue, early.respondedOnTime]).toEqual([7, 6]);
    const empty = await new KpiRepository(database.db).forSubtree(world.tenantId, root, '2025-01-01', '2025-01-31', asOf);
    expect(empty).toMatchObject({ submitted: 0, responseRate: null, satisfactionRate: null, averageHandlingHours: null });
  });

  it('takes the period in Shanghai days: the last day is included up to midnight', async () => {
    const root = world.tree.subdistricts[0]!;
    // d9 was submitted on 2 April 09:00 Shanghai time.
    const april2 = await new KpiRepository(database.db).forSubtree(world.tenantId, root, '2026-04-02', '2026-04-02', asOf);
    expect(april2.submitted).toBe(1);
    const april1 = await new KpiRepository(database.db).forSubtree(world.tenantId, root, '2026-04-01', '2026-04-01', asOf);
    expect(april1.submitted).toBe(0);
  });
});

// Breakdown fixture, in May and June 2026 (nothing else lies there); base T2 = Monday 4 May 09:00.
//  #   place                         status       level        channel     category      responded resolved satisfied callback
//  e1  households[0]  (communities[0]) closed      compound     hotline     noise          1         48       satisfied yes
//  e2  households[16] (communities[1]) resolved    community    mobile      street_light  30        200      —         —
//  e3  subdistricts[0] itself (3 June) submitted  subdistrict  grid_visit  noise          —         —        —         —
//  e4  households[4]  (communities[0]) in_progress compound     hotline     garbage        2         —        —         —
const T2 = new Date('2026-05-04T09:00:00+08:00').getTime();
const breakdownAsOf = new Date('2026-06-20T00:00:00+08:00');

describe('KPI breakdowns', () => {
  let scope: KpiScope;
  beforeAll(async () => {
    const { households, subdistricts } = world.tree;
    await insert({ base: T2, status: 'closed', level: 'compound', responded: 1, resolved: 48, satisfaction: 'satisfied', callback: true });
    await insert({
      base: T2,
      node: households[16],
      status: 'resolved',
      level: 'community',
      channel: 'mobile',
      category: 'street_light',
      responded: 30,
      resolved: 200,
    });
    await insert({ base: T2, node: subdistricts[0], status: 'submitted', level: 'subdistrict', channel: 'grid_visit', submitted: 30 * 24 });
    await insert({ base: T2, node: households[4], status: 'in_progress', level: 'compound', category: 'garbage', responded: 2 });
    scope = { tenantId: world.tenantId, root: subdistricts[0]!, from: '2026-05-01', to: '2026-06-30', asOf: breakdownAsOf };
  });
  const repo = () => new KpiRepository(database.db);

  it('gives the total worked out by hand', async () => {
    const { kpis } = await repo().breakdown(scope, 'none');
    // 4 submitted; accepted e1 e2 e4; all 4 responses due (e3 past its deadline), on time e1 e4 → 2/4.
    // Resolved e1 e2 → 2/3; closed e1 → 1/3; on time e1 (48 ≤ 120), e2 late → 1/2; e1 satisfied → 1/1;
    // average (48 + 200) / 2 = 124 h; level shares compound 1/2, community 1/2; callback e1 → 1/2.
    expect(kpis).toMatchObject({
      submitted: 4,
      accepted: 3,
      responseDue: 4,
      respondedOnTime: 2,
      responseRate: 0.5,
      resolved: 2,
      resolutionRate: 0.6667,
      closed: 1,
      completionRate: 0.3333,
      onTimeRate: 0.5,
      satisfactionRate: 1,
      averageHandlingHours: 124,
      resolvedByLevel: { compound: 0.5, community: 0.5, subdistrict: 0, department: 0 },
      callbackCoverage: 0.5,
    });
  });

  it('by child territory: each community, and the demands on the subdistrict itself as 本级', async () => {
    const { communities, subdistricts } = world.tree;
    const { groups } = await repo().breakdown(scope, 'child');
    expect(groups.map((g) => [g.key, g.label, g.kpis.nodeId, g.kpis.submitted])).toEqual([
      [communities[0]!.id, communities[0]!.name, communities[0]!.id, 2],
      [communities[1]!.id, communities[1]!.name, communities[1]!.id, 1],
      [subdistricts[0]!.id, '本级', subdistricts[0]!.id, 1],
    ]);
    // communities[0]: e1 e4 — both answered in time, e1 resolved in 48 h and closed.
    expect(groups[0]!.kpis).toMatchObject({
      accepted: 2,
      responseRate: 1,
      resolutionRate: 0.5,
      completionRate: 0.5,
      onTimeRate: 1,
      averageHandlingHours: 48,
      callbackCoverage: 1,
    });
    // communities[1]: e2 — answered late, resolved late, not evaluated.
    expect(groups[1]!.kpis).toMatchObject({
      accepted: 1,
      responseRate: 0,
      resolutionRate: 1,
      completionRate: 0,
      onTimeRate: 0,
      satisfactionRate: null,
      averageHandlingHours: 200,
    });
    // 本级: e3 — never answered, nothing accepted.
    expect(groups[2]!.kpis).toMatchObject({ accepted: 0, responseDue: 1, responseRate: 0, resolutionRate: null });
  });

  it('by calendar month in Shanghai time, each month clipped to the period', async () => {
    const { groups } = await repo().breakdown({ ...scope, from: '2026-05-03' }, 'month');
    expect(groups.map((g) => [g.key, g.label, g.kpis.from, g.kpis.to, g.kpis.submitted])).toEqual([
      ['2026-05', '2026年5月', '2026-05-03', '2026-05-31', 3],
      ['2026-06', '2026年6月', '2026-06-01', '2026-06-30', 1],
    ]);
  });

  it('by month, marks the month under way at asOf (Shanghai) as partial, and no other', async () => {
    // 1 April 00:30 in Shanghai is still 31 March in UTC: the month under way is April, as Shanghai counts.
    const early = await repo().breakdown(
      { ...scope, from: '2026-03-01', to: '2026-04-30', asOf: new Date('2026-03-31T16:30:00Z') },
      'month',
    );
    expect(early.groups.map((g) => [g.key, g.partial])).toEqual([
      ['2026-03', false],
      ['2026-04', true],
    ]);
    const later = await repo().breakdown(
      { ...scope, from: '2026-03-01', to: '2026-04-30', asOf: new Date('2026-05-01T00:00:00+08:00') },
      'month',
    );
    expect(later.groups.map((g) => [g.key, g.partial])).toEqual([
      ['2026-03', false],
      ['2026-04', false],
    ]);
    // Other groupings carry no such flag.
    expect((await repo().breakdown(scope, 'level')).groups.every((g) => g.partial === undefined)).toBe(true);
  });

  it('by top category, and by the subcategories of a filtered category', async () => {
    const { groups } = await repo().breakdown(scope, 'category');
    const counts = Object.fromEntries(groups.map((g) => [g.label, g.kpis.submitted]));
    expect(counts).toEqual({
      环境卫生: 1,
      物业管理: 0,
      停车管理: 0,
      邻里纠纷: 2,
      市政设施: 1,
      安全隐患: 0,
      养老服务: 0,
      政策咨询: 0,
      其他: 0,
    });
    const filtered = await repo().breakdown({ ...scope, categoryId: world.categories.neighbourhood }, 'category');
    expect(filtered.kpis.submitted).toBe(2);
    expect(filtered.groups.map((g) => [g.label, g.kpis.submitted])).toEqual([
      ['噪音扰民', 2],
      ['漏水渗水', 0],
      ['宠物饲养', 0],
      ['家庭矛盾', 0],
    ]);
    const leaf = await repo().breakdown({ ...scope, categoryId: world.categories.garbage }, 'category');
    expect(leaf.groups.map((g) => [g.label, g.kpis.submitted])).toEqual([['垃圾清运', 1]]);
  });

  it('by level and by channel, every value listed, the groups adding up to the total', async () => {
    const byLevel = await repo().breakdown(scope, 'level');
    expect(byLevel.groups.map((g) => [g.key, g.label, g.kpis.submitted])).toEqual([
      ['compound', '小区', 2],
      ['community', '社区', 1],
      ['subdistrict', '街道', 1],
      ['department', '职能部门', 0],
    ]);
    const byChannel = await repo().breakdown(scope, 'channel');
    expect(byChannel.groups).toHaveLength(9);
    expect(byChannel.groups.filter((g) => g.kpis.submitted > 0).map((g) => [g.key, g.label, g.kpis.submitted])).toEqual([
      ['hotline_12345', '12345热线', 2],
      ['mobile', '移动端', 1],
      ['grid_visit', '网格员走访', 1],
    ]);
    for (const groupBy of ['child', 'category', 'month', 'level', 'channel'] as const) {
      const r = await repo().breakdown(scope, groupBy);
      expect(r.groups.reduce((sum, g) => sum + g.kpis.resolved, 0)).toBe(r.kpis.resolved);
      expect(r.groups.reduce((sum, g) => sum + g.kpis.submitted, 0)).toBe(r.kpis.submitted);
    }
  });
});

// Ranking fixture, in July 2026; base T3 = Monday 6 July 09:00; every demand at compound level,
// handled by the compound it is located in (households[4k] lies in compounds[k]).
//  compounds[0]: resolved in 10 h and 20 h, both satisfied         → on time 1,   satisfaction 1,   15 h, sample 2
//  compounds[1]: resolved in 5 h and 7 h, satisfied / dissatisfied  → on time 1,   satisfaction 0.5,  6 h, sample 2
//  compounds[2]: one demand resolved in 1 h, satisfied              → the best figures, but sample 1
//  compounds[3]: resolved in 130 h (late) and 100 h, both satisfied → on time 0.5, satisfaction 1, 115 h, sample 2
//  communities[0] handles one community-level demand: not a compound, not ranked here.
const T3 = new Date('2026-07-06T09:00:00+08:00').getTime();

describe('rankings of handling units', () => {
  beforeAll(async () => {
    const { households, compounds, communities } = world.tree;
    const resolvedAt = async (k: number, hours: number, satisfaction: string) =>
      insert({
        base: T3,
        node: households[4 * k],
        unit: compounds[k],
        status: 'evaluated',
        level: 'compound',
        responded: 1,
        resolved: hours,
        satisfaction,
      });
    await resolvedAt(0, 10, 'satisfied');
    await resolvedAt(0, 20, 'satisfied');
    await resolvedAt(1, 5, 'satisfied');
    await resolvedAt(1, 7, 'dissatisfied');
    await resolvedAt(2, 1, 'satisfied');
    await resolvedAt(3, 130, 'satisfied');
    await resolvedAt(3, 100, 'satisfied');
    await insert({
      base: T3,
      node: households[0],
      unit: communities[0],
      status: 'resolved',
      level: 'community',
      responded: 1,
      resolved: 2,
    });
  });
  const july = () => ({
    tenantId: world.tenantId,
    root: world.tree.subdistricts[0]!,
    from: '2026-07-01',
    to: '2026-07-31',
    asOf: new Date('2026-08-01'),
  });

  it('rank by on-time rate, then satisfaction; units under the minimum sample follow unranked', async () => {
    const { compounds } = world.tree;
    const ranked = await new KpiRepository(database.db).rankings(july(), 'compound', 2);
    expect(
      ranked.map((u) => [u.unitId, u.rank, u.sample, u.kpis.onTimeRate, u.kpis.satisfactionRate, u.kpis.averageHandlingHours]),
    ).toEqual([
      [compounds[0]!.id, 1, 2, 1, 1, 15],
      [compounds[1]!.id, 2, 2, 1, 0.5, 6],
      [compounds[3]!.id, 3, 2, 0.5, 1, 115],
      [compounds[2]!.id, null, 1, 1, 1, 1],
    ]);
    expect(ranked[0]).toMatchObject({ unitName: compounds[0]!.name, level: 'compound' });
  });

  it('break ties by the shown sample, then the name, never by the handling time the table does not show', async () => {
    // August: compounds[0] resolves 2 demands in 50 h and 60 h, compounds[1] 3 demands in 70 h; all on
    // time and satisfied. Equal rates: the larger sample ranks first although it was slower.
    const { households, compounds } = world.tree;
    const T4 = new Date('2026-08-03T09:00:00+08:00').getTime();
    for (const [k, hours] of [
      [0, 50],
      [0, 60],
      [1, 70],
      [1, 70],
      [1, 70],
    ] as const) {
      await insert({
        base: T4,
        node: households[4 * k],
        unit: compounds[k],
        status: 'evaluated',
        level: 'compound',
        responded: 1,
        resolved: hours,
        satisfaction: 'satisfied',
      });
    }
    const august = { ...july(), from: '2026-08-01', to: '2026-08-31', asOf: new Date('2026-09-01') };
    const ranked = await new KpiRepository(database.db).rankings(august, 'compound', 2);
    expect(
      ranked.map((u) => [u.unitId, u.rank, u.sample, u.kpis.onTimeRate, u.kpis.satisfactionRate, u.kpis.averageHandlingHours]),
    ).toEqual([
      [compounds[1]!.id, 1, 3, 1, 1, 70],
      [compounds[0]!.id, 2, 2, 1, 1, 55],
      ...[compounds[2]!, compounds[3]!].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((c) => [c.id, null, 0, null, null, null]),
    ]);
    // The same order from the rollup and from the demand rows.
    expect(await new KpiRepository(database.db, { rollup: false }).rankings(august, 'compound', 2)).toEqual(ranked);
  });

  it('lists the units of the level in the subtree even without demands, and ranks the one-case unit once the minimum allows it', async () => {
    const { compounds, communities } = world.tree;
    const one = await new KpiRepository(database.db).rankings(july(), 'compound', 1);
    // compounds[2] (one case, on time, satisfied) is ranked now: after compounds[0] (the same rates, a larger sample).
    expect(one.slice(0, 2).map((u) => [u.unitId, u.rank])).toEqual([
      [compounds[0]!.id, 1],
      [compounds[2]!.id, 2],
    ]);
    const byCommunity = await new KpiRepository(database.db).rankings(july(), 'community', 1);
    expect(byCommunity.map((u) => [u.unitId, u.rank, u.sample])).toEqual([
      [communities[0]!.id, 1, 1],
      [communities[1]!.id, null, 0],
    ]);
  });
});

describe('the monthly rollups (demand_kpi_month, demand_kpi_category_month)', () => {
  const plain = () => new KpiRepository(database.db, { rollup: false });
  const rolled = () => new KpiRepository(database.db);
  const scopes = () => {
    const { subdistricts, communities, compounds, county } = world.tree;
    const periods: [string, string][] = [
      ['2026-03-01', '2026-07-31'], // whole months: all from the rollup
      ['2026-03-02', '2026-07-06'], // partial months at both edges from the rows
      ['2026-04-01', '2026-04-30'],
    ];
    return [county, subdistricts[0]!, communities[0]!, compounds[0]!].flatMap((root) =>
      periods.flatMap(([from, to]) =>
        [undefined, world.categories.neighbourhood, world.categories.garbage].map((categoryId) => ({
          tenantId: world.tenantId,
          root,
          from,
          to,
          categoryId,
          asOf: breakdownAsOf,
        })),
      ),
    );
  };

  it('gives the same KPIs as the demand rows for every place, period and grouping of the fixtures', async () => {
    for (const scope of scopes()) {
      for (const groupBy of kpiGroupings) {
        expect(await rolled().breakdown(scope, groupBy)).toEqual(await plain().breakdown(scope, groupBy));
      }
      for (const level of ['compound', 'community'] as const) {
        expect(await rolled().rankings(scope, level, 2)).toEqual(await plain().rankings(scope, level, 2));
      }
    }
  });

  it('are what whole months are read from', async () => {
    // A community is read from demand_kpi_month, a subdistrict from demand_kpi_category_month.
    const scope = { tenantId: world.tenantId, root: world.tree.communities[0]!, from: '2026-03-01', to: '2026-03-31', asOf };
    const before = (await rolled().forSubtree(scope.tenantId, scope.root, scope.from, scope.to, asOf)).submitted;
    await database.db
      .transaction(async (tx) => {
        // One rollup row of March inside the community gains 100 submissions the rows do not have.
        await tx.execute(sql`UPDATE demand_kpi_month SET submitted = submitted + 100 WHERE ctid = (
          SELECT ctid FROM demand_kpi_month WHERE tenant_id = ${world.tenantId} AND month = '2026-03-01'
            AND place_path <@ ${scope.root.path}::ltree LIMIT 1)`);
        const seen = await new KpiRepository(tx).forSubtree(scope.tenantId, scope.root, scope.from, scope.to, asOf);
        expect(seen.submitted).toBe(before + 100);
        const noise = { ...scope, root: world.tree.subdistricts[0]!, categoryId: world.categories.noise };
        const noiseBefore = (await new KpiRepository(tx).breakdown(noise, 'none')).kpis.submitted;
        await tx.execute(sql`UPDATE demand_kpi_category_month SET submitted = submitted + 7 WHERE ctid = (
          SELECT ctid FROM demand_kpi_category_month WHERE tenant_id = ${world.tenantId} AND month = '2026-03-01'
            AND area_path <@ ${noise.root.path}::ltree AND category_id = ${world.categories.noise}::uuid LIMIT 1)`);
        expect((await new KpiRepository(tx).breakdown(noise, 'none')).kpis.submitted).toBe(noiseBefore + 7);
        tx.rollback();
      })
      .catch((err: Error) => {
        if (!/rollback/i.test(err.message)) throw err;
      });
    expect((await plain().forSubtree(scope.tenantId, scope.root, scope.from, scope.to, asOf)).submitted).toBe(before);
  });

  it('are kept by the triggers through the commands exactly as a rebuild from the rows computes them', async () => {
    const d = await demandAt(database.db, world, 'evaluated', { satisfaction: 'basically_satisfied' });
    await database.db.transaction((tx) =>
      recordCallback(tx, world.ctx.community, d.id, { reached: true, resultConfirmed: true, satisfaction: 'basically_satisfied' }),
    );
    await demandAt(database.db, world, 'in_progress');
    await database.db.execute(sql`UPDATE demand SET status = 'merged', merged_into_id = ${d.id}::uuid WHERE id = (
      SELECT id FROM demand WHERE status = 'submitted' AND tenant_id = ${world.tenantId} ORDER BY submitted_at LIMIT 1)`);
    const counts = sql`submitted, accepted, responded, responded_on_time, resolved, closed, resolved_on_time, evaluated, satisfied,
      handling_seconds, callback_covered`;
    const snapshot = async () => [
      await rows(
        database.db,
        sql`SELECT month::text, place_path::text, level, unit_id::text, ${counts}
          FROM demand_kpi_month WHERE tenant_id = ${world.tenantId} AND submitted <> 0 ORDER BY 1, 2, 3, 4`,
      ),
      await rows(
        database.db,
        sql`SELECT month::text, area_path::text, category_id::text, channel, level, ${counts}
          FROM demand_kpi_category_month WHERE tenant_id = ${world.tenantId} AND submitted <> 0 ORDER BY 1, 2, 3, 4, 5`,
      ),
    ];
    const kept = await snapshot();
    expect(kept[0]!.length).toBeGreaterThan(5);
    expect(kept[1]!.length).toBeGreaterThan(5);
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
    const month = { tenantId: world.tenantId, root: world.tree.county, from: `${today.slice(0, 7)}-01`, to: today };
    const live = await rolled().breakdown(month, 'level');
    expect(live.kpis).toMatchObject({ evaluated: 1, satisfiedOrBasically: 1, callbackCovered: 1 });
    await database.db.execute(sql`SELECT demand_kpi_rebuild(${world.tenantId})`);
    expect(await snapshot()).toEqual(kept);
  });
});

describe('a callback without an outcome (stored before the form required one)', () => {
  it('neither covers its demand in 回访率 (rows, rollup, rebuild) nor takes it off 待回访; one with an outcome does', async () => {
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
    const month = { tenantId: world.tenantId, root: world.tree.county, from: `${today.slice(0, 7)}-01`, to: today };
    const covered = async () => {
      const fromRows = (await new KpiRepository(database.db, { rollup: false }).breakdown(month, 'level')).kpis.callbackCovered;
      const fromRollup = (await new KpiRepository(database.db).breakdown(month, 'level')).kpis.callbackCovered;
      expect(fromRollup).toBe(fromRows);
      return fromRows;
    };
    const callbackAt = async (id: string) =>
      (await rows<{ at: string | null }>(database.db, sql`SELECT callback_at::text AS at FROM demand WHERE id = ${id}::uuid`))[0]!.at;
    const d = await demandAt(database.db, world, 'resolved');
    const before = await covered();

    // The old form's defaults: reached, nothing else.
    await database.db.execute(
      sql`INSERT INTO demand_callback (tenant_id, id, demand_id, reached) VALUES (${world.tenantId}, ${newId()}::uuid, ${d.id}::uuid, true)`,
    );
    // Not reached, and no reason given.
    await database.db.execute(
      sql`INSERT INTO demand_callback (tenant_id, id, demand_id, reached, note) VALUES (${world.tenantId}, ${newId()}::uuid, ${d.id}::uuid, false, '  ')`,
    );
    expect(await covered()).toBe(before);
    expect(await callbackAt(d.id)).toBeNull();
    await database.db.execute(sql`SELECT demand_kpi_rebuild(${world.tenantId})`);
    expect(await covered()).toBe(before);

    // Not reached, with the reason: an outcome.
    await database.db.execute(
      sql`INSERT INTO demand_callback (tenant_id, id, demand_id, reached, note) VALUES (${world.tenantId}, ${newId()}::uuid, ${d.id}::uuid, false, '无人接听')`,
    );
    expect(await covered()).toBe(before + 1);
    expect(await callbackAt(d.id)).not.toBeNull();
    await database.db.execute(sql`SELECT demand_kpi_rebuild(${world.tenantId})`);
    expect(await covered()).toBe(before + 1);
  });
});
