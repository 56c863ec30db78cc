import { newId } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KpiRepository } from './kpi.repository.ts';
import { buildDemandWorld, type DemandWorld } from './testing.ts';

let database: Database;
let world: DemandWorld;

const HOUR = 3_600_000;
// Every fixture demand is submitted at T (Monday 2 March 2026, 09:00 in Shanghai) unless said
// otherwise; its response is due at T + 24 h and its resolution at T + 120 h.
const T = new Date('2026-03-02T09:00:00+08:00').getTime();
const at = (hours: number | null) => (hours === null ? null : new Date(T + hours * HOUR).toISOString());
const asOf = new Date('2026-04-10T00:00:00+08:00');

interface Fixture {
  status: string;
  level: string;
  responded?: number | null;
  resolved?: number | null;
  satisfaction?: string | null;
  callback?: boolean;
  submitted?: number;
  where?: 'inside' | 'outside';
  mergedInto?: string;
}

let n = 0;
async function insert(f: Fixture): Promise<string> {
  const id = newId();
  const node = f.where === 'outside' ? world.tree.households.at(-1)! : world.tree.households[0]!;
  await database.db.execute(sql`INSERT INTO demand (tenant_id, id, number, channel, type, category_id, title, description, node_id, node_path,
      reporter_kind, status, level, response_due_at, resolve_due_at, submitted_at, responded_at, resolved_at, satisfaction, merged_into_id,
      closed_at, evaluated_at)
    VALUES (${world.tenantId}, ${id}::uuid, ${`K-${++n}`}, 'hotline_12345', 'complaint', ${world.categories.noise}::uuid, 'k', 'k',
      ${node.id}::uuid, ${node.path}::ltree, 'anonymous', ${f.status}, ${f.level}, ${at(24)}::timestamptz, ${at(120)}::timestamptz,
      ${at(f.submitted ?? 0)}::timestamptz, ${at(f.responded ?? null)}::timestamptz, ${at(f.resolved ?? null)}::timestamptz,
      ${f.satisfaction ?? null}, ${f.mergedInto ?? null}::uuid,
      ${f.status === 'closed' ? at(200) : null}::timestamptz, ${f.satisfaction ? at(150) : null}::timestamptz)`);
  if (f.callback) {
    await database.db.execute(
      sql`INSERT INTO demand_callback (tenant_id, id, demand_id, reached) VALUES (${world.tenantId}, ${newId()}::uuid, ${id}::uuid, true)`,
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
