import { accountsModule } from '@linli/accounts';
import { loadConfig, type ModuleDeps } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { demandSmartModule } from '@linli/demand-smart';
import { Open311Repository } from '@linli/open311';
import { buildApp, type LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandsModule } from './module.ts';
import { buildDemandWorld, contextOf, type DemandWorld, testCipher } from './testing.ts';

// GET /demand-categories?includeInactive and PATCH /demand-categories/:id with a version: the settings
// page sees retired categories and brings them back; two people editing one category do not overwrite
// each other silently; intake, Open311 and the suggestions keep to active categories.

let database: Database;
let app: LinliApp;
let world: DemandWorld;
let admin: Session;
let community: Session;
let resident: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  const deps: ModuleDeps = {
    database,
    db: database.db,
    cipher: testCipher,
    config: { ...loadConfig({}), rateLimit: { apiPerMinute: 100_000, loginPerMinute: 100_000 } },
  };
  app = await buildApp({ deps, modules: [accountsModule, demandsModule, demandSmartModule] });
  await app.ready();
  world = await buildDemandWorld(database.db);
  const { account } = await contextOf(database.db, world.tenantId, 'system_admin', world.tree.county, 'admin');
  admin = await login(app, account.username, account.password);
  community = await login(app, world.accounts.community!.username, world.accounts.community!.password);
  resident = await login(app, world.accounts.resident!.username, world.accounts.resident!.password);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

interface Node {
  id: string;
  code: string;
  name: string;
  active: boolean;
  version: number;
  children: Node[];
}
const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
const list = async (who: Session, query = '') => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/demand-categories${query}`, headers: who.headers });
  return { status: res.statusCode, items: res.statusCode === 200 ? flat(res.json().items as Node[]) : [], body: res.json() };
};
const find = async (code: string) => (await list(admin, '?includeInactive=true')).items.find((c) => c.code === code)!;
const patch = (id: string, payload: object, who = admin) =>
  app.inject({ method: 'PATCH', url: `/api/v1/demand-categories/${id}`, headers: who.headers, payload });

describe('demand categories: retired ones and versions', () => {
  it('lists active categories with `active` and a version by default, for anyone signed in', async () => {
    for (const who of [resident, community, admin]) {
      const { status, items } = await list(who);
      expect(status).toBe(200);
      expect(items.length).toBeGreaterThan(20);
      expect(items.every((c) => c.active === true && Number.isInteger(c.version))).toBe(true);
    }
    expect((await list(admin, '?includeInactive=false')).items.length).toBe((await list(admin)).items.length);
  });

  it('lists retired categories only with includeInactive, only for demand.configure, and brings one back', async () => {
    const pets = await find('pets');
    const retired = await patch(pets.id, { active: false, version: pets.version });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ id: pets.id, active: false });
    expect(retired.json().version).not.toBe(pets.version);

    expect((await list(admin)).items.map((c) => c.code)).not.toContain('pets');
    expect((await list(resident)).items.map((c) => c.code)).not.toContain('pets');
    const all = await list(admin, '?includeInactive=true');
    expect(all.items.find((c) => c.code === 'pets')).toMatchObject({ active: false, version: retired.json().version });
    expect(all.items.filter((c) => c.active).length).toBe((await list(admin)).items.length);

    // Without demand.configure on the county: 403, not a silently shorter list; a non-boolean is a 400.
    expect((await list(community, '?includeInactive=true')).status).toBe(403);
    expect((await list(resident, '?includeInactive=true')).status).toBe(403);
    const bad = await list(admin, '?includeInactive=maybe');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('includeInactive');

    // Reactivated: listed again, and demands can be filed under it.
    const back = await patch(pets.id, { active: true, version: retired.json().version });
    expect(back.statusCode).toBe(200);
    expect(back.json().active).toBe(true);
    expect((await list(resident)).items.map((c) => c.code)).toContain('pets');
  });

  it('refuses a save made on a stale version with 409 and the current version, and writes nothing', async () => {
    const garbage = await find('garbage');
    const first = await patch(garbage.id, { name: '垃圾清运（甲）', version: garbage.version });
    expect(first.statusCode).toBe(200);
    const current = first.json().version as number;
    expect(current).not.toBe(garbage.version);

    const second = await patch(garbage.id, { name: '垃圾清运（乙）', version: garbage.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'conflict', details: { version: current } });
    expect(await find('garbage')).toMatchObject({ name: '垃圾清运（甲）', version: current });

    // A deadline-only save is a change too: it moves the version, and the old one is refused.
    const rules = await patch(garbage.id, {
      deadlines: [{ urgency: 'normal', responseValue: 12, responseUnit: 'hours', resolveValue: 72, resolveUnit: 'hours' }],
      version: current,
    });
    expect(rules.statusCode).toBe(200);
    expect(rules.json().version).not.toBe(current);
    const late = await patch(garbage.id, { deadlines: [], version: current });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details).toEqual({ version: rules.json().version });
    const [own] = await database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM demand_deadline_rule WHERE tenant_id = $1 AND category_id = $2',
      [world.tenantId, garbage.id],
    );
    expect(own!.n).toBe(1);

    // Without a version the save is unconditional (older clients); a version alone is not a change.
    expect((await patch(garbage.id, { name: '垃圾清运' })).statusCode).toBe(200);
    const versionOnly = await patch(garbage.id, { version: (await find('garbage')).version });
    expect(versionOnly.statusCode).toBe(400);
    expect(versionOnly.json().error.details).toEqual([{ field: 'version', reason: 'comes with at least one change' }]);
    // A stale version on a category that is gone is still a 404.
    expect((await patch('01900000-0000-7000-8000-000000000000', { active: false, version: 1 })).statusCode).toBe(404);
  });

  it('lets exactly one of two concurrent saves of the same version through', async () => {
    const noise = await find('noise');
    const results = await Promise.all([
      patch(noise.id, { defaultLevel: 'community', version: noise.version }),
      patch(noise.id, { defaultLevel: 'subdistrict', version: noise.version }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const loser = results.find((r) => r.statusCode === 409)!.json();
    expect(loser.error.details).toEqual({ version: winner.version });
    expect(await find('noise')).toMatchObject({ defaultLevel: winner.defaultLevel, version: winner.version });
  });

  it('keeps a retired category out of intake, Open311 services and the category suggestions', async () => {
    const noise = await find('noise');
    const text = { description: '楼上邻居每天半夜装修，电钻噪音很大，严重影响休息' };
    const suggest = () =>
      app.inject({ method: 'POST', url: '/api/v1/demands/suggest', headers: community.headers, payload: text }).then((r) => {
        expect(r.statusCode).toBe(200);
        return (r.json().categories as { code: string }[]).map((c) => c.code);
      });
    expect(await suggest()).toContain('noise');
    expect((await new Open311Repository(database.db).services(world.tenantId)).map((s) => s.code)).toContain('noise');

    expect((await patch(noise.id, { active: false, version: noise.version })).statusCode).toBe(200);
    expect(await suggest()).not.toContain('noise');
    expect((await new Open311Repository(database.db).services(world.tenantId)).map((s) => s.code)).not.toContain('noise');
    const intake = await app.inject({
      method: 'POST',
      url: '/api/v1/demands',
      headers: community.headers,
      payload: {
        channel: 'hotline_12345',
        type: 'complaint',
        categoryId: noise.id,
        description: '楼上半夜装修噪音扰民',
        nodeId: world.tree.households[0]!.id,
        reporter: { kind: 'anonymous' },
      },
    });
    expect(intake.statusCode).toBe(400);
    expect(intake.json().error.details).toEqual([{ field: 'categoryId', reason: 'is not an active demand category' }]);
  });
});
