import { createAccount } from '@linli/accounts/testing';
import type { ModuleManifest } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { submitTopic } from '@linli/deliberation';
import { buildModuleApp, contextFor } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urbanCasesModule } from './module.ts';
import { urbanCasesRoutes } from './routes.ts';
import { buildUrbanWorld, memoryFiles, multipart, onePixelPng } from './testing.ts';

let database: Database;
let app: LinliApp;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
let staffA: Session;
let staffB: Session;
let county: Session;
let otherCounty: Session;
let resident: Session;
const files = memoryFiles();
const api = '/api/v1/urban-cases';

const withFiles: ModuleManifest = {
  ...urbanCasesModule,
  abilities: undefined,
  errors: undefined,
  demo: undefined,
  routes: (root, deps) => urbanCasesRoutes(root, { ...deps, files }),
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [withFiles]);
  world = await buildUrbanWorld(database);
  const { tree } = world;
  const account = async (
    username: string,
    role: 'community_staff' | 'county_staff' | 'resident',
    node: { id: string },
    tenantId = '370785',
  ) => {
    const a = await createAccount(database.db, { tenantId, username, grants: [{ role, nodeId: node.id }] });
    return login(app, a.username, a.password);
  };
  staffA = await account('uc.a', 'community_staff', tree.a.community);
  staffB = await account('uc.b', 'community_staff', tree.b.community);
  county = await account('uc.county', 'county_staff', tree.county);
  otherCounty = await account('uc.other', 'county_staff', tree.other.county, '532601');
  resident = await account('uc.resident', 'resident', tree.a.h101);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (s: Session, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') =>
  app.inject({ method, url, headers: s.headers, payload: payload as object });
const upload = (s: Session, url: string, bytes: Buffer, fields: Record<string, string> = {}, name = 'photo.png') => {
  const { body, type } = multipart(name, bytes, fields);
  return app.inject({ method: 'POST', url, headers: { ...s.headers, 'content-type': type }, payload: body });
};
const count = async (table: string) => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;

describe('urban-management cases over HTTP', () => {
  it('records, assigns, photographs and closes a case; lists, filters, sorts and exports; totals per community', async () => {
    const { tree, departmentId } = world;
    const created = await post(staffA, `${api}/cases`, {
      kind: 'illegal_structure',
      nodeId: tree.a.building.id,
      description: '楼顶违建彩钢房',
      quantity: 35.5,
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ status: 'reported', unit: 'm2', nodeName: '1号楼', communityName: '凤凰社区', quantity: 35.5 });
    expect(c.events).toHaveLength(1);
    const second = await post(staffA, `${api}/cases`, { kind: 'rubbish', nodeId: tree.a.compound.id, description: '建筑垃圾' });
    expect(second.statusCode, second.body).toBe(201);

    const assigned = await post(staffA, `${api}/cases/${c.id}/assign`, { version: 1, departmentId, note: '限期拆除' });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'assigned', departmentId, version: 2 });
    const early = await post(staffA, `${api}/cases/${c.id}/close`, { version: 2, quantity: 40 });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('photos');
    const before = await upload(staffA, `${api}/cases/${c.id}/photos`, onePixelPng, { stage: 'before' });
    expect(before.statusCode, before.body).toBe(201);
    const after = await upload(staffA, `${api}/cases/${c.id}/photos`, onePixelPng, { stage: 'after' }, '拆除后.png');
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json()).toMatchObject({ beforePhotos: 1, afterPhotos: 1 });
    const stale = await post(staffA, `${api}/cases/${c.id}/close`, { version: 1, quantity: 40 });
    expect(stale.statusCode).toBe(409);
    const closed = await post(staffA, `${api}/cases/${c.id}/close`, { version: 2, quantity: 40.25, note: '已拆除' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', quantity: 40.25 });
    expect(closed.json().events.map((e: { action: string }) => e.action)).toEqual(['report', 'assign', 'close']);
    const photoId = closed.json().photos[1].id;
    const img = await app.inject({ url: `${api}/cases/${c.id}/photos/${photoId}`, headers: staffA.headers });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect((await app.inject({ url: `${api}/cases/${c.id}/photos/${photoId}`, headers: staffB.headers })).statusCode).toBe(404);
    expect((await post(staffA, `${api}/cases/${c.id}/assign`, { version: 3, departmentId })).statusCode).toBe(409);

    const list = await app.inject({ url: `${api}/cases?sort=quantity`, headers: staffA.headers });
    expect(list.json().items.map((i: { kind: string }) => i.kind)).toEqual(['rubbish', 'illegal_structure']);
    const paged = await app.inject({ url: `${api}/cases?sort=-quantity&limit=1`, headers: staffA.headers });
    const next = await app.inject({
      url: `${api}/cases?sort=-quantity&limit=1&cursor=${encodeURIComponent(paged.json().nextCursor)}`,
      headers: staffA.headers,
    });
    expect(next.json().items.map((i: { kind: string }) => i.kind)).toEqual(['rubbish']);
    const filtered = await app.inject({
      url: `${api}/cases?kind=illegal_structure&status=closed&nodeId=${tree.a.compound.id}`,
      headers: staffA.headers,
    });
    expect(filtered.json().items).toHaveLength(1);
    expect((await app.inject({ url: `${api}/cases`, headers: staffB.headers })).json().items).toEqual([]);
    expect((await app.inject({ url: `${api}/cases`, headers: otherCounty.headers })).json().items).toEqual([]);
    const file = await app.inject({ url: `${api}/cases/export.xlsx?kind=illegal_structure`, headers: staffA.headers });
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(2).getCell(1).value).toBe('违建拆除');

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 32 * 3_600_000).toISOString().slice(0, 10);
    const totals = await app.inject({ url: `${api}/totals?from=2020-01-01&to=${tomorrow}&by=community`, headers: county.headers });
    expect(totals.statusCode, totals.body).toBe(200);
    expect(totals.json().rows.map((r: { name: string; illegalStructureAreaM2: number }) => [r.name, r.illegalStructureAreaM2])).toEqual([
      ['凤凰社区', 40.25],
      ['康成社区', 0],
    ]);
    expect(totals.json().total).toMatchObject({ illegalStructuresRemoved: 1, illegalStructureAreaM2: 40.25 });
    const mine = await app.inject({ url: `${api}/totals?from=2020-01-01&to=${tomorrow}`, headers: staffB.headers });
    expect(mine.json().rows).toEqual([expect.objectContaining({ name: '朝阳街道', illegalStructuresRemoved: 0 })]);
    const xlsx = await app.inject({
      url: `${api}/totals/export.xlsx?from=2020-01-01&to=${tomorrow}&by=community`,
      headers: county.headers,
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const backwards = await app.inject({ url: `${api}/totals?from=${today}&to=2020-01-01`, headers: county.headers });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('to');
  });

  it('answers another community’s or county’s ids like unknown ones and refuses bad input naming the field', async () => {
    const { tree, departmentId, otherDepartmentId } = world;
    const other = await post(staffB, `${api}/cases`, { kind: 'clutter', nodeId: tree.a.compound.id, description: '越权' });
    expect(other.statusCode).toBe(404);
    const foreign = await post(otherCounty, `${api}/cases`, { kind: 'clutter', nodeId: tree.a.compound.id, description: '越权' });
    expect(foreign.statusCode).toBe(404);
    const community = await post(staffA, `${api}/cases`, { kind: 'clutter', nodeId: tree.a.community.id, description: '社区' });
    expect(community.statusCode).toBe(400);
    expect(community.body).toContain('nodeId');
    const fractional = await post(staffA, `${api}/cases`, {
      kind: 'parking',
      nodeId: tree.a.compound.id,
      description: '车位',
      quantity: 2.5,
    });
    expect(fractional.statusCode).toBe(400);
    expect(fractional.body).toContain('quantity');
    const zero = await post(staffA, `${api}/cases`, { kind: 'rubbish', nodeId: tree.a.compound.id, description: '垃圾', quantity: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain('quantity');
    const nul = await post(staffA, `${api}/cases`, { kind: 'rubbish', nodeId: tree.a.compound.id, description: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('description');
    const kind = await post(staffA, `${api}/cases`, { kind: 'graffiti', nodeId: tree.a.compound.id, description: '涂鸦' });
    expect(kind.statusCode).toBe(400);
    expect(kind.body).toContain('kind');

    const c = (await post(staffA, `${api}/cases`, { kind: 'clutter', nodeId: tree.a.compound.id, description: '楼道堆物' })).json();
    const reads = [`${api}/cases/${c.id}`];
    for (const url of reads) {
      expect((await app.inject({ url, headers: staffB.headers })).statusCode).toBe(404);
      expect((await app.inject({ url, headers: otherCounty.headers })).statusCode).toBe(404);
    }
    const byB = await post(staffB, `${api}/cases/${c.id}/assign`, { version: 1, departmentId });
    expect(byB.statusCode).toBe(404);
    const otherDepartment = await post(staffA, `${api}/cases/${c.id}/assign`, { version: 1, departmentId: otherDepartmentId });
    const unknownDepartment = await post(staffA, `${api}/cases/${c.id}/assign`, {
      version: 1,
      departmentId: '0190a000-0000-7000-8000-00000000dddd',
    });
    expect(otherDepartment.statusCode).toBe(404);
    expect(otherDepartment.body.replaceAll(otherDepartmentId, '<id>')).toBe(
      unknownDepartment.body.replace('0190a000-0000-7000-8000-00000000dddd', '<id>'),
    );
    const scopedFilter = await app.inject({ url: `${api}/cases?nodeId=${tree.b.compound.id}`, headers: staffA.headers });
    expect(scopedFilter.json().items).toEqual([]);
    expect((await upload(staffB, `${api}/cases/${c.id}/photos`, onePixelPng)).statusCode).toBe(404);
  });

  it('refuses broken and oversized uploads with 400 and stores nothing', async () => {
    const { tree } = world;
    const c = (await post(staffA, `${api}/cases`, { kind: 'clutter', nodeId: tree.a.compound.id, description: '杂物' })).json();
    const stored = files.keys().length;
    const rows = await count('urban_case_photo');
    const text = await upload(staffA, `${api}/cases/${c.id}/photos`, Buffer.from('not an image at all'), {}, 'x.png');
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain('"field":"file"');
    const big = Buffer.concat([onePixelPng, Buffer.alloc(10 * 1024 * 1024)]);
    const large = await upload(staffA, `${api}/cases/${c.id}/photos`, big);
    expect([400, 413]).toContain(large.statusCode);
    const stage = await upload(staffA, `${api}/cases/${c.id}/photos`, onePixelPng, { stage: 'during' });
    expect(stage.statusCode).toBe(400);
    expect(stage.body).toContain('stage');
    const cut = await app.inject({
      method: 'POST',
      url: `${api}/cases/${c.id}/photos`,
      headers: { ...staffA.headers, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG',
    });
    expect(cut.statusCode).toBe(400);
    const none = await app.inject({ method: 'POST', url: `${api}/cases/${c.id}/photos`, headers: staffA.headers, payload: { a: 1 } });
    expect(none.statusCode).toBe(400);
    expect(files.keys().length).toBe(stored);
    expect(await count('urban_case_photo')).toBe(rows);
  });

  it('lets a resident report in their own compound from the phone and see their reports', async () => {
    const { tree } = world;
    const reported = await post(resident, '/api/v1/me/urban-cases', { kind: 'parking', description: '希望施划车位' });
    expect(reported.statusCode, reported.body).toBe(201);
    const id = reported.json().id;
    const photo = await upload(resident, `/api/v1/me/urban-cases/${id}/photos`, onePixelPng);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({ status: 'reported', beforePhotos: 1, nodeName: '凤凰小区' });
    const mine = await app.inject({ url: '/api/v1/me/urban-cases', headers: resident.headers });
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    // The community sees it; the timeline does not name the resident.
    const seen = await app.inject({ url: `${api}/cases/${id}`, headers: staffA.headers });
    expect(seen.json()).toMatchObject({ source: 'resident', status: 'reported' });
    expect(seen.json().events[0].actorName).toBeNull();
    expect((await app.inject({ url: `${api}/cases/${id}`, headers: staffB.headers })).statusCode).toBe(404);
    const elsewhere = await post(resident, '/api/v1/me/urban-cases', {
      kind: 'parking',
      description: '别处',
      compoundId: tree.b.compound.id,
    });
    expect(elsewhere.statusCode).toBe(403);
    // Staff have no household: refused; a resident cannot reach the staff routes or another's case.
    expect((await post(staffA, '/api/v1/me/urban-cases', { kind: 'parking', description: '工作人员' })).statusCode).toBe(403);
    expect((await app.inject({ url: `${api}/cases`, headers: resident.headers })).statusCode).toBe(403);
    const staffCase = (await post(staffA, `${api}/cases`, { kind: 'clutter', nodeId: tree.a.compound.id, description: '堆物' })).json();
    expect((await upload(resident, `/api/v1/me/urban-cases/${staffCase.id}/photos`, onePixelPng)).statusCode).toBe(404);
  });
});

describe('renovation projects over HTTP', () => {
  it('records a project with funding, phases and the consultation topic, starts it, accepts it with a photo and counts it', async () => {
    const { tree } = world;
    const topic = await database.db.transaction((tx) =>
      submitTopic(tx, contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]), {
        nodeId: tree.a.compound.id,
        title: '凤凰小区改造方案',
        description: '征求居民对改造内容的意见',
      }),
    );
    const body = {
      name: '凤凰小区老旧小区改造',
      compoundIds: [tree.a.compound.id],
      scopeItems: ['greening', 'lighting', 'pipes'],
      budget: 1_200_000,
      funding: [
        { source: 'central', amount: 800_000 },
        { source: 'county', amount: 300_000 },
        { source: 'owners', amount: 100_000 },
      ],
      phases: [
        { name: '设计', plannedStart: '2026-03-01', plannedEnd: '2026-03-31' },
        { name: '施工', plannedStart: '2026-04-01', plannedEnd: '2026-08-31' },
      ],
      topicId: topic.id,
    };
    const created = await post(staffA, `${api}/renovations`, body);
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ status: 'planned', nodeId: tree.a.compound.id, compounds: [{ name: '凤凰小区' }], topicId: topic.id });
    expect(p.funding.map((f: { source: string }) => f.source)).toEqual(['central', 'county', 'owners']);
    expect(p.phases[1]).toMatchObject({ seq: 2, name: '施工', plannedEnd: '2026-08-31', actualStart: null });

    const wrongSum = await post(staffA, `${api}/renovations`, { ...body, budget: 1_000_000 });
    expect(wrongSum.statusCode).toBe(400);
    expect(wrongSum.body).toContain('funding');
    const backwards = await post(staffA, `${api}/renovations`, {
      ...body,
      phases: [{ name: '设计', plannedStart: '2026-03-01', plannedEnd: '2026-02-01' }],
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('phases[0].plannedEnd');
    const noScope = await post(staffA, `${api}/renovations`, { ...body, scopeItems: [] });
    expect(noScope.statusCode).toBe(400);
    expect(noScope.body).toContain('scopeItems');
    // Another community's compound or topic answers like an unknown one.
    expect((await post(staffB, `${api}/renovations`, body)).statusCode).toBe(404);
    const topicB = await post(staffB, `${api}/renovations`, { ...body, compoundIds: [tree.b.compound.id] });
    expect(topicB.statusCode).toBe(404);
    const unknownTopic = await post(staffB, `${api}/renovations`, {
      ...body,
      compoundIds: [tree.b.compound.id],
      topicId: '0190a000-0000-7000-8000-00000000eeee',
    });
    expect(topicB.body.replaceAll(topic.id, '<id>')).toBe(unknownTopic.body.replace('0190a000-0000-7000-8000-00000000eeee', '<id>'));
    expect((await app.inject({ url: `${api}/renovations/${p.id}`, headers: staffB.headers })).statusCode).toBe(404);
    expect((await post(staffB, `${api}/renovations/${p.id}/start`, { version: 1 })).statusCode).toBe(404);

    const updated = await post(
      staffA,
      `${api}/renovations/${p.id}`,
      { ...body, version: 1, phases: [{ ...body.phases[0], actualStart: '2026-03-02', actualEnd: '2026-03-30' }] },
      'PUT',
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().phases).toEqual([expect.objectContaining({ actualStart: '2026-03-02' })]);
    const started = await post(staffA, `${api}/renovations/${p.id}/start`, { version: 2 });
    expect(started.statusCode, started.body).toBe(200);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const noPhoto = await post(staffA, `${api}/renovations/${p.id}/accept`, { version: 3, acceptedOn: today });
    expect(noPhoto.statusCode).toBe(400);
    for (const stage of ['before', 'after', 'acceptance']) {
      const res = await upload(staffA, `${api}/renovations/${p.id}/photos`, onePixelPng, {
        stage,
        caption: stage === 'before' ? '问题小区' : '花园小区',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const future = await post(staffA, `${api}/renovations/${p.id}/accept`, { version: 3, acceptedOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('acceptedOn');
    const accepted = await post(staffA, `${api}/renovations/${p.id}/accept`, { version: 3, acceptedOn: today, note: '验收合格' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedOn: today, acceptanceNote: '验收合格' });
    expect(
      accepted
        .json()
        .photos.map((ph: { stage: string }) => ph.stage)
        .sort(),
    ).toEqual(['acceptance', 'after', 'before']);
    const photo = accepted.json().photos[0];
    expect((await app.inject({ url: `${api}/renovations/${p.id}/photos/${photo.id}`, headers: staffA.headers })).statusCode).toBe(200);
    expect((await app.inject({ url: `${api}/renovations/${p.id}/photos/${photo.id}`, headers: staffB.headers })).statusCode).toBe(404);

    await post(staffB, `${api}/renovations`, { ...body, name: '康成小区改造', compoundIds: [tree.b.compound.id], topicId: undefined });
    const counts = await app.inject({ url: `${api}/renovations/counts`, headers: county.headers });
    expect(counts.json()).toEqual({ planned: 1, in_progress: 0, accepted: 1 });
    expect((await app.inject({ url: `${api}/renovations/counts`, headers: staffB.headers })).json()).toEqual({
      planned: 1,
      in_progress: 0,
      accepted: 0,
    });
    const list = await app.inject({ url: `${api}/renovations?sort=name`, headers: county.headers });
    expect(list.json().items.map((r: { name: string }) => r.name)).toEqual(['凤凰小区老旧小区改造', '康成小区改造']);
    const exported = await app.inject({ url: `${api}/renovations/export.xlsx?status=accepted`, headers: county.headers });
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const tomorrow = new Date(Date.now() + 32 * 3_600_000).toISOString().slice(0, 10);
    const totals = await app.inject({ url: `${api}/totals?from=2020-01-01&to=${tomorrow}`, headers: county.headers });
    expect(totals.json().total.renovatedCompounds).toBe(1);
  });
});
