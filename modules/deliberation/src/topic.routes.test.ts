import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextOf } from '@linli/demands/testing';
import { buildModuleApp } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStation } from './commands/create-station.ts';
import { deliberationModule } from './module.ts';
import { buildTopicWorld, type TopicWorld } from './topic-testing.ts';

let database: Database;
let app: LinliApp;
let world: TopicWorld;
let staff: Session;
let otherStaff: Session;
let resident: Session;
let neighbour: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [deliberationModule]);
  world = await buildTopicWorld(database.db);
  const signIn = async (a: { username: string; password: string }) => login(app, a.username, a.password);
  staff = await signIn(world.accounts.community!);
  otherStaff = await signIn(world.accounts.otherCommunity!);
  resident = await signIn(world.accounts.resident!);
  neighbour = await signIn((await contextOf(database.db, world.tenantId, 'resident', world.tree.households[2]!, 'n2')).account);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (url: string, session: Session, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/deliberation${url}`, headers: session.headers, payload });
const get = (url: string, session: Session) => app.inject({ url: `/api/v1/deliberation${url}`, headers: session.headers });

describe('deliberation topic API', () => {
  it('takes topics in, lists them sorted and paged in scope only, exports them, and refuses bad input naming the field', async () => {
    const compound = world.tree.compounds[0]!.id;
    for (const title of ['车棚改造', '楼道堆物清理']) {
      const res = await post('/topics', staff, { title, description: `${title}的说明`, nodeId: compound, source: 'home_visit' });
      expect(res.statusCode, res.body).toBe(201);
    }
    const page = await get('/topics?limit=1&sort=submittedAt', staff);
    expect(page.json().items.map((t: { title: string }) => t.title)).toEqual(['车棚改造']);
    const next = await get(`/topics?limit=1&sort=submittedAt&cursor=${encodeURIComponent(page.json().nextCursor)}`, staff);
    expect(next.json().items.map((t: { title: string }) => t.title)).toEqual(['楼道堆物清理']);
    expect((await get('/topics?status=submitted&level=compound&source=home_visit', staff)).json().items).toHaveLength(2);
    expect((await get('/topics?level=community', staff)).json().items).toHaveLength(0);
    expect((await get('/topics', otherStaff)).json().items).toEqual([]);
    const file = await get('/topics/export.xlsx', staff);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const bad = await post('/topics', staff, { title: '缺说明', nodeId: compound });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('description');
    expect((await post('/topics', otherStaff, { title: '越权', description: '越权', nodeId: compound })).statusCode).toBe(404);
    expect((await get(`/topics?nodeId=${world.tree.compounds[0]!.id}`, otherStaff)).statusCode).toBe(404);
  });

  it('screens, moves on and shows a topic with its timeline; a stale version is a 409', async () => {
    const created = (
      await post('/topics', staff, { title: '加装电梯', description: '4号楼加装电梯', nodeId: world.tree.compounds[0]!.id })
    ).json();
    const screened = await post(`/topics/${created.id}/screen`, staff, { version: 1, outcome: 'admissible', kindCode: 'elevator' });
    expect(screened.statusCode, screened.body).toBe(200);
    const stale = await post(`/topics/${created.id}/transition`, staff, { version: 1, action: 'pool' });
    expect(stale.statusCode).toBe(409);
    const pooled = await post(`/topics/${created.id}/transition`, staff, { version: 2, action: 'pool' });
    expect(pooled.json()).toMatchObject({ status: 'pooled', version: 3 });
    const badAction = await post(`/topics/${created.id}/transition`, staff, { version: 3, action: 'screen' });
    expect(badAction.statusCode).toBe(400);
    const detail = await get(`/topics/${created.id}`, staff);
    expect(detail.json().timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'screen', 'pool']);
    expect(detail.json().allowedActions).toEqual(['schedule', 'escalate', 'merge']);
    expect((await get(`/topics/${created.id}`, otherStaff)).statusCode).toBe(404);
  });

  it("lets residents propose for their compound, support once per household and see their compound's topics", async () => {
    const proposed = await post('/topics', resident, {
      title: '增设儿童游乐设施',
      description: '小区空地',
      nodeId: world.tree.compounds[0]!.id,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({ source: 'resident', allowedActions: [] });
    await post(`/topics/${proposed.json().id}/screen`, staff, { version: 1, outcome: 'admissible', kindCode: 'activities' });
    const first = await post(`/topics/${proposed.json().id}/support`, resident, {});
    expect(first.json()).toMatchObject({ supportCount: 1 });
    expect((await post(`/topics/${proposed.json().id}/support`, resident, {})).statusCode).toBe(409);
    // households[2] is in the same compound (another entrance).
    expect((await post(`/topics/${proposed.json().id}/support`, neighbour, {})).json()).toMatchObject({ supportCount: 2 });
    const mine = (await get('/my/topics', resident)).json().items as { title: string; supportedByMe: boolean; status: string }[];
    expect(mine.find((t) => t.title === '增设儿童游乐设施')).toMatchObject({ supportedByMe: true });
    expect(mine.every((t) => t.status !== 'submitted')).toBe(true);
    expect((await get(`/topics/${proposed.json().id}`, resident)).json()).toMatchObject({ supportedByMe: true });
    expect((await get('/topics', resident)).statusCode).toBe(403);
    // A topic of the community above the compound shows in the list and opens; another compound's does not.
    const above = (
      await post('/topics', staff, { title: '社区健身广场', description: '社区层面', nodeId: world.tree.communities[0]!.id })
    ).json();
    await post(`/topics/${above.id}/screen`, staff, { version: 1, outcome: 'admissible', kindCode: 'activities' });
    expect((await get('/my/topics', resident)).json().items.map((t: { id: string }) => t.id)).toContain(above.id);
    expect((await get(`/topics/${above.id}`, resident)).statusCode).toBe(200);
    const elsewhere = (
      await post('/topics', staff, { title: '隔壁小区', description: '别处', nodeId: world.tree.compounds[1]!.id })
    ).json();
    expect((await get(`/topics/${elsewhere.id}`, resident)).statusCode).toBe(404);
  });

  it('answers the KPIs of a place and period as fractions, and refuses a period upside down', async () => {
    const res = await get(`/kpis?nodeId=${world.tree.communities[0]!.id}&from=2020-01-01&to=2099-12-31`, staff);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ meetings: 0, topicsResolved: 0, completionRate: null, satisfactionRate: null });
    expect(res.json().sources).toEqual({ meetings: 'meetings', completion: 'deliberation', satisfaction: 'deliberation' });
    expect(res.json().topicsCollected).toBeGreaterThanOrEqual(4);
    expect((await get('/kpis?from=2026-03-02&to=2026-03-01', staff)).statusCode).toBe(400);
    expect((await get(`/kpis?nodeId=${world.tree.communities[0]!.id}`, otherStaff)).statusCode).toBe(404);
  });

  it('suggests the open topics of the same compound and above with similar titles as duplicates to merge into', async () => {
    const [compound, otherCompound] = [world.tree.compounds[0]!.id, world.tree.compounds[1]!.id];
    const take = async (title: string, nodeId: string) =>
      (await post('/topics', staff, { title, description: `${title}。`, nodeId })).json() as { id: string; version: number };
    const wires = await take('电动车飞线充电', compound);
    const piles = await take('增设电动车充电桩', compound);
    const shed = await take('车棚充电桩数量不足', compound);
    await take('楼道照明损坏', compound);
    await take('社区电动车充电设施', world.tree.communities[0]!.id);
    await take('增设电动车充电桩', otherCompound);
    const excluded = await take('电动车充电桩', compound);
    const screened = await post(`/topics/${excluded.id}/screen`, staff, {
      version: 1,
      outcome: 'excluded',
      kindCode: 'private_dispute',
      reason: '重复',
    });
    expect(screened.json().status).toBe('excluded');

    const similar = await get(`/topics/${wires.id}/similar`, staff);
    expect(similar.statusCode, similar.body).toBe(200);
    const items = similar.json().items as { id: string; title: string; nodeId: string; score: number; locationPath: string[] }[];
    // Most alike first; the other compound's topic, the excluded one and the unrelated one are not offered.
    expect(items.map((t) => t.title)).toEqual(['增设电动车充电桩', '社区电动车充电设施', '车棚充电桩数量不足']);
    expect(items[0]).toMatchObject({ id: piles.id, nodeId: compound });
    expect(items[0]!.score).toBeGreaterThan(items[2]!.score);
    expect(items[2]).toMatchObject({ id: shed.id });
    expect(items[2]!.score).toBeGreaterThanOrEqual(0.2);
    expect((await get(`/topics/${wires.id}/similar`, otherStaff)).statusCode).toBe(404);
    expect((await get(`/topics/${wires.id}/similar`, resident)).statusCode).toBe(403);

    const merged = await post(`/topics/${wires.id}/merge`, staff, { version: wires.version, intoId: piles.id });
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoId: piles.id });
    const after = (await get(`/topics/${shed.id}/similar`, staff)).json().items as { id: string }[];
    expect(after.map((t) => t.id)).toContain(piles.id);
    expect(after.map((t) => t.id)).not.toContain(wires.id);
  });

  it('serves the scope lists and their history, edited by the county only', async () => {
    const kinds = (await get('/scope-kinds', staff)).json().items as { list: string }[];
    expect(kinds.filter((k) => k.list === 'allowed')).toHaveLength(9);
    const county = await login(app, world.accounts.county!.username, world.accounts.county!.password);
    const saved = await app.inject({
      method: 'POST',
      url: '/api/v1/deliberation/scope-kinds',
      headers: county.headers,
      payload: { code: 'greening', list: 'allowed', name: '绿化养护' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/deliberation/scope-kinds',
      headers: staff.headers,
      payload: { code: 'greening', list: 'allowed', name: '不行' },
    });
    expect(refused.statusCode).toBe(403);
    expect((await get('/scope-changes', staff)).json().items[0]).toMatchObject({ code: 'greening', action: 'update' });
  });

  it("keeps a station's own lists with the reason in its history, apart from the county's", async () => {
    const station = await database.db.transaction((tx) =>
      createStation(tx, world.ctx.community, { name: '东苑毫议站', kind: 'station', nodeId: world.tree.compounds[0]!.id }),
    );
    const set = await post('/station-scope', staff, {
      stationId: station.id,
      code: 'elevator',
      list: 'excluded',
      reason: '均为多层，无加装条件',
    });
    expect(set.statusCode, set.body).toBe(200);
    const kinds = (await get(`/scope-kinds?stationId=${station.id}`, staff)).json().items as { code: string }[];
    expect(kinds.find((k) => k.code === 'elevator')).toMatchObject({ list: 'excluded', countyList: 'allowed', overridden: true });
    const history = (await get(`/scope-changes?stationId=${station.id}`, staff)).json().items;
    expect(history).toEqual([
      expect.objectContaining({
        stationId: station.id,
        code: 'elevator',
        action: 'override',
        reason: '均为多层，无加装条件',
        after: { list: 'excluded', overridden: true },
      }),
    ]);
    expect((await get('/scope-changes', staff)).json().items.map((c: { stationId: string | null }) => c.stationId)).not.toContain(
      station.id,
    );
    expect((await post('/station-scope', otherStaff, { stationId: station.id, code: 'elevator', list: null })).statusCode).toBe(404);
    expect((await get(`/scope-changes?stationId=${station.id}`, otherStaff)).statusCode).toBe(404);
  });
});
