import { createAccount } from '@linli/accounts/testing';
import type { ModuleManifest } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliberationModule } from './module.ts';
import { memoryFiles, onePixelPng, saturdayMornings } from './station-testing.ts';
import { stationRoutes } from './stations.routes.ts';
import { publicStationRoutes } from './stations-public.routes.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let staffA: Session;
let staffB: Session;
let otherCounty: Session;
let resident: Session;
const files = memoryFiles();

/** The stations' routes with a file store in memory (abilities and errors come from the module, which the server always knows). */
const stationsOnly: ModuleManifest = {
  ...deliberationModule,
  abilities: undefined,
  errors: undefined,
  demo: undefined,
  routes: async (root, deps) => {
    for (const group of [stationRoutes, publicStationRoutes]) await root.register(async (child) => group(child, { ...deps, files }));
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [stationsOnly]);
  tree = await buildTwoCommunities(database.db);
  const grant = (node: { id: string }, role: 'community_staff' | 'county_staff' | 'resident' = 'community_staff') => [
    { role, nodeId: node.id },
  ];
  const a = await createAccount(database.db, {
    tenantId: '370785',
    username: 'station.a',
    displayName: '张秀英',
    grants: grant(tree.a.community),
  });
  const b = await createAccount(database.db, { tenantId: '370785', username: 'station.b', grants: grant(tree.b.community) });
  const o = await createAccount(database.db, {
    tenantId: '532601',
    username: 'station.o',
    grants: grant(tree.other.county, 'county_staff'),
  });
  const r = await createAccount(database.db, { tenantId: '370785', username: 'station.r', grants: grant(tree.a.h101, 'resident') });
  staffA = await login(app, a.username, a.password);
  staffB = await login(app, b.username, b.password);
  otherCounty = await login(app, o.username, o.password);
  resident = await login(app, r.username, r.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (s: Session, url: string, payload: object) => app.inject({ method: 'POST', url, headers: s.headers, payload });

function multipart(fileName: string, bytes: Buffer) {
  const boundary = '----station-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

describe('deliberation stations HTTP API', () => {
  let compoundStation: { id: string; version: number };

  it('sets up stations, lists them by level, sorted and paged, exports and maps them in scope only', async () => {
    const c = await post(staffA, '/api/v1/deliberation/stations', {
      nodeId: tree.a.compound.id,
      name: '凤凰小区议事站',
      kind: 'station',
      lat: 36.38,
      lng: 119.75,
      schedule: saturdayMornings,
    });
    expect(c.statusCode, c.body).toBe(201);
    compoundStation = c.json();
    const h = await post(staffA, '/api/v1/deliberation/stations', { nodeId: tree.a.community.id, name: '德邻议事厅', kind: 'hall' });
    expect(h.statusCode, h.body).toBe(201);

    const list = await app.inject({ url: '/api/v1/deliberation/stations?sort=name&limit=1', headers: staffA.headers });
    expect(list.json().items.map((s: { name: string }) => s.name)).toEqual(['凤凰小区议事站']);
    const next = await app.inject({
      url: `/api/v1/deliberation/stations?sort=name&limit=1&cursor=${encodeURIComponent(list.json().nextCursor)}`,
      headers: staffA.headers,
    });
    expect(next.json().items.map((s: { name: string }) => s.name)).toEqual(['德邻议事厅']);
    const compounds = await app.inject({ url: '/api/v1/deliberation/stations?level=compound', headers: staffA.headers });
    expect(compounds.json().items).toHaveLength(1);
    expect(compounds.json().items[0].nextOpening).not.toBeNull();
    const underCompound = await app.inject({ url: `/api/v1/deliberation/stations?nodeId=${tree.a.compound.id}`, headers: staffA.headers });
    expect(underCompound.json().items).toHaveLength(1);

    const map = await app.inject({ url: '/api/v1/deliberation/stations/map', headers: staffA.headers });
    expect(map.json()).toMatchObject({ points: [{ name: '凤凰小区议事站', lat: 36.38, lng: 119.75 }], withoutPlace: 1 });
    const file = await app.inject({ url: '/api/v1/deliberation/stations/export.xlsx', headers: staffA.headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');

    expect((await app.inject({ url: '/api/v1/deliberation/stations', headers: staffB.headers })).json().items).toEqual([]);
    expect((await app.inject({ url: '/api/v1/deliberation/stations', headers: otherCounty.headers })).json().items).toEqual([]);
  });

  it('refuses a station of another community or county on every read and write, and bad input by field', async () => {
    const id = compoundStation.id;
    for (const s of [staffB, otherCounty]) {
      expect((await app.inject({ url: `/api/v1/deliberation/stations/${id}`, headers: s.headers })).statusCode).toBe(404);
      expect((await app.inject({ url: `/api/v1/deliberation/stations/${id}/qr.svg`, headers: s.headers })).statusCode).toBe(404);
      const patch = await app.inject({
        method: 'PATCH',
        url: `/api/v1/deliberation/stations/${id}`,
        headers: s.headers,
        payload: { version: compoundStation.version, name: '越权' },
      });
      expect(patch.statusCode).toBe(404);
      const rules = await post(s, `/api/v1/deliberation/stations/${id}/rules`, { scopeSummary: '越权', procedure: '', meetingRules: '' });
      expect(rules.statusCode).toBe(404);
    }
    const foreignPlace = await post(staffA, '/api/v1/deliberation/stations', { nodeId: tree.b.compound.id, name: '越权', kind: 'station' });
    expect(foreignPlace.statusCode).toBe(404);
    const bad = await app.inject({
      method: 'PUT',
      url: `/api/v1/deliberation/stations/${id}/schedule`,
      headers: staffA.headers,
      payload: { schedule: { ...saturdayMornings, start: '9点' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('start');
    const missing = await post(staffA, '/api/v1/deliberation/stations', { nodeId: tree.a.compound.id, kind: 'station' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('name');
  });

  it('posts rules, takes a photo, and gives the public page only non-personal data, without a session', async () => {
    const id = compoundStation.id;
    const r = await post(staffA, `/api/v1/deliberation/stations/${id}/rules`, {
      scopeSummary: '停车管理、公共资金使用',
      procedure: '问题收集 → 确定议题 → 会议协商 → 跟踪问效',
      meetingRules: '召集人张秀英，电话13912345678，一事一议',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().rules[0]).toMatchObject({ version: 1, publishedByName: '张秀英' });
    const { body, type } = multipart('议事站.png', onePixelPng);
    const photo = await app.inject({
      method: 'POST',
      url: `/api/v1/deliberation/stations/${id}/photos`,
      headers: { ...staffA.headers, 'content-type': type },
      payload: body,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const photoId = photo.json().photos[0].id;

    const page = await app.inject(`/api/v1/public/tenants/370785/deliberation-stations/${id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ name: '凤凰小区议事站', kindName: '议事站', level: 'compound', rules: { version: 1 } });
    expect(page.json().place).toEqual(['高密市', '朝阳街道', '凤凰社区', '凤凰小区']);
    expect(page.json().openings.length).toBe(5);
    expect(page.body).not.toContain('13912345678');
    expect(page.body).toContain('139****5678');
    expect(page.body).not.toContain('station.a');
    expect(page.body).not.toContain('publishedBy');
    expect(page.body).not.toContain('议事站.png');
    const img = await app.inject(page.json().photos[0].url);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(onePixelPng)).toBe(true);

    expect((await app.inject(`/api/v1/public/tenants/532601/deliberation-stations/${id}`)).statusCode).toBe(404);
    expect((await app.inject(`/api/v1/public/tenants/532601/deliberation-stations/${id}/photos/${photoId}`)).statusCode).toBe(404);
    const off = await app.inject({
      method: 'PATCH',
      url: `/api/v1/deliberation/stations/${id}`,
      headers: staffA.headers,
      payload: { version: photo.json().version, active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await app.inject(`/api/v1/public/tenants/370785/deliberation-stations/${id}`)).statusCode).toBe(404);
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/deliberation/stations/${id}`,
      headers: staffA.headers,
      payload: { version: off.json().version, active: true },
    });
  });

  it('gives a QR code of the public page on this server', async () => {
    const qr = await app.inject({ url: `/api/v1/deliberation/stations/${compoundStation.id}/qr.svg`, headers: staffA.headers });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    expect(qr.body).toContain('<path');
  });

  it("shows the resident the stations of their compound, community and street, and nobody else's", async () => {
    const mine = await app.inject({ url: '/api/v1/deliberation/my-stations', headers: resident.headers });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((s: { name: string }) => s.name)).toEqual(['凤凰小区议事站', '德邻议事厅']);
    expect(mine.json().items[0].tenantId).toBe('370785');
    expect((await app.inject({ url: '/api/v1/deliberation/my-stations', headers: staffB.headers })).json().items).toEqual([]);
  });
});
