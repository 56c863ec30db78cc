import { accountsModule } from '@linli/accounts';
import { loadConfig, type ModuleDeps } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { demandStatsModule } from '@linli/demand-stats';
import { buildApp, type LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptDemand } from './commands/accept-demand.ts';
import { dispatchDemand } from './commands/dispatch-demand.ts';
import { resolveDemand } from './commands/resolve-demand.ts';
import { startDemand } from './commands/start-demand.ts';
import { demandsModule } from './module.ts';
import { buildDemandWorld, type DemandWorld, submitTestDemand, testCipher } from './testing.ts';

/**
 * One masking rule for the reporter: staff see the name masked (王**) in the header, the lists and
 * the timeline alike, and read it through the audited reveal; the reporter sees their own name.
 * What the reporter keeps for staff (仅工作人员可见), and private categories, stay off the board.
 */
let database: Database;
let app: LinliApp;
let world: DemandWorld;
type Who = 'resident' | 'grid' | 'community' | 'property';
const sessions = {} as Record<Who, Session>;
const FULL_NAME = '刘德华';

beforeAll(async () => {
  database = await createTestDatabase();
  const deps: ModuleDeps = {
    database,
    db: database.db,
    cipher: testCipher,
    config: { ...loadConfig({}), rateLimit: { apiPerMinute: 100_000, loginPerMinute: 100_000 } },
  };
  app = await buildApp({ deps, modules: [accountsModule, demandsModule, demandStatsModule] });
  await app.ready();
  world = await buildDemandWorld(database.db);
  await database.query('UPDATE account SET display_name = $1 WHERE username = $2', [FULL_NAME, world.accounts.resident!.username]);
  for (const who of ['resident', 'grid', 'community', 'property'] as const) {
    sessions[who] = await login(app, world.accounts[who]!.username, world.accounts[who]!.password);
  }
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (who: Who, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: sessions[who].headers });
const post = (who: Who, url: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: sessions[who].headers, payload });
const submit = async (extra: object = {}) => {
  const res = await post('resident', '/demands', {
    type: 'complaint',
    categoryId: world.categories.noise,
    description: '楼上每晚十二点后还在装修',
    nodeId: world.tree.households[0]!.id,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; reporterName: string; staffOnly: boolean };
};

describe('the reporter’s name', () => {
  it('is masked for staff in the header and in the timeline alike, the reporter’s steps and staff notes included', async () => {
    const d = await submit();
    await database.db.transaction((tx) => acceptDemand(tx, world.ctx.grid, d.id, { note: `已电话联系${FULL_NAME}核实` }));
    for (const who of ['grid', 'community'] as const) {
      const res = await get(who, `/demands/${d.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const detail = res.json();
      expect(detail.reporterName).toBe('刘**');
      expect(detail.timeline[0]).toMatchObject({ action: 'submit', actorName: '刘**' });
      expect(detail.timeline[1]).toMatchObject({ action: 'accept', actorName: 'grid', note: '已电话联系刘**核实' });
      expect(res.body).not.toContain(FULL_NAME);
      const inbox = await get(who, '/demands?tab=to_dispatch');
      expect(inbox.body).toContain(d.number);
      expect(inbox.body).not.toContain(FULL_NAME);
    }
    // The audited reveal gives the full name to a people.pii holder.
    const revealed = await post('grid', `/demands/${d.id}/reveal-contact`, {});
    expect(revealed.json()).toEqual({ name: FULL_NAME, phone: null });
  });

  it('is shown unmasked to the reporter on their own pages (我的诉求 and the demand)', async () => {
    const d = await submit();
    expect(d.reporterName).toBe(FULL_NAME);
    const mine = await get('resident', '/me/demands');
    expect(mine.statusCode).toBe(200);
    const listed = (mine.json().items as { id: string; reporterName: string }[]).find((i) => i.id === d.id);
    expect(listed?.reporterName).toBe(FULL_NAME);
    const own = await get('resident', `/demands/${d.id}`);
    expect(own.json().reporterName).toBe(FULL_NAME);
  });

  it('reads what staff wrote for them (the result, their notes) with other people’s numbers masked', async () => {
    const d = await submit();
    const result = '已联系楼上住户，电话13700001111，3号楼2单元502已整改';
    await database.db.transaction((tx) => acceptDemand(tx, world.ctx.grid, d.id));
    await database.db.transaction((tx) => dispatchDemand(tx, world.ctx.community, d.id, { level: 'community' }));
    await database.db.transaction((tx) => startDemand(tx, world.ctx.community, d.id));
    await database.db.transaction((tx) => resolveDemand(tx, world.ctx.community, d.id, { result }));
    const own = await get('resident', `/demands/${d.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('13700001111');
    expect(own.json().result).toBe('已联系楼上住户，电话137****1111，3号楼*单元***已整改');
    expect(own.json().description).toBe('楼上每晚十二点后还在装修');
    // Staff read the result as it was written.
    expect((await get('community', `/demands/${d.id}`)).json().result).toBe(result);
  });
});

describe('仅工作人员可见 and private categories', () => {
  it('are stored with the demand, handled as usual, and kept off the public notice board', async () => {
    const kept = await submit({ staffOnly: true, description: '只想让社区知道的噪音问题' });
    expect(kept.staffOnly).toBe(true);
    expect((await get('grid', `/demands/${kept.id}`)).json().staffOnly).toBe(true);
    const family = await submitTestDemand(database.db, world, { categoryId: world.categories.family!, description: '家里老人赡养矛盾' });
    const open = await submitTestDemand(database.db, world, { description: '公开的楼道噪音' });
    for (const id of [kept.id, family.id, open.id]) {
      await database.db.transaction((tx) => acceptDemand(tx, world.ctx.grid, id));
      await database.db.transaction((tx) => dispatchDemand(tx, world.ctx.community, id, { level: 'community' }));
      await database.db.transaction((tx) => startDemand(tx, world.ctx.community, id));
      await database.db.transaction((tx) => resolveDemand(tx, world.ctx.community, id, { result: '已调解' }));
    }
    const board = await app.inject({
      method: 'GET',
      url: `/api/v1/public/tenants/${world.tenantId}/communities/${world.tree.communities[0]!.id}/board`,
    });
    expect(board.statusCode, board.body).toBe(200);
    expect(board.body).toContain(open.number);
    expect(board.body).not.toContain(kept.number);
    expect(board.body).not.toContain(family.number);
  });

  it('ship private matters unpublished in the default taxonomy (isPublic on the category)', async () => {
    const tree = (await get('community', '/demand-categories')).json().items as { code: string; isPublic: boolean; children: never[] }[];
    const all = tree.flatMap((c) => [c, ...(c.children as { code: string; isPublic: boolean }[])]);
    expect(all.find((c) => c.code === 'family')?.isPublic).toBe(false);
    expect(all.find((c) => c.code === 'noise')?.isPublic).toBe(true);
    expect(all.find((c) => c.code === 'social_assistance')?.isPublic).toBe(false);
  });
});
