import { accountsModule } from '@linli/accounts';
import { createAccount } from '@linli/accounts/testing';
import { loadConfig, type ModuleDeps } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildApp, type LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peopleModule } from './module.ts';
import { auditCount, buildTwoCommunities, insertNode, insertResident, testCipher, validIdNumber } from './testing.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let residentId: string;
const phone = '13812345678';
const idNumber = validIdNumber('37078519580301002');
const sessions: Record<'staffA' | 'staffB' | 'property' | 'otherTenant', Session> = {} as never;

beforeAll(async () => {
  database = await createTestDatabase();
  const deps: ModuleDeps = {
    database,
    db: database.db,
    cipher: testCipher,
    config: { ...loadConfig({}), rateLimit: { apiPerMinute: 100_000, loginPerMinute: 100_000 } },
  };
  app = await buildApp({ deps, modules: [accountsModule, peopleModule] });
  await app.ready();
  tree = await buildTwoCommunities(database.db);
  ({ id: residentId } = await insertResident(database.db, tree.a.h101, { name: '王秀兰', phone, idNumber, tags: ['高龄', '独居'] }));
  await insertResident(database.db, tree.b.h101, { name: '康成居民', phone: '13900000000' });
  const accounts = [
    ['staffA', '370785', 'community_staff', tree.a.community.id],
    ['staffB', '370785', 'community_staff', tree.b.community.id],
    ['property', '370785', 'property_staff', tree.a.community.id],
    ['otherTenant', '532601', 'subdistrict_staff', tree.other.county.id],
  ] as const;
  for (const [name, tenantId, role, nodeId] of accounts) {
    const account = await createAccount(database.db, { tenantId, username: `people.${name}`, grants: [{ role, nodeId }] });
    sessions[name] = await login(app, account.username, account.password);
  }
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (who: keyof typeof sessions, url: string) =>
  app.inject({ method: 'GET', url: `/api/v1${url}`, headers: sessions[who].headers });
const post = (who: keyof typeof sessions, url: string, payload: object = {}) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: sessions[who].headers, payload });
const reveals = (result?: string) => auditCount(database.db, { tenantId: '370785', action: 'people.reveal', targetId: residentId, result });

describe('people HTTP API', () => {
  it('lists only residents in scope, masked, with no stored forms in the body', async () => {
    const res = await get('staffA', '/people/residents');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      name: '王秀兰',
      phone: '138****5678',
      idNumber: `370785********${idNumber.slice(-4)}`,
      householdPath: ['朝阳街道', '凤凰社区', '凤凰小区', '1号楼', '1单元', '101'],
      gender: null,
      tags: ['高龄', '独居'],
    });
    expect(res.body).not.toContain(phone);
    expect(res.body).not.toContain(idNumber);
    expect(res.body).not.toMatch(/_enc|_hash|v1\./);
    expect(await reveals()).toBe(0);
  });

  it('finds a resident by exact phone or ID number through the keyed hash, and filters by tag', async () => {
    expect((await get('staffA', `/people/residents?q=${phone}`)).json().items.map((r: { id: string }) => r.id)).toEqual([residentId]);
    expect((await get('staffA', `/people/residents?q=${idNumber}`)).json().items).toHaveLength(1);
    expect((await get('staffA', `/people/residents?q=13800000000`)).json().items).toHaveLength(0);
    expect((await get('staffA', `/people/residents?tag=${encodeURIComponent('独居')}`)).json().items).toHaveLength(1);
    expect((await get('staffA', `/people/residents?tag=${encodeURIComponent('残疾')}`)).json().items).toHaveLength(0);
  });

  it('masks the detail and writes no reveal audit for it', async () => {
    const res = await get('staffA', `/people/residents/${residentId}`);
    expect(res.json()).toMatchObject({ phone: '138****5678' });
    expect(await reveals()).toBe(0);
    expect((await get('staffB', `/people/residents/${residentId}`)).statusCode).toBe(404);
  });

  it('reveals to people.pii on the household and audits it in the same request', async () => {
    const res = await post('staffA', `/people/residents/${residentId}/reveal`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ phone, idNumber });
    expect(await reveals('ok')).toBe(1);
    const [event] = await database.query<{ details: { fields: string[] }; actor_name: string }>(
      `SELECT details, actor_name FROM audit_event WHERE action = 'people.reveal' AND target_id = $1 AND result = 'ok'`,
      [residentId],
    );
    expect(event).toEqual({ details: { fields: ['phone', 'idNumber'] }, actor_name: 'people.staffA' });
  });

  it('refuses (403) and audits a reveal without people.pii, from a sibling community, and from another tenant', async () => {
    const before = await reveals('denied');
    for (const who of ['property', 'staffB'] as const) {
      const res = await post(who, `/people/residents/${residentId}/reveal`);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(phone);
    }
    expect(await reveals('denied')).toBe(before + 2);
    const res = await post('otherTenant', `/people/residents/${residentId}/reveal`);
    expect(res.statusCode).toBe(403);
    expect(await auditCount(database.db, { tenantId: '532601', action: 'people.reveal', targetId: residentId, result: 'denied' })).toBe(1);
  });

  it('reveals one field on request, and accepts a POST without a body', async () => {
    const one = await post('staffA', `/people/residents/${residentId}/reveal`, { fields: ['phone'] });
    expect(one.json()).toEqual({ phone });
    const bare = await app.inject({
      method: 'POST',
      url: `/api/v1/people/residents/${residentId}/reveal`,
      headers: sessions.staffA.headers,
    });
    expect(bare.statusCode).toBe(200);
    expect(bare.json()).toEqual({ phone, idNumber });
  });

  it('pages with a cursor in the requested order without gaps or repeats', async () => {
    for (const name of ['甲', '乙', '丙', '丁']) await insertResident(database.db, tree.a.h102, { name, isPartyMember: name === '丙' });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = (
        await get('staffA', `/people/residents?limit=2&sort=-name${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      names.push(...page.items.map((r) => r.name));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await get('staffA', '/people/residents?limit=500&sort=-name')).json().items.map((r: { name: string }) => r.name);
    expect(names).toEqual(all);
    expect(new Set(names).size).toBe(names.length);
    expect((await get('staffA', '/people/residents?isPartyMember=true')).json().items.map((r: { name: string }) => r.name)).toEqual(['丙']);
  });

  it('answers 401 to an anonymous reveal', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/people/residents/${residentId}/reveal`, payload: {} });
    expect(res.statusCode).toBe(401);
  });

  it('validates phone and ID number on create with field details, and derives birth date and gender', async () => {
    const bad = await post('staffA', '/people/residents', {
      householdId: tree.a.h102.id,
      name: '张三',
      phone: '1234',
      idNumber: '370785195803010021',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { field: 'phone', reason: 'is not a mainland mobile number or a landline with area code' },
      { field: 'idNumber', reason: 'is not a valid 18-digit resident identity number (check digit)' },
    ]);
    const good = await post('staffA', '/people/residents', {
      householdId: tree.a.h102.id,
      name: '张三',
      phone: '139 1234 0000',
      idNumber: validIdNumber('37078519800202003'),
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ phone: '139****0000', birthDate: '1980-02-02', gender: 'male' });
    // Another community's household answers like one that does not exist.
    const outside = await post('staffA', '/people/residents', { householdId: tree.b.h102.id, name: '越权' });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.details).toEqual([{ field: 'householdId', reason: 'not found' }]);
  });

  it('exports the list to Excel with masked data only', async () => {
    const res = await get('staffA', '/people/residents/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values = JSON.stringify(workbook.worksheets[0]?.getSheetValues());
    expect(values).toContain('138****5678');
    expect(values).not.toContain(phone);
    expect(values).not.toContain('康成居民');
  });

  it('appoints a building leader only for a resident living in that building', async () => {
    const ok = await post('staffA', '/people/leaders', { nodeId: tree.a.building.id, residentId, role: 'building_leader' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ nodeName: '1号楼', residentName: '王秀兰', phone: '138****5678' });
    const wrongKind = await post('staffA', '/people/leaders', { nodeId: tree.a.building.id, residentId, role: 'entrance_leader' });
    expect(wrongKind.json().error.details).toEqual([{ field: 'nodeId', reason: 'must be a entrance for the role entrance_leader' }]);
    const list = await get('staffA', `/people/leaders?nodeId=${tree.a.community.id}`);
    expect(list.json().items).toHaveLength(1);
    const removed = await app.inject({ method: 'DELETE', url: `/api/v1/people/leaders/${ok.json().id}`, headers: sessions.staffA.headers });
    expect(removed.statusCode).toBe(204);
  });
});

describe('least privilege: what each role sees of residents (docs/privacy-matrix.md)', () => {
  // A household of 凤凰小区 with a head (the contact person) and a member with sensitive data.
  const childId = validIdNumber('37078520100505001');
  let headId: string;
  let childIdRow: string;
  let household: Awaited<ReturnType<typeof insertNode>>;
  const sensitiveKeys = ['gender', 'birthDate', 'idNumber', 'tags', 'isPartyMember', 'note'];

  beforeAll(async () => {
    household = await insertNode(database.db, { parent: tree.a.entrance, kind: 'household', name: '201' });
    ({ id: childIdRow } = await insertResident(database.db, household, {
      name: '李小残',
      relation: '子女',
      idNumber: childId,
      birthDate: '2010-05-05',
      tags: ['残疾', '低保'],
      isPartyMember: true,
      note: '肢体残疾二级',
    }));
    ({ id: headId } = await insertResident(database.db, household, { name: '李户主', relation: '户主', phone: '13955556666' }));
  });

  const noSensitive = (text: string) => {
    for (const word of [
      '独居',
      '残疾',
      '低保',
      '高龄',
      '肢体',
      '2010-05-05',
      childId.slice(-4),
      idNumber.slice(-4),
      'isPartyMember',
      '党员',
    ]) {
      expect(text).not.toContain(word);
    }
  };

  it('property staff list only each household’s contact person, without any sensitive field', async () => {
    const res = await get('property', `/people/residents?nodeId=${household.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        id: headId,
        householdId: household.id,
        householdPath: ['朝阳街道', '凤凰社区', '凤凰小区', '1号楼', '1单元', '201'],
        name: '李户主',
        relation: '户主',
        phone: '139****6666',
      },
    ]);
    expect(res.json().total).toBe(1);
    const all = await get('property', '/people/residents?limit=500');
    expect(all.statusCode).toBe(200);
    for (const item of all.json().items) for (const key of sensitiveKeys) expect(item).not.toHaveProperty(key);
    expect(all.json().items.map((r: { name: string }) => r.name)).toContain('王秀兰');
    expect(all.json().items.map((r: { name: string }) => r.name)).not.toContain('李小残');
    noSensitive(all.body);
  });

  it('property staff get the contact’s detail without sensitive fields, and 404 for the other members', async () => {
    const head = await get('property', `/people/residents/${headId}`);
    expect(head.statusCode).toBe(200);
    for (const key of sensitiveKeys) expect(head.json()).not.toHaveProperty(key);
    const wang = await get('property', `/people/residents/${residentId}`);
    expect(wang.statusCode).toBe(200);
    noSensitive(wang.body);
    expect((await get('property', `/people/residents/${childIdRow}`)).statusCode).toBe(404);
  });

  it('property staff may not filter or sort on sensitive fields, nor find a resident by ID number', async () => {
    for (const query of [`tag=${encodeURIComponent('独居')}`, 'isPartyMember=true', 'sort=-birthDate']) {
      for (const url of [`/people/residents?${query}`, `/people/residents/export.xlsx?${query}`]) {
        const res = await get('property', url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().error.details[0].field).toBe(query.split('=')[0]);
      }
    }
    const byId = await get('property', `/people/residents?q=${idNumber}`);
    expect(byId.statusCode).toBe(200);
    expect(byId.json().items).toEqual([]);
    // The phone, which property staff see masked, still finds its contact.
    expect((await get('property', '/people/residents?q=13955556666')).json().items.map((r: { id: string }) => r.id)).toEqual([headId]);
  });

  it('the property staff’s Excel export has no sensitive column', async () => {
    const res = await get('property', '/people/residents/export.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '与户主关系', '手机号码', '住址']);
    const values = JSON.stringify(sheet.getSheetValues());
    expect(values).toContain('李户主');
    expect(values).toContain('139****6666');
    expect(values).not.toContain('李小残');
    noSensitive(values);
  });

  it('a community worker still sees every member and every field, filters on tags and exports them', async () => {
    const list = await get('staffA', `/people/residents?nodeId=${household.id}`);
    expect(
      list
        .json()
        .items.map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(['李小残', '李户主'].sort());
    const child = await get('staffA', `/people/residents/${childIdRow}`);
    expect(child.json()).toMatchObject({
      birthDate: '2010-05-05',
      idNumber: `370785********${childId.slice(-4)}`,
      tags: ['残疾', '低保'],
      isPartyMember: true,
      note: '肢体残疾二级',
    });
    const byTag = await get('staffA', `/people/residents?tag=${encodeURIComponent('残疾')}`);
    expect(byTag.json().items.map((r: { id: string }) => r.id)).toEqual([childIdRow]);
    expect((await get('staffA', `/people/residents?q=${childId}`)).json().items.map((r: { id: string }) => r.id)).toEqual([childIdRow]);
    const file = await get('staffA', '/people/residents/export.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '姓名',
      '性别',
      '出生日期',
      '与户主关系',
      '手机号码',
      '身份证号',
      '住址',
      '标签',
      '党员',
    ]);
    expect(JSON.stringify(sheet.getSheetValues())).toContain('残疾、低保');
  });
});
