import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, type DemandWorld, demandAt } from '@linli/demands/testing';
import { createTestApp, login, type TestApp } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResidentHome, readWorkbench } from './workbench.ts';

let database: Database;
let server: TestApp;
let app: TestApp['app'];
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  // The whole server: the roles' abilities are assembled from every module's manifest.
  server = await createTestApp({ database });
  app = server.app;
  world = await buildDemandWorld(database.db);
  await demandAt(database.db, world, 'accepted');
  await demandAt(database.db, world, 'submitted');
});
afterAll(async () => {
  await server.close();
  await database.close();
});

describe('workbench HTTP API', () => {
  it('answers 401 without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/workbench' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/workbench/home' })).statusCode).toBe(401);
  });

  it('gives a community worker the workbench of their scope, the same as the read behind it', async () => {
    const session = await login(app, world.accounts.community!.username, world.accounts.community!.password);
    const res = await app.inject({ method: 'GET', url: '/api/v1/workbench', headers: session.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const counts = Object.fromEntries(body.counts.map((c: { kind: string; count: number }) => [c.kind, c.count]));
    expect(counts).toMatchObject({ to_accept: 1, to_dispatch: 1 });
    const direct = await readWorkbench(database.db, world.ctx.community.actor);
    expect(body.counts).toEqual(direct.counts);
    expect(body.figures.thisMonth.submitted).toBe(direct.figures?.thisMonth.submitted);
    // The reporter of both demands is the resident: their name appears nowhere.
    expect(res.body).not.toContain('resident');
  });

  it('gives the resident their phone home', async () => {
    const session = await login(app, world.accounts.resident!.username, world.accounts.resident!.password);
    const res = await app.inject({ method: 'GET', url: '/api/v1/workbench/home', headers: session.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(await readResidentHome(database.db, world.ctx.resident.actor));
    expect(res.json().openDemands.total).toBe(2);
    expect(res.json().homes[0]).toMatchObject({ compound: '第1小区', building: '1号楼', entrance: '1单元', room: '101' });
  });
});
