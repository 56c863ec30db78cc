import { accountsModule } from '@linli/accounts';
import { loadConfig, type ModuleDeps } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { acceptDemand, demandsModule, dispatchDemand, resolveDemand, startDemand } from '@linli/demands';
import { buildDemandWorld, type DemandWorld, demandAt, submitTestDemand, testCipher } from '@linli/demands/testing';
import { buildApp, type LinliApp } from '@linli/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymise } from './board.repository.ts';
import { demandStatsModule } from './module.ts';

describe('anonymise', () => {
  it('takes out the reporter’s name, phones, ID numbers and door numbers', () => {
    // The board uses core's masker (maskPersonalText, tested in packages/core): doors keep no digit.
    expect(anonymise('王小明反映3-1-502室漏水，电话13812345678', ['王小明'])).toBe('王**反映*-*-***室漏水，电话138****5678');
    expect(anonymise('身份证370785199001011234已核实')).toBe('身份证370*************34已核实');
    expect(anonymise('座机0536-2212345，2号楼502户')).toBe('座机0536-****345，2号楼***户');
    expect(anonymise('小区路灯已修复')).toBe('小区路灯已修复');
  });
});

describe('public notice board', () => {
  let database: Database;
  let app: LinliApp;
  let world: DemandWorld;

  beforeAll(async () => {
    database = await createTestDatabase();
    const deps: ModuleDeps = { database, db: database.db, cipher: testCipher, config: loadConfig({}) };
    app = await buildApp({ deps, modules: [accountsModule, demandsModule, demandStatsModule] });
    await app.ready();
    world = await buildDemandWorld(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const board = (communityId: string, query = '') =>
    app.inject({ method: 'GET', url: `/api/v1/public/tenants/${world.tenantId}/communities/${communityId}/board${query}` });

  it('lists resolved demands of the community without sign-in, naming the place down to the building and nobody', async () => {
    const t = database.db;
    const called = await submitTestDemand(t, world, {
      title: '王小明家楼上噪音',
      description: '王小明（13812345678）反映1-1-101楼上夜间噪音',
    });
    await t.transaction((tx) => acceptDemand(tx, world.ctx.grid, called.id));
    await t.transaction((tx) => dispatchDemand(tx, world.ctx.community, called.id));
    await t.transaction((tx) => startDemand(tx, world.ctx.property, called.id));
    await t.transaction((tx) => resolveDemand(tx, world.ctx.property, called.id, { result: '已联系王小明，电话13812345678，噪音已停止' }));
    await demandAt(t, world, 'evaluated');
    const open = await demandAt(t, world, 'dispatched');

    const res = await board(world.tree.communities[0]!.id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.community.name).toBe(world.tree.communities[0]!.name);
    expect(body.entries.map((e: { number: string }) => e.number)).not.toContain(open.number);
    expect(body.entries).toHaveLength(2);
    const entry = body.entries.find((e: { number: string }) => e.number === called.number);
    expect(entry).toMatchObject({ title: '王**家楼上噪音', result: '已联系王**，电话138****5678，噪音已停止', level: 'compound' });
    expect(entry.place).toEqual([world.tree.compounds[0]!.name, world.tree.buildings[0]!.name]);
    const text = JSON.stringify(body);
    for (const secret of ['王小明', '13812345678', '1-1-101']) expect(text).not.toContain(secret);
    const places = body.entries.flatMap((e: { place: string[] }) => e.place);
    for (const door of [world.tree.households[0]!.name, world.tree.entrances[0]!.name]) expect(places).not.toContain(door);
    expect(body.summary).toMatchObject({ received: 3, resolved: 2, resolutionRate: 0.667, satisfactionRate: 1 });
  });

  it('shows another community nothing of this one, and answers unknown places and bad ids with 4xx', async () => {
    const other = (await board(world.tree.communities[2]!.id)).json();
    expect(other.entries).toEqual([]);
    expect(other.summary.received).toBe(0);
    expect((await board(world.tree.compounds[0]!.id)).statusCode).toBe(404);
    expect((await board('not-a-uuid')).statusCode).toBe(400);
    const wrongTenant = await app.inject({
      method: 'GET',
      url: `/api/v1/public/tenants/999999/communities/${world.tree.communities[0]!.id}/board`,
    });
    expect(wrongTenant.statusCode).toBe(404);
  });

  it('pages back in time with `before`', async () => {
    const first = (await board(world.tree.communities[0]!.id, '?limit=1')).json();
    expect(first.entries).toHaveLength(1);
    const next = (await board(world.tree.communities[0]!.id, `?limit=1&before=${encodeURIComponent(first.entries[0].resolvedAt)}`)).json();
    expect(next.entries).toHaveLength(1);
    expect(next.entries[0].number).not.toBe(first.entries[0].number);
  });
});
