import { createAccount } from '@linli/accounts/testing';
import type { ModuleManifest } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { insertGrid } from '@linli/grids/testing';
import { buildModuleApp, buildTwoCommunities } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliberationModule } from './module.ts';
import { type PlanHouseholdList, quarterOf, type Visit, type VisitCoverageList } from './visit-contract.ts';
import { visitRoutes } from './visits.routes.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let grid: Session;
let staffB: Session;
let resident: Session;
let gridId: string;
// The routes run on the real clock: this quarter, today in China.
const quarter = quarterOf(new Date());
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The visit routes only (abilities and errors come from the module, which the server always knows). */
const visitsOnly: ModuleManifest = {
  ...deliberationModule,
  abilities: undefined,
  errors: undefined,
  demo: undefined,
  routes: async (root, deps) => {
    await root.register(async (child) => visitRoutes(child, deps));
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [visitsOnly]);
  tree = await buildTwoCommunities(database.db);
  gridId = (await insertGrid(database.db, { community: tree.a.community, name: '一网格', buildingIds: [tree.a.building.id] })).id;
  await insertGrid(database.db, { community: tree.b.community, name: '康成网格', buildingIds: [tree.b.building.id] });
  const g = await createAccount(database.db, {
    tenantId: '370785',
    username: 'visit.grid',
    displayName: '王网格',
    grants: [{ role: 'grid_worker', nodeId: tree.a.community.id }],
  });
  const b = await createAccount(database.db, {
    tenantId: '370785',
    username: 'visit.b',
    grants: [{ role: 'community_staff', nodeId: tree.b.community.id }],
  });
  const r = await createAccount(database.db, {
    tenantId: '370785',
    username: 'visit.r',
    grants: [{ role: 'resident', nodeId: tree.a.h101.id }],
  });
  grid = await login(app, g.username, g.password);
  staffB = await login(app, b.username, b.password);
  resident = await login(app, r.username, r.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (s: Session, url: string, payload: object) => app.inject({ method: 'POST', url, headers: s.headers, payload });
const get = (s: Session, url: string) => app.inject({ url, headers: s.headers });

describe('home visit routes', () => {
  it('lets the grid worker make the plans, record a visit and see the coverage and the households left', async () => {
    const made = await post(grid, '/api/v1/deliberation/visit-plans', { quarter });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toEqual({ quarter, created: 1, existing: 0 });
    expect((await post(grid, '/api/v1/deliberation/visit-plans', { quarter })).json()).toEqual({ quarter, created: 0, existing: 1 });

    const coverage = (await get(grid, `/api/v1/deliberation/visit-plans?quarter=${quarter}`)).json() as VisitCoverageList;
    expect(coverage.items).toHaveLength(1);
    const planId = coverage.items[0]!.planId;
    expect(coverage.items[0]).toMatchObject({ gridId, gridName: '一网格', households: 2, visited: 0, coverage: 0 });

    const r = await post(grid, `/api/v1/deliberation/visit-plans/${planId}/visits`, {
      householdId: tree.a.h101.id,
      visitedOn: today,
      outcome: 'visited',
      raised: '希望加装电梯',
    });
    expect(r.statusCode, r.body).toBe(201);
    const visit = r.json() as Visit;
    expect(visit).toMatchObject({ outcome: 'visited', visitorName: '王网格', raised: '希望加装电梯', attempts: [{ seq: 1 }] });
    expect((await get(grid, `/api/v1/deliberation/visits/${visit.id}`)).json()).toMatchObject({ id: visit.id, topicId: null });

    const after = (await get(grid, `/api/v1/deliberation/visit-plans?quarter=${quarter}`)).json() as VisitCoverageList;
    expect(after.items[0]).toMatchObject({ households: 2, visited: 1, coverage: 50 });
    const left = (await get(grid, `/api/v1/deliberation/visit-plans/${planId}/households?state=unvisited`)).json() as PlanHouseholdList;
    expect(left.plan).toMatchObject({ id: planId, gridName: '一网格', quarter });
    expect(left.items.map((h) => h.householdId)).toEqual([tree.a.h102.id]);

    const topic = await post(grid, `/api/v1/deliberation/visits/${visit.id}/topic`, { title: '加装电梯' });
    expect(topic.statusCode, topic.body).toBe(201);
    expect(topic.json()).toMatchObject({ visit: { topicId: expect.any(String) }, topic: { source: 'home_visit' } });

    const file = await get(grid, `/api/v1/deliberation/visit-plans/export.xlsx?quarter=${quarter}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
  });

  it('shows residents no plan, and another community the plan as unknown', async () => {
    expect((await get(resident, `/api/v1/deliberation/visit-plans?quarter=${quarter}`)).statusCode).toBe(403);
    expect((await get(resident, `/api/v1/deliberation/visit-plans/export.xlsx?quarter=${quarter}`)).statusCode).toBe(403);
    const planId = ((await get(grid, `/api/v1/deliberation/visit-plans?quarter=${quarter}`)).json() as VisitCoverageList).items[0]!.planId;
    expect((await get(resident, `/api/v1/deliberation/visit-plans/${planId}/households`)).statusCode).toBe(403);
    const write = await post(resident, `/api/v1/deliberation/visit-plans/${planId}/visits`, {
      householdId: tree.a.h101.id,
      visitedOn: today,
      outcome: 'visited',
    });
    expect(write.statusCode).toBe(403);
    expect((await get(staffB, `/api/v1/deliberation/visit-plans/${planId}/households`)).statusCode).toBe(404);
    const mine = (await get(staffB, `/api/v1/deliberation/visit-plans?quarter=${quarter}`)).json() as VisitCoverageList;
    expect(mine.items).toEqual([]);
    expect(mine.gridsWithoutPlan).toBe(1);
  });
});
