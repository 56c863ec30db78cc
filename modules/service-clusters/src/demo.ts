import { type DemoSeedContext, demoAccountId, newId, type RequestContext } from '@linli/core';
import { one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import { defaultServiceMode } from './commands/adopt-scenario.ts';
import { defaultParameters, type ScenarioCompound } from './contract.ts';
import { demoPlace, demoPlan, demoStatuses, planProblems } from './demo-plan.ts';
import { scenarioTotals } from './plan-inputs.ts';
import { propertyPort } from './property-port.ts';
import { ScenarioRepository } from './scenario.repository.ts';

/**
 * Demo data of service clusters: where the county profile asks for clusters (高密市: 10, the first
 * named 万顺城 and 岭南花园), a scenario solved by the planner with exactly that many clusters over
 * the well-run, poorly run and unmanaged compounds of one subdistrict (demoPlace: the smallest that
 * the clusters can hold; with the other defaults — at most 8 compounds, 1.5 km, 300–5,000
 * households — 10 clusters cannot hold a county's 105 poorly run and unmanaged compounds), checked
 * against the constraints (planProblems) and adopted into the property profiles (so the property
 * KPIs count them); elsewhere a draft scenario of a community with profiled compounds, to solve.
 * Runs after property's seeder (module order). The solve takes about a second on a quiet machine.
 */
export async function seedServiceClustersDemo(ctx: DemoSeedContext): Promise<void> {
  const db = ctx.database.db;
  const targets = (ctx.shared.profile as { property?: { clusters?: { count: number; names: readonly string[] } } } | undefined)?.property
    ?.clusters;
  const county = await one<{ id: string; path: string; name: string }>(
    db,
    sql`SELECT c.id, c.path::text AS path, c.name FROM ${territorySql.nodes('c')}
      WHERE c.tenant_id = ${ctx.tenantId} AND c.kind = 'county' ORDER BY c.depth LIMIT 1`,
  );
  if (!county) return;
  const accountId = demoAccountId(ctx, 'county') ?? demoAccountId(ctx, 'admin') ?? newId();
  const request: RequestContext = {
    actor: {
      accountId,
      username: 'demo',
      displayName: '演示数据',
      tenantId: ctx.tenantId,
      grants: [{ id: newId(), role: 'county_staff', nodeId: county.id, path: county.path, nodeName: county.name }],
    },
    clientIp: '127.0.0.1',
  };
  const inputsOf = async (nodeId: string): Promise<ScenarioCompound[] | undefined> => {
    try {
      const found = await propertyPort.compoundEconomics(db, { tenantId: ctx.tenantId, paths: [county.path] }, nodeId);
      return found.sort((a, b) => a.compoundId.localeCompare(b.compoundId));
    } catch {
      return undefined; // no property profiles to plan from
    }
  };
  if (!targets || targets.count <= 0) {
    // A worked example: a draft scenario of the first community with profiled compounds, to solve.
    const community = await one<{ id: string; name: string }>(
      db,
      sql`SELECT c.id, c.name FROM ${territorySql.nodes('c')}
        WHERE c.tenant_id = ${ctx.tenantId} AND c.kind = 'community' ORDER BY c.name, c.id LIMIT 1`,
    );
    const inputs = community && (await inputsOf(community.id));
    if (!community || !inputs?.length) return;
    await new ScenarioRepository(db).insert(ctx.tenantId, {
      nodeId: community.id,
      name: `${community.name}物业组团测算（草稿）`,
      parameters: { ...defaultParameters, minHouseholds: 0 },
      inputs,
      createdBy: accountId,
    });
    return;
  }
  const subdistricts = await rows<{ id: string; name: string }>(
    db,
    sql`SELECT s.id, s.name FROM ${territorySql.nodes('s')} WHERE s.tenant_id = ${ctx.tenantId} AND s.kind = 'subdistrict' ORDER BY s.name, s.id`,
  );
  const places: { id: string; name: string; planned: number; economics: ScenarioCompound[] }[] = [];
  for (const s of subdistricts) {
    const economics = await inputsOf(s.id);
    if (!economics?.length) continue;
    const planned = economics.filter((c) => c.lat !== null && c.lng !== null && c.status !== null && demoStatuses.includes(c.status));
    places.push({ ...s, planned: planned.length, economics });
  }
  const place = demoPlace(places, targets.count);
  if (!place) return;
  const economics = place.economics;
  const { plan, parameters, clusters } = await demoPlan(economics, targets.count, targets.names);
  const problems = planProblems(plan, economics, parameters);
  if (problems.length) throw new Error(`service-clusters demo: the plan breaks its constraints: ${problems.join('; ')}`);
  ctx.progress(1, 3);
  await db.transaction(async (tx) => {
    const repo = new ScenarioRepository(tx);
    const id = await repo.insert(ctx.tenantId, {
      nodeId: place.id,
      name: `${place.name}老旧小区物业组团方案（${targets.count}个组团）`,
      parameters,
      inputs: economics,
      createdBy: accountId,
    });
    const token = await repo.startSolve(ctx.tenantId, id);
    await repo.recordPlan(ctx.tenantId, id, token as string, {
      solverStatus: plan.status,
      gap: plan.gap,
      solveMs: Math.round(plan.seconds * 1000),
      totals: scenarioTotals(plan),
      clusters,
    });
    const byId = new Map(economics.map((c) => [c.compoundId, c]));
    const stored = await repo.clustersOf(ctx.tenantId, id);
    const adopted = stored.map((c) => {
      const compoundIds = c.members.map((m) => m.compoundId);
      return {
        clusterId: c.id,
        name: c.name,
        anchorCompoundId: c.anchorCompoundId,
        companyId: null,
        compoundIds,
        serviceMode: defaultServiceMode(compoundIds.map((m) => byId.get(m))),
      };
    });
    await propertyPort.adoptClusterAssignments(tx, request, {
      scenarioId: id,
      reason: '县物业服务领导小组审定组团方案',
      clusters: adopted,
    });
    for (const c of adopted) await repo.setClusterAdoption(ctx.tenantId, c.clusterId, c);
    await repo.markAdopted(ctx.tenantId, id, accountId);
  });
  ctx.progress(3, 3);
}
