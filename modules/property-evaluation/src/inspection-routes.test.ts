import { createAccount } from '@linli/accounts/testing';
import { shanghaiDay } from '@linli/calendar';
import type { FileStore, ModuleManifest } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertyEvaluationModule } from './module.ts';
import { propertyEvaluationRoutes } from './routes.ts';
import { quarterOf } from './vocabulary.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let staffA: Session;
let staffB: Session;
let county: Session;
let resident: Session;
const store = new Map<string, Buffer>();
const files: FileStore = {
  put: async (key, bytes) => {
    store.set(key, Buffer.from(bytes));
  },
  get: async (key) => store.get(key),
  delete: async (key) => {
    store.delete(key);
  },
};
const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const api = '/api/v1/property-evaluation';
const today = shanghaiDay(new Date());

const withFiles: ModuleManifest = {
  ...propertyEvaluationModule,
  abilities: undefined,
  errors: undefined,
  demo: undefined,
  routes: (root, deps) => propertyEvaluationRoutes(root, { ...deps, files }),
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [withFiles]);
  tree = await buildTwoCommunities(database.db);
  const account = async (username: string, role: 'community_staff' | 'county_staff' | 'resident', node: { id: string }) => {
    const a = await createAccount(database.db, { tenantId: '370785', username, grants: [{ role, nodeId: node.id }] });
    return login(app, a.username, a.password);
  };
  staffA = await account('pi.staff.a', 'community_staff', tree.a.community);
  staffB = await account('pi.staff.b', 'community_staff', tree.b.community);
  county = await account('pi.county', 'county_staff', tree.county);
  resident = await account('pi.res.a101', 'resident', tree.a.h101);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const send = (s: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
  app.inject({ method, url: `${api}${url}`, headers: s.headers, payload });
const get = (s: Session, url: string) => app.inject({ url: `${api}${url}`, headers: s.headers });
const upload = (s: Session, url: string, bytes: Buffer, name = 'photo.png') => {
  const boundary = '----linlitest';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `${api}${url}`,
    headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
};
const count = async (table: string) => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;

describe('staff inspections, weights and combined scores over HTTP', () => {
  let items: { id: string; label: string }[];
  let inspectionA: string;

  it('keeps the county’s checklist (county staff only), the same item for a label kept', async () => {
    expect((await send(staffA, 'PUT', '/checklist', { labels: ['环境卫生'] })).statusCode).toBe(403);
    const first = await send(county, 'PUT', '/checklist', { labels: ['环境卫生', '秩序维护', '绿化养护'] });
    expect(first.statusCode, first.body).toBe(200);
    const again = await send(county, 'PUT', '/checklist', { labels: ['秩序维护', '环境卫生', '设施设备'] });
    items = again.json().items;
    expect(items.map((i) => i.label)).toEqual(['秩序维护', '环境卫生', '设施设备']);
    const before = first.json().items.find((i: { label: string }) => i.label === '环境卫生').id;
    expect(items.find((i) => i.label === '环境卫生')?.id).toBe(before);
    const repeated = await send(county, 'PUT', '/checklist', { labels: ['环境卫生', '环境卫生'] });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.body).toContain('labels/1');
    expect((await get(staffA, '/checklist')).json().items).toHaveLength(3);
  });

  it('records inspections in scope with a result for every item, lists, filters, sorts and exports them', async () => {
    const results = (passes: boolean[]) =>
      items.map((i, k) => ({ itemId: i.id, passed: passes[k], note: passes[k] ? undefined : '需整改' }));
    const a = await send(staffA, 'POST', '/inspections', {
      compoundId: tree.a.compound.id,
      inspectedOn: today,
      note: '季度检查',
      results: results([true, false, true]),
    });
    expect(a.statusCode, a.body).toBe(201);
    inspectionA = a.json().id;
    expect(a.json()).toMatchObject({ compoundName: '凤凰小区', items: 3, passed: 2, passRate: 0.6667, photos: 0, note: '季度检查' });
    expect(a.json().results.find((r: { passed: boolean }) => !r.passed)).toMatchObject({ label: '环境卫生', note: '需整改' });
    const b = await send(staffB, 'POST', '/inspections', {
      compoundId: tree.b.compound.id,
      inspectedOn: '2026-01-05',
      results: results([true, true, true]),
    });
    expect(b.statusCode, b.body).toBe(201);
    // Another community's compound: like an unknown one; a missing result names the item; nothing written.
    const before = await count('property_inspection');
    expect(
      (
        await send(staffA, 'POST', '/inspections', {
          compoundId: tree.b.compound.id,
          inspectedOn: today,
          results: results([true, true, true]),
        })
      ).statusCode,
    ).toBe(404);
    const missing = await send(staffA, 'POST', '/inspections', {
      compoundId: tree.a.compound.id,
      inspectedOn: today,
      results: results([true, true, true]).slice(1),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('秩序维护');
    expect(
      (
        await send(staffA, 'POST', '/inspections', {
          compoundId: tree.a.compound.id,
          inspectedOn: '2026-13-01',
          results: results([true, true, true]),
        })
      ).statusCode,
    ).toBe(400);
    expect(await count('property_inspection')).toBe(before);
    // The county sees both, community staff their own.
    expect((await get(county, '/inspections')).json().items).toHaveLength(2);
    expect((await get(staffA, '/inspections')).json().items.map((i: { id: string }) => i.id)).toEqual([inspectionA]);
    const byRate = (await get(county, '/inspections?sort=passRate')).json().items.map((i: { compoundName: string }) => i.compoundName);
    expect(byRate).toEqual(['凤凰小区', '康成小区']);
    const inB = (await get(county, `/inspections?nodeId=${tree.b.community.id}`)).json().items;
    expect(inB.map((i: { compoundName: string }) => i.compoundName)).toEqual(['康成小区']);
    const january = (await get(county, '/inspections?from=2026-01-01&to=2026-01-31')).json().items;
    expect(january.map((i: { compoundName: string }) => i.compoundName)).toEqual(
      today.startsWith('2026-01') ? ['凤凰小区', '康成小区'] : ['康成小区'],
    );
    const paged = await get(county, '/inspections?limit=1&sort=-passRate');
    expect(paged.json().items[0].compoundName).toBe('康成小区');
    const next = await get(county, `/inspections?limit=1&sort=-passRate&cursor=${paged.json().nextCursor}`);
    expect(next.json().items[0].compoundName).toBe('凤凰小区');
    const file = await get(county, '/inspections/export.xlsx');
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('takes a photo by its bytes, not its name, and serves it back in scope only', async () => {
    const fake = await upload(staffA, `/inspections/${inspectionA}/photos`, Buffer.from('not an image at all'), 'photo.png');
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('file');
    expect(await count('property_inspection_photo')).toBe(0);
    const ok = await upload(staffA, `/inspections/${inspectionA}/photos`, onePixelPng, '../../现场.png');
    expect(ok.statusCode, ok.body).toBe(201);
    const [photo] = ok.json().photoList;
    expect(photo).toMatchObject({ fileName: '现场.png', contentType: 'image/png', size: onePixelPng.length });
    expect(ok.json().photos).toBe(1);
    const back = await get(staffA, `/inspections/${inspectionA}/photos/${photo.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(onePixelPng)).toBe(true);
    expect((await get(staffB, `/inspections/${inspectionA}/photos/${photo.id}`)).statusCode).toBe(404);
    expect((await upload(staffB, `/inspections/${inspectionA}/photos`, onePixelPng)).statusCode).toBe(404);
  });

  it('previews an open round’s combined scores, keeps them with the weights at close, and the phone shows the result', async () => {
    expect((await get(staffA, '/weights')).json()).toMatchObject({ version: 0, residents: 0.6, demands: 0.25, inspections: 0.15 });
    expect((await send(staffA, 'POST', '/weights', { residents: 1, demands: 0, inspections: 0 })).statusCode).toBe(403);
    const w = await send(county, 'POST', '/weights', { residents: 0.8, demands: 0, inspections: 0.2 });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ version: 1, residents: 0.8, inspections: 0.2 });
    const period = quarterOf(today);
    const round = await send(county, 'POST', '/rounds', { nodeId: tree.county.id, period, opensOn: '2026-01-01', closesOn: '2099-12-31' });
    const roundId = round.json().id;
    const rate = await app.inject({
      method: 'POST',
      url: '/api/v1/me/property-evaluation',
      headers: resident.headers,
      payload: { roundId, cleaning: 5, security: 5, greening: 4, repairs: 4, manners: 4, fees: 3 },
    });
    expect(rate.statusCode, rate.body).toBe(201);
    // 凤凰小区: residents (5+5+4+4+4+3)/6 = 4.1667 stars → 83.3; inspections 2 of 3 this quarter → 66.7;
    //   (0.8·83.3 + 0.2·66.7) / 1 = 80.0 (no demands: the weight 0 changes nothing).
    const preview = await get(county, `/rounds/${roundId}/scores`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ final: false, weights: { version: 1 } });
    const phoenix = preview.json().rows.find((r: { name: string }) => r.name === '凤凰小区');
    expect(phoenix).toMatchObject({ residentScore: 83.3, inspectionScore: 66.7, combined: 80 });
    const closed = await send(county, 'POST', `/rounds/${roundId}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    // A later weights version leaves the closed round as it was.
    await send(county, 'POST', '/weights', { residents: 0.1, demands: 0.1, inspections: 0.8 });
    const kept = await get(county, `/rounds/${roundId}/scores`);
    expect(kept.json()).toMatchObject({ final: true, weights: { version: 1, residents: 0.8 } });
    expect(kept.json().rows[0]).toMatchObject({ rank: 1, name: '凤凰小区', combined: 80 });
    expect((await get(county, `/rounds/${roundId}/scores?sort=name`)).statusCode).toBe(200);
    const file = await get(county, `/rounds/${roundId}/scores/export.xlsx?by=company`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get(staffA, `/rounds/${roundId}/scores`)).statusCode).toBe(404);
    const mine = (await app.inject({ url: '/api/v1/me/property-evaluation', headers: resident.headers })).json();
    expect(mine.lastResult).toMatchObject({ period, score: 80, residentScore: 83.3, rank: 1 });
  });
});
