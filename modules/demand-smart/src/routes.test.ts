import { buildDemandWorld, contextOf, countWhere, type DemandWorld } from '@linli/demands/testing';
import { createTestApp, login, type Session, type TestApp } from '@linli/server/test/helpers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemands } from './synthetic-demands.ts';
import { insertDemands } from './testing.ts';

let t: TestApp;
let world: DemandWorld;
type Who = keyof DemandWorld['ctx'] | 'admin';
const sessions = {} as Record<Who, Session>;
const ids: Record<string, string> = {};

const CHARGING = '楼道里有人给电动车飞线充电，很危险，希望物业管一管';

beforeAll(async () => {
  t = await createTestApp();
  world = await buildDemandWorld(t.deps.db);
  const admin = await contextOf(t.deps.db, world.tenantId, 'system_admin', world.tree.county, 'admin');
  for (const [who, account] of [...Object.entries(world.accounts), ['admin', admin.account] as const]) {
    sessions[who as Who] = await login(t.app, account.username, account.password);
  }
  const h = world.tree.households;
  const now = Date.now();
  const made = await insertDemands(t.deps.db, world, [
    { text: CHARGING, category: 'safety', status: 'dispatched', nodeId: h[2]!.id, submittedAt: new Date(now - 3 * 86_400_000) },
    { text: CHARGING, category: 'safety', status: 'submitted', nodeId: h[3]!.id, submittedAt: new Date(now - 86_400_000) },
    { text: CHARGING, category: 'safety', status: 'submitted', nodeId: h[40]!.id, submittedAt: new Date(now - 86_400_000) },
  ]);
  [ids.open, ids.twin, ids.elsewhere] = [made[0]!, made[1]!, made[2]!];
  // A month of parking complaints at compounds[0], for the hot spots and themes.
  await insertDemands(
    t.deps.db,
    world,
    Array.from({ length: 6 }, (_, i) => ({
      text: `车位被占${i}`,
      category: 'illegal_parking',
      status: 'in_progress',
      nodeId: h[i]!.id,
      submittedAt: new Date('2026-05-10T10:00:00+08:00'),
    })),
  );
});
afterAll(async () => {
  await t?.close();
});

const api = (who: Who | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who ? sessions[who].headers : {}, ...(payload ? { payload } : {}) });

describe('smart intake HTTP API', () => {
  it('suggests categories, levels and similar open demands to staff (its latency is measured by the bench: resident_suggest)', async () => {
    const body = { title: '电动车楼道充电', description: '有人把电动车推进楼道飞线充电', nodeId: world.tree.households[0]!.id };
    const res = await api('grid', 'POST', '/demands/suggest', body);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ source: 'builtin', modelTrainedAt: null });
    expect(s.categories).toHaveLength(3);
    expect(s.categories[0]).toMatchObject({ code: 'safety', categoryId: world.categories.safety });
    expect(s.levels.length).toBeGreaterThan(0);
    expect(s.similar.map((d: { id: string }) => d.id).sort()).toEqual([ids.open, ids.twin].sort());
  });

  it('shows a resident similar demands of their compound with public fields only', async () => {
    const res = await api('resident', 'POST', '/demands/suggest', { description: CHARGING, nodeId: world.tree.households[0]!.id });
    expect(res.statusCode).toBe(200);
    const similar = res.json().similar as Record<string, unknown>[];
    expect(similar.map((d) => d.id).sort()).toEqual([ids.open, ids.twin].sort());
    for (const d of similar)
      expect(Object.keys(d).sort()).toEqual(['id', 'matchedBy', 'mine', 'number', 'score', 'status', 'submittedAt', 'title']);
    // Nothing of who reported: no reporter field, no phone (masked or not) — ids are random hex and may hold any digits.
    expect(res.body).not.toMatch(/reporter|phone|\*\*\*\*/);
  });

  it('answers bad input with 4xx and the field, never 500', async () => {
    const empty = await api('grid', 'POST', '/demands/suggest', { description: '   ' });
    expect(empty.statusCode).toBe(400);
    expect((await api('grid', 'POST', '/demands/suggest', { description: 'x', extra: 1 })).statusCode).toBe(400);
    const unknown = await api('grid', 'POST', '/demands/suggest', { description: 'x', nodeId: '01900000-0000-7000-8000-000000000009' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ field: 'nodeId', reason: 'is not a place in this county' }]);
    expect((await api(null, 'POST', '/demands/suggest', { description: 'x' })).statusCode).toBe(401);
    expect((await api('grid', 'GET', `/demands/${ids.open}/similar?windowDays=0`)).statusCode).toBe(400);
    expect((await api('community', 'GET', `/demands/hotspots?nodeId=${world.tree.communities[0]!.id}&month=2026-13`)).statusCode).toBe(400);
    expect(
      (await api('community', 'POST', '/demand-themes', { month: '2026-05', nodeId: 'x', categoryId: 'y', title: '' })).statusCode,
    ).toBe(400);
  });

  it('lists demands to link or merge, scope-checked', async () => {
    const res = await api('grid', 'GET', `/demands/${ids.open}/similar`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toMatchObject([{ id: ids.twin, suggestion: 'merge', matchedBy: 'node', categoryName: '安全隐患' }]);
    expect((await api('otherCommunity', 'GET', `/demands/${ids.open}/similar`)).statusCode).toBe(404);
    expect((await api('resident', 'GET', `/demands/${ids.open}/similar`)).statusCode).toBe(403);
  });

  it('shows the classifier and retrains it for demand.configure only, audited, with the accuracy', async () => {
    const status = await api('community', 'GET', '/demand-classifier');
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ trained: false, source: 'builtin' });
    expect((await api('resident', 'GET', '/demand-classifier')).statusCode).toBe(403);
    expect((await api('community', 'POST', '/demand-classifier/retrain')).statusCode).toBe(403);

    await insertDemands(
      t.deps.db,
      world,
      generateDemands({ count: 220, seed: 9 }).map((d) => ({
        text: d.text,
        category: d.category === '噪音扰民' ? 'noise' : 'other',
        level: d.level,
      })),
    );
    const audits = await countWhere(t.deps.db, 'audit_event', 'action', 'demand.classifier.retrain');
    const retrained = await api('admin', 'POST', '/demand-classifier/retrain');
    expect(retrained.statusCode).toBe(200);
    const r = retrained.json();
    expect(r).toMatchObject({ trained: true, source: 'tenant', tenantSamples: 220, trainedBy: expect.stringMatching(/^admin\./) });
    expect(r.category.accuracy).toBeGreaterThan(r.category.majorityBaseline);
    expect(await countWhere(t.deps.db, 'audit_event', 'action', 'demand.classifier.retrain')).toBe(audits + 1);
    expect((await api('community', 'GET', '/demand-classifier')).json()).toMatchObject({
      trained: true,
      modelId: r.modelId,
      source: 'tenant',
    });
    const after = (await api('grid', 'POST', '/demands/suggest', { description: '楼上装修电钻声从早响到晚，周末也不停' })).json();
    expect(after.source).toBe('tenant');
    expect(after.categories.map((c: { code: string }) => c.code)).toEqual(['noise', 'other']);
  });

  it('ranks hot spots and turns one into a monthly theme, listed and closed with its outcome', async () => {
    const hot = await api('community', 'GET', `/demands/hotspots?nodeId=${world.tree.communities[0]!.id}&month=2026-05`);
    expect(hot.statusCode).toBe(200);
    const [spot] = hot.json().items;
    expect(spot).toMatchObject({
      nodeId: world.tree.compounds[0]!.id,
      categoryName: '乱停乱放',
      count: 6,
      kinds: ['rising'],
      themeId: null,
    });
    // Another community's place reads like an unknown one.
    expect((await api('community', 'GET', `/demands/hotspots?nodeId=${world.tree.communities[2]!.id}`)).statusCode).toBe(404);

    const theme = { month: '2026-05', nodeId: spot.nodeId, categoryId: spot.categoryId, title: spot.theme, note: spot.reason };
    const created = await api('community', 'POST', '/demand-themes', theme);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await api('community', 'POST', '/demand-themes', theme)).statusCode).toBe(409);
    expect((await api('grid', 'POST', '/demand-themes', { ...theme, month: '2026-06' })).statusCode).toBe(403);

    const listed = await api('community', 'GET', `/demand-themes?month=2026-05&nodeId=${world.tree.communities[0]!.id}`);
    expect(listed.json().items).toMatchObject([{ id, status: 'open', evidence: { count: 6 } }]);
    expect((await api('otherCommunity', 'GET', '/demand-themes?month=2026-05')).json().items).toEqual([]);
    expect((await api('resident', 'GET', '/demand-themes')).statusCode).toBe(403);

    expect((await api('community', 'PATCH', `/demand-themes/${id}`, { status: 'closed' })).statusCode).toBe(400);
    const closed = await api('community', 'PATCH', `/demand-themes/${id}`, { status: 'closed', outcome: '新划车位40个，违停下降' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: '新划车位40个，违停下降' });
    expect((await api('community', 'PATCH', `/demand-themes/${id}`, { status: 'closed', outcome: 'again' })).statusCode).toBe(409);
    expect(
      (await api('community', 'GET', `/demands/hotspots?nodeId=${world.tree.communities[0]!.id}&month=2026-05`)).json().items[0].themeId,
    ).toBe(id);
  });

  it('exports the hot spots and the themes of the caller’s scope as Excel, audited', async () => {
    const community = world.tree.communities[0]!.id;
    const hot = await api('community', 'GET', `/demands/hotspots/export.xlsx?nodeId=${community}&month=2026-05`);
    expect(hot.statusCode).toBe(200);
    expect(hot.headers['content-type']).toContain('spreadsheetml');
    expect(hot.headers['content-disposition']).toContain('demand-hotspots-2026-05.xlsx');
    const sheetOf = async (body: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      return Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1));
    };
    const spots = await sheetOf(hot.rawPayload);
    expect(spots[0]!.slice(0, 4)).toEqual(['月份', '地点', '类别', '本月件数']);
    expect(spots[1]!.slice(0, 4)).toEqual(['2026-05', world.tree.compounds[0]!.name, '乱停乱放', 6]);
    expect((await api('community', 'GET', `/demands/hotspots/export.xlsx?nodeId=${world.tree.communities[2]!.id}`)).statusCode).toBe(404);

    // The theme made and closed in the test above, with its outcome; another community's worker gets an empty sheet.
    const themes = await sheetOf((await api('community', 'GET', '/demand-themes/export.xlsx?month=2026-05')).rawPayload);
    expect(themes).toHaveLength(2);
    expect(themes[1]).toEqual(expect.arrayContaining(['2026-05', '乱停乱放', '已结题', '新划车位40个，违停下降']));
    expect(await sheetOf((await api('otherCommunity', 'GET', '/demand-themes/export.xlsx?month=2026-05')).rawPayload)).toHaveLength(1);
    expect((await api('resident', 'GET', '/demand-themes/export.xlsx')).statusCode).toBe(403);
    expect(await countWhere(t.deps.db, 'audit_event', 'action', 'demand.hotspot_export')).toBe(1);
    expect(await countWhere(t.deps.db, 'audit_event', 'action', 'demand.theme_export')).toBe(2);
  });

  it('publishes every route in the OpenAPI document', async () => {
    const paths = Object.keys((await t.app.inject('/api/openapi.json')).json().paths);
    for (const p of [
      '/api/v1/demands/suggest',
      '/api/v1/demands/{id}/similar',
      '/api/v1/demand-classifier',
      '/api/v1/demand-classifier/retrain',
      '/api/v1/demands/hotspots',
      '/api/v1/demand-themes',
      '/api/v1/demand-themes/{id}',
      '/api/v1/demands/hotspots/export.xlsx',
      '/api/v1/demand-themes/export.xlsx',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
