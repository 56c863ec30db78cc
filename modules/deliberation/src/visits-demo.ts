import { type DemoSeedContext, demoAccountId, newId } from '@linli/core';
import { rows, type Tx } from '@linli/db';
import { type SQL, sql } from 'drizzle-orm';
import { VisitRepository } from './visit.repository.ts';
import { quarterDays, quarterOf, type VisitOutcome } from './visit-contract.ts';

/** What households tell the grid worker at the door (no names, no numbers). */
const raisedTexts = [
  '楼道声控灯坏了，晚上上下楼看不清。',
  '车棚充电桩不够，希望增设几个。',
  '小区东门晚上不关，担心安全。',
  '绿化带里有积水，夏天蚊子多。',
  '希望社区多组织老年人体检。',
  '单元门禁经常坏，修了又坏。',
  '垃圾分类投放点离窗户太近，有异味。',
];

/**
 * Demo home visits: this quarter's plans for the anchor community's grids, about 70 % of their
 * households visited (some after not being at home the first time), about 12 % not at home, a few
 * refusals, and a few things raised. One transaction, a few statements per grid.
 */
export async function seedVisitDemo(ctx: DemoSeedContext, now = new Date()): Promise<void> {
  const { tenantId } = ctx;
  const plan = ctx.shared.plan as { anchors?: { community?: { id: string; path: string } } } | undefined;
  const community = plan?.anchors?.community;
  if (!community) return;
  const quarter = quarterOf(now);
  const { first } = quarterDays(quarter);
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const days = Math.max(1, Math.round((Date.parse(today) - Date.parse(first)) / 86_400_000) + 1);
  const dayOf = (n: number) => new Date(Date.parse(first) + (n % days) * 86_400_000).toISOString().slice(0, 10);
  const visitorId = demoAccountId(ctx, 'grid');
  const visitorName = '网格员';

  await ctx.database.db.transaction(async (tx) => {
    const visits = new VisitRepository(tx);
    await visits.createPlans(tenantId, [community.path], quarter, visitorId, community.id);
    const plans = await rows<{ id: string }>(
      tx,
      sql`SELECT p.id FROM deliberation_visit_plan p JOIN grid g ON g.tenant_id = p.tenant_id AND g.id = p.grid_id
          WHERE p.tenant_id = ${tenantId} AND p.quarter = ${quarter} AND g.community_id = ${community.id}::uuid ORDER BY g.name`,
    );
    for (const [p, { id }] of plans.entries()) {
      const found = await visits.plan(tenantId, id, [community.path]);
      if (!found) continue;
      const households = await visits.households(tenantId, found, { state: 'unvisited' });
      const made: DemoVisit[] = [];
      for (const [i, h] of households.entries()) {
        // A fixed pattern over 100 households: 0–69 visited (every 8th after a first 不在家), 70–81 not at home, 82–84 refused.
        const k = (i * 37 + p * 11) % 100;
        if (k >= 85) continue;
        const outcome: VisitOutcome = k < 70 ? 'visited' : k < 82 ? 'not_home' : 'refused';
        const raised = outcome === 'visited' && k % 9 === 0 ? (raisedTexts[(i + p) % raisedTexts.length] ?? null) : null;
        const attempts: VisitOutcome[] = outcome === 'visited' && k % 8 === 0 ? ['not_home', 'visited'] : [outcome];
        made.push({ householdId: h.householdId, outcome, day: i % days, raised, attempts });
      }
      await insertVisits(tx, tenantId, id, made, visitorId, visitorName, dayOf);
      ctx.progress(p + 1, plans.length);
    }
  });
}

interface DemoVisit {
  householdId: string;
  outcome: VisitOutcome;
  /** Days after the quarter's first day. */
  day: number;
  raised: string | null;
  attempts: VisitOutcome[];
}

async function insertVisits(
  tx: Tx,
  tenantId: string,
  planId: string,
  made: DemoVisit[],
  visitorId: string | null,
  visitorName: string,
  dayOf: (n: number) => string,
): Promise<void> {
  for (let i = 0; i < made.length; i += 500) {
    const chunk = made.slice(i, i + 500).map((v) => ({ ...v, id: newId() }));
    const values: SQL[] = chunk.map(
      (
        v,
      ) => sql`(${tenantId}, ${v.id}::uuid, ${planId}::uuid, ${v.householdId}::uuid, ${dayOf(v.day)}::date, ${visitorId}::uuid, ${visitorName},
        ${v.outcome}, ${v.raised}, ${v.attempts.length})`,
    );
    await tx.execute(sql`INSERT INTO deliberation_visit
        (tenant_id, id, plan_id, household_id, visited_on, visitor_id, visitor_name, outcome, raised, attempts)
      VALUES ${sql.join(values, sql`, `)}`);
    const attempts: SQL[] = chunk.flatMap((v) =>
      v.attempts.map((outcome, seq) => {
        // A second attempt comes a week after the first (or on the same day early in the quarter).
        const day = dayOf(seq === 0 && v.attempts.length > 1 ? Math.max(0, v.day - 7) : v.day);
        const raised = seq === v.attempts.length - 1 ? v.raised : null;
        return sql`(${tenantId}, ${v.id}::uuid, ${seq + 1}, ${day}::date, ${visitorId}::uuid, ${visitorName}, ${outcome}, ${raised})`;
      }),
    );
    await tx.execute(sql`INSERT INTO deliberation_visit_attempt (tenant_id, visit_id, seq, visited_on, visitor_id, visitor_name, outcome, raised)
      VALUES ${sql.join(attempts, sql`, `)}`);
  }
}
