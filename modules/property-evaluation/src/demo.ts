import { type DemoSeedContext, demoAccountId, newId, type RequestContext, seededRandom } from '@linli/core';
import { rows } from '@linli/db';
import { recordEvaluationScores } from '@linli/property';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { computeCombinedScores } from './combined-score.ts';
import { ScoreRepository } from './score.repository.ts';
import { quarterOf } from './vocabulary.ts';

/** The demo county's inspection checklist (物业服务检查项目). */
const checklist = ['环境卫生', '秩序维护', '绿化养护', '设施设备维修', '消防安全', '收费公示'];
/** Items passed in an inspection by the compound's management status: the fewest and most of six. */
const passBand: Record<string, [number, number]> = { well: [5, 6], self: [4, 6], poor: [2, 5], unmanaged: [1, 4] };

/** How residents of a compound rate by its management status: the lowest and highest stars given. */
const band: Record<string, [number, number]> = { well: [4, 5], self: [3, 5], poor: [2, 4], unmanaged: [1, 3] };

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Demo rounds of property-service evaluation over the county: last quarter's, closed, with ratings from
 * about one household in five of every compound (up to 15; stars by the compound's management status
 * from its property profile, where there is one), and this quarter's, open, with a few ratings in the
 * demo community — not from the demo resident's household, who rates on the phone. Staff inspected
 * every compound with a property company once last quarter (the county's six-item checklist, items
 * passed by its status). The closed round was closed like staff close one: its combined scores are
 * computed and kept with the default weights, and handed to the property module.
 */
export async function seedPropertyEvaluationDemo(ctx: DemoSeedContext): Promise<void> {
  const db = ctx.database.db;
  const T = ctx.tenantId;
  const random = seededRandom(Number(T) || 1);
  const [county] = await rows<{ id: string; path: string; name: string }>(
    db,
    sql`SELECT id, path::text AS path, name FROM ${territorySql.nodes('n')} WHERE n.tenant_id = ${T} AND n.kind = 'county' LIMIT 1`,
  );
  if (!county) return;
  const residentHousehold = (ctx.shared.plan as { anchors?: { household?: { id: string } } } | undefined)?.anchors?.household?.id ?? null;
  const compounds = await rows<{
    id: string;
    status: string | null;
    companyId: string | null;
    companyName: string | null;
    households: string[];
  }>(
    db,
    sql`SELECT k.id, p.status, c.id AS "companyId", c.name AS "companyName",
          (SELECT coalesce(array_agg(h.id ORDER BY h.path), '{}') FROM ${territorySql.nodes('h')}
            WHERE h.tenant_id = k.tenant_id AND h.kind = 'household' AND h.path <@ k.path) AS households
        FROM ${territorySql.nodes('k')}
        LEFT JOIN property_profile p ON p.tenant_id = k.tenant_id AND p.compound_id = k.id
        LEFT JOIN property_company c ON c.tenant_id = p.tenant_id AND c.id = p.company_id
        WHERE k.tenant_id = ${T} AND k.kind = 'compound' ORDER BY k.path`,
  );
  const now = new Date(Date.now() + 8 * 3_600_000);
  const quarterStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1));
  const thisStart = quarterStart(now);
  const lastStart = new Date(Date.UTC(thisStart.getUTCFullYear(), thisStart.getUTCMonth() - 3, 1));
  const lastEnd = new Date(thisStart.getTime() - 86_400_000);
  const thisEnd = new Date(Date.UTC(thisStart.getUTCFullYear(), thisStart.getUTCMonth() + 3, 0));
  const closedId = newId();
  const openId = newId();
  const stars = (status: string | null) => {
    const [lo, hi] = band[status ?? ''] ?? [3, 5];
    return lo + Math.floor(random() * (hi - lo + 1));
  };
  const ratings: SQL[] = [];
  const rate = (roundId: string, c: (typeof compounds)[number], householdId: string, at: Date) => {
    const s = Array.from({ length: 6 }, () => stars(c.status));
    ratings.push(sql`(${T}, ${newId()}, ${roundId}, ${c.id}, ${householdId}, ${c.companyId}, ${c.companyName},
      ${s[0]}, ${s[1]}, ${s[2]}, ${s[3]}, ${s[4]}, ${s[5]}, ${at.toISOString()}::timestamptz)`);
  };
  for (const [i, c] of compounds.entries()) {
    const rated = c.households.filter((h) => h !== residentHousehold && random() < 0.2).slice(0, 15);
    for (const h of rated) rate(closedId, c, h, new Date(lastStart.getTime() + random() * (lastEnd.getTime() - lastStart.getTime())));
    // This quarter: a few ratings so far in the first compounds (the demo community's come first in path order).
    if (i < 6) for (const h of c.households.filter((x) => x !== residentHousehold).slice(0, 3)) rate(openId, c, h, new Date());
  }
  // Inspections last quarter of every compound a company serves.
  const itemIds = checklist.map(() => newId());
  const inspections: SQL[] = [];
  const results: SQL[] = [];
  for (const c of compounds) {
    if (!c.companyId) continue;
    const [lo, hi] = passBand[c.status ?? ''] ?? [3, 6];
    const passed = lo + Math.floor(random() * (hi - lo + 1));
    const id = newId();
    const on = new Date(lastStart.getTime() + random() * (lastEnd.getTime() - lastStart.getTime()));
    inspections.push(
      sql`(${T}, ${id}, ${c.id}, ${c.companyId}, ${c.companyName}, ${day(on)}::date, '住建局物业科检查组', ${checklist.length}, ${passed})`,
    );
    // Which items failed: the last ones of a shuffled list.
    const order = itemIds.map((item) => ({ item, k: random() })).sort((a, b) => a.k - b.k);
    order.forEach(({ item }, k) => {
      results.push(sql`(${T}, ${id}, ${item}, ${k < passed}, ${k < passed ? null : '现场检查发现问题，限期整改'})`);
    });
  }
  const accountId = demoAccountId(ctx, 'county') ?? demoAccountId(ctx, 'admin') ?? newId();
  const request: RequestContext = {
    actor: {
      accountId,
      username: 'demo',
      displayName: '演示数据',
      tenantId: T,
      grants: [{ id: newId(), role: 'county_staff', nodeId: county.id, path: county.path, nodeName: county.name }],
    },
    clientIp: '127.0.0.1',
  };
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`INSERT INTO property_inspection_item (tenant_id, id, label, position) VALUES ${sql.join(
        checklist.map((label, i) => sql`(${T}, ${itemIds[i]}, ${label}, ${i})`),
        sql`, `,
      )}`,
    );
    for (let i = 0; i < inspections.length; i += 500) {
      await tx.execute(sql`INSERT INTO property_inspection (tenant_id, id, compound_id, company_id, company_name, inspected_on, inspector_name, items, passed)
        VALUES ${sql.join(inspections.slice(i, i + 500), sql`, `)}`);
    }
    for (let i = 0; i < results.length; i += 1000) {
      await tx.execute(sql`INSERT INTO property_inspection_result (tenant_id, inspection_id, item_id, passed, note)
        VALUES ${sql.join(results.slice(i, i + 1000), sql`, `)}`);
    }
    await tx.execute(sql`INSERT INTO property_evaluation_round (tenant_id, id, node_id, period, opens_on, closes_on, status, closed_at)
      VALUES (${T}, ${closedId}, ${county.id}, ${quarterOf(day(lastStart))}, ${day(lastStart)}::date, ${day(lastEnd)}::date, 'closed', ${thisStart.toISOString()}::timestamptz),
             (${T}, ${openId}, ${county.id}, ${quarterOf(day(thisStart))}, ${day(thisStart)}::date, ${day(thisEnd)}::date, 'open', NULL)`);
    for (let i = 0; i < ratings.length; i += 500) {
      await tx.execute(sql`INSERT INTO property_evaluation_rating (tenant_id, id, round_id, compound_id, household_id, company_id, company_name,
          cleaning, security, greening, repairs, manners, fees, created_at) VALUES ${sql.join(ratings.slice(i, i + 500), sql`, `)}`);
      ctx.progress(Math.min(i + 500, ratings.length), ratings.length);
    }
    // Closed as staff close a round: the combined scores kept (default weights) and handed to the property module.
    const closed = { id: closedId, nodeId: county.id, period: quarterOf(day(lastStart)) };
    const combined = await computeCombinedScores(tx, T, closed, thisStart);
    await new ScoreRepository(tx).saveResult(T, { roundId: closedId, closedBy: accountId, ...combined });
    await recordEvaluationScores(tx, request, {
      round: { id: closedId, period: closed.period },
      scores: combined.compounds.flatMap((r) =>
        r.combined === null ? [] : [{ compoundId: r.id, score: r.combined, companyId: combined.companyOf.get(r.id) ?? null }],
      ),
    });
  });
}
