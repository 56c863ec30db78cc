import { createAccount } from '@linli/accounts/testing';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities, contextFor, insertNode } from '@linli/people/testing';
import { compoundEconomics, propertyModule } from '@linli/property';
import { makeCompany, makeProfile } from '@linli/property/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioDetail } from './contract.ts';
import { serviceClustersModule } from './module.ts';
import { solvesSettled } from './solve-runner.ts';
import { restoreProperty, simpleParameters } from './testing.ts';

// The planner on the property profiles themselves (no stand-in): a scenario made from compoundEconomics,
// solved, and adopted through adoptClusterAssignments, which the profiles then show.
let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let planner: Session;
const url = '/api/v1/service-clusters/scenarios';

beforeAll(async () => {
  // The real property profiles, whatever a file before this one in the worker stood in.
  restoreProperty();
  database = await createTestDatabase();
  app = await buildModuleApp(database, [propertyModule, serviceClustersModule]);
  tree = await buildTwoCommunities(database.db);
  const ctx = contextFor('370785', [{ role: 'county_staff', node: tree.county }]);
  const rich = await makeCompany(database, ctx, tree.a.community.id, 'market', '万顺物业');
  // 凤凰小区 (rich: 20,000 m² at 1 yuan, all collected) and 岭南花园 1 km north (poor), in the same community.
  const second = await insertNode(database.db, { parent: tree.a.community, kind: 'compound', name: '岭南花园' });
  await database.query('UPDATE territory_node SET lat = $2, lng = $3 WHERE id = $1', [tree.a.compound.id, 36.37, 119.72]);
  await database.query('UPDATE territory_node SET lat = $2, lng = $3 WHERE id = $1', [second.id, 36.379, 119.72]);
  await makeProfile(database, ctx, { compoundId: tree.a.compound.id, floorAreaM2: 20_000, company: { id: rich.id, fee: 1, rate: 1 } });
  await makeProfile(database, ctx, { compoundId: second.id, floorAreaM2: 10_000 });
  const a = await createAccount(database.db, {
    tenantId: '370785',
    username: 'clusters.real',
    grants: [{ role: 'county_staff', nodeId: tree.county.id }],
  });
  planner = await login(app, a.username, a.password);
});
afterAll(async () => {
  await solvesSettled();
  await app.close();
  await database.close();
});

describe('service clusters on the property profiles', () => {
  it('plans from the profiles’ figures and records the adopted clusters and service modes in them', async () => {
    const created = await app.inject({
      method: 'POST',
      url,
      headers: planner.headers,
      payload: { nodeId: tree.a.community.id, name: '凤凰社区组团', parameters: simpleParameters },
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json() as ScenarioDetail;
    expect(s.compounds.map((c) => c.name).sort()).toEqual(['凤凰小区', '岭南花园'].sort());
    expect(s.compounds.find((c) => c.name === '凤凰小区')).toMatchObject({ floorAreaM2: 20_000, feePerM2Month: 1, revenue: 20_000 });

    expect((await app.inject({ method: 'POST', url: `${url}/${s.id}/solve`, headers: planner.headers })).statusCode).toBe(202);
    await solvesSettled();
    const solved = (await app.inject({ url: `${url}/${s.id}`, headers: planner.headers })).json() as ScenarioDetail;
    expect(solved.status).toBe('solved');
    // Together they pay their way (20,000 + 0 − 15,000 − 5,000 ≥ 0); apart the poor one needs 5,000 + 5,000.
    expect(solved.clusters).toHaveLength(1);
    expect(solved.totals).toMatchObject({ clusters: 1, subsidy: 0 });

    const adopted = await app.inject({
      method: 'POST',
      url: `${url}/${s.id}/adopt`,
      headers: planner.headers,
      payload: { clusters: [{ clusterId: solved.clusters[0]!.id, serviceMode: 'market_state_owned' }] },
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const after = await compoundEconomics(database.db, { tenantId: '370785', paths: [tree.county.path] }, tree.a.community.id);
    expect(after.map((c) => [c.clusterId, c.serviceMode])).toEqual([
      [solved.clusters[0]!.id, 'market_state_owned'],
      [solved.clusters[0]!.id, 'market_state_owned'],
    ]);
  });
});
