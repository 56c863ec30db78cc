import { createAccount } from '@linli/accounts/testing';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridsModule } from './module.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let staffA: Session;
let staffB: Session;
let cadreId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [gridsModule]);
  tree = await buildTwoCommunities(database.db);
  const a = await createAccount(database.db, {
    tenantId: '370785',
    username: 'grids.a',
    grants: [{ role: 'community_staff', nodeId: tree.a.community.id }],
  });
  const b = await createAccount(database.db, {
    tenantId: '370785',
    username: 'grids.b',
    grants: [{ role: 'community_staff', nodeId: tree.b.community.id }],
  });
  cadreId = a.id;
  staffA = await login(app, a.username, a.password);
  staffB = await login(app, b.username, b.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('grids HTTP API', () => {
  it('creates a grid, adds its leader, and lists it with counts only within the community', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/grids',
      headers: staffA.headers,
      payload: { communityId: tree.a.community.id, name: '凤凰一网格', level: 'grid', buildingIds: [tree.a.building.id] },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const member = await app.inject({
      method: 'POST',
      url: `/api/v1/grids/${id}/members`,
      headers: staffA.headers,
      payload: { role: 'leader', name: '张书记', accountId: cadreId },
    });
    expect(member.statusCode).toBe(201);
    const list = await app.inject({ method: 'GET', url: '/api/v1/grids', headers: staffA.headers });
    expect(list.json().items).toMatchObject([{ name: '凤凰一网格', communityName: '凤凰社区', buildingCount: 1, memberCount: 1 }]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/grids', headers: staffB.headers })).json().items).toEqual([]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/grids/${id}`, headers: staffB.headers })).statusCode).toBe(404);
  });

  it('answers a building of another community exactly like an unknown one', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/grids',
      headers: staffA.headers,
      payload: { communityId: tree.a.community.id, name: '越界网格', level: 'grid', buildingIds: [tree.b.building.id] },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details).toEqual([{ field: 'buildingIds', reason: 'not found' }]);
  });

  it("lists only the grids that cover a building, within the caller's scope (?buildingId=)", async () => {
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/grids',
      headers: staffA.headers,
      payload: { communityId: tree.a.community.id, name: '凤凰空网格', level: 'grid', buildingIds: [] },
    });
    expect(other.statusCode).toBe(201);
    const byBuilding = await app.inject({ method: 'GET', url: `/api/v1/grids?buildingId=${tree.a.building.id}`, headers: staffA.headers });
    expect(byBuilding.statusCode).toBe(200);
    expect(byBuilding.json().items.map((g: { name: string }) => g.name)).toEqual(['凤凰一网格']);
    const outside = await app.inject({ method: 'GET', url: `/api/v1/grids?buildingId=${tree.a.building.id}`, headers: staffB.headers });
    expect(outside.json().items).toEqual([]);
  });
});
