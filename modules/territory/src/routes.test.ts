import fs from 'node:fs';
import { accountsModule } from '@linli/accounts';
import { createAccount, TEST_PASSWORD } from '@linli/accounts/testing';
import { loadConfig, type ModuleDeps, newId } from '@linli/core';
import { type Database, one } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildApp, type LinliApp } from '@linli/server';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testCipher } from '../../../apps/server/test/helpers.ts';
import { territoryModule } from './module.ts';
import { buildSmallTree, createTenant, type SmallTree, validIdNumber } from './testing.ts';

// HTTP tests through app.inject: the territory module with the accounts module for real sessions.
let database: Database;
let app: LinliApp;
let tree: SmallTree;
let other: SmallTree;
type Headers = { cookie: string; 'x-csrf-token': string };
let worker: Headers; // community_staff on communities[0]
let reader: Headers; // county_staff on the county (read only)
let admin: Headers; // system_admin on the county

async function signIn(username: string): Promise<Headers> {
  return (await login(app, username, TEST_PASSWORD)).headers;
}

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type?: string }) {
  const boundary = '----linli-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await createTenant(db, { tenantId: '370785', name: '高密市' });
  await createTenant(db, { tenantId: '532601', name: '文山市' });
  tree = await buildSmallTree(db, '370785', '高密市');
  other = await buildSmallTree(db, '532601', '文山市');
  await createAccount(db, {
    tenantId: '370785',
    username: 'worker_a',
    grants: [{ role: 'community_staff', nodeId: tree.communities[0]!.id }],
  });
  await createAccount(db, { tenantId: '370785', username: 'reader', grants: [{ role: 'county_staff', nodeId: tree.county.id }] });
  await createAccount(db, { tenantId: '370785', username: 'admin', grants: [{ role: 'system_admin', nodeId: tree.county.id }] });
  const config = { ...loadConfig({}), rateLimit: { apiPerMinute: 100_000, loginPerMinute: 100_000 } };
  const deps: ModuleDeps = { database, db, cipher: testCipher, config };
  // Built with the two modules it needs, so the test does not depend on the server's module list.
  app = await buildApp({ deps, modules: [accountsModule, territoryModule] });
  await app.ready();
  worker = await signIn('worker_a');
  reader = await signIn('reader');
  admin = await signIn('admin');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('territory HTTP API', () => {
  it('documents every territory route in the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining(['/api/v1/territory/nodes', '/api/v1/territory/nodes/{id}/merge', '/api/v1/territory/imports/households']),
    );
  });

  it('answers 401 without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/territory/roots' });
    expect(res.statusCode).toBe(401);
  });

  it('gives a community worker their community as root, with counts', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/territory/roots', headers: worker });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({
        id: tree.communities[0]!.id,
        kind: 'community',
        childCount: 2,
        counts: expect.objectContaining({ households: 16 }),
      }),
    ]);
  });

  it('shows a node of the own community with ancestors and subtree counts', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/territory/nodes/${tree.compounds[0]!.id}`, headers: worker });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ancestors.map((a: { kind: string }) => a.kind)).toEqual(['county', 'subdistrict', 'community']);
    expect(body.counts).toEqual({
      subdistricts: 0,
      communities: 0,
      compounds: 1,
      buildings: 2,
      entrances: 4,
      households: 8,
      residents: 0,
      partyMembers: 0,
    });
  });

  it('IDOR: nodes of a sibling community and of another tenant are 404 for reading and writing', async () => {
    for (const id of [tree.compounds[2]!.id, other.compounds[0]!.id, other.county.id]) {
      const get = await app.inject({ method: 'GET', url: `/api/v1/territory/nodes/${id}`, headers: worker });
      expect(get.statusCode).toBe(404);
      const patch = await app.inject({ method: 'PATCH', url: `/api/v1/territory/nodes/${id}`, headers: worker, payload: { name: 'x' } });
      expect(patch.statusCode).toBe(404);
      const create = await app.inject({
        method: 'POST',
        url: '/api/v1/territory/nodes',
        headers: worker,
        payload: { parentId: id, kind: 'building', name: 'x' },
      });
      expect(create.statusCode).toBe(404);
    }
    const adminForeign = await app.inject({ method: 'GET', url: `/api/v1/territory/nodes/${other.county.id}`, headers: admin });
    expect(adminForeign.statusCode).toBe(404);
  });

  it('IDOR: lists never include nodes outside the caller’s territory', async () => {
    const children = await app.inject({
      method: 'GET',
      url: `/api/v1/territory/nodes?parentId=${tree.subdistricts[0]!.id}`,
      headers: worker,
    });
    expect(children.json().items.map((n: { id: string }) => n.id)).toEqual([tree.communities[0]!.id]);
    const search = await app.inject({
      method: 'GET',
      url: `/api/v1/territory/nodes?q=${encodeURIComponent('小区')}&limit=500`,
      headers: worker,
    });
    expect(search.json().items).toHaveLength(2);
    expect(search.json().total).toBe(2);
    const foreign = await app.inject({ method: 'GET', url: `/api/v1/territory/nodes?parentId=${other.county.id}`, headers: admin });
    expect(foreign.json().items).toEqual([]);
    const all = await app.inject({ method: 'GET', url: '/api/v1/territory/nodes?kind=household&limit=500', headers: admin });
    expect(all.json().total).toBe(64);
  });

  it('children lists carry childCount and per-child counts; cursors page through', async () => {
    const first = await app.inject({
      method: 'GET',
      url: `/api/v1/territory/nodes?parentId=${tree.county.id}&limit=1&sort=name`,
      headers: admin,
    });
    const page1 = first.json();
    expect(page1.items[0]).toMatchObject({ childCount: 2, counts: { communities: 2, households: 32 } });
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await app.inject({
      method: 'GET',
      url: `/api/v1/territory/nodes?parentId=${tree.county.id}&limit=1&sort=name&cursor=${page1.nextCursor}`,
      headers: admin,
    });
    expect(second.json().items[0].id).not.toBe(page1.items[0].id);
    expect(second.json().nextCursor).toBeNull();
  });

  it('a read-only role gets 403 on writes; bad input gets 400 with the field', async () => {
    const denied = await app.inject({
      method: 'PATCH',
      url: `/api/v1/territory/nodes/${tree.compounds[0]!.id}`,
      headers: reader,
      payload: { name: 'x' },
    });
    expect(denied.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/territory/nodes',
      headers: worker,
      payload: { parentId: tree.communities[0]!.id, kind: 'planet', name: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_input');
  });

  it('creates, edits and moves through the API', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/territory/nodes',
      headers: worker,
      payload: { parentId: tree.compounds[0]!.id, kind: 'building', name: '9号楼', lat: 36.4, lng: 119.7 },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/territory/nodes/${id}`,
      headers: worker,
      payload: { name: '10号楼' },
    });
    expect(patched.json()).toMatchObject({ name: '10号楼', lat: 36.4 });
    const moved = await app.inject({
      method: 'POST',
      url: `/api/v1/territory/nodes/${id}/move`,
      headers: worker,
      payload: { parentId: tree.compounds[1]!.id },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(tree.compounds[1]!.id);
    const clash = await app.inject({ method: 'PATCH', url: `/api/v1/territory/nodes/${id}`, headers: worker, payload: { name: '1号楼' } });
    expect(clash.statusCode).toBe(409);
  });

  it('imports households: 422 with every row error (ID numbers masked) and nothing written; the job keeps the report', async () => {
    const count = async () => (await one<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM territory_node`))?.n;
    const before = await count();
    const badId = `${validIdNumber('37078519800101123').slice(0, 17)}9`;
    const csv = Buffer.from(
      `小区,楼栋,单元,房号,姓名,手机号,身份证号\n新小区,1号楼,1单元,101,张三,123,${badId}\n新小区,1号楼,1单元,102,,,\n`,
    );
    const form = multipart({ communityId: tree.communities[0]!.id }, { name: 'h.csv', content: csv });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/territory/imports/households',
      headers: { ...worker, ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details as { row: number; column: string; value?: string }[];
    expect(details.map((d) => `${d.row}:${d.column}`)).toEqual(['2:手机号', '2:身份证号', '3:姓名']);
    expect(details[1]?.value).toMatch(/^370785\*{8}\d{3}[\dX]$/);
    expect(await count()).toBe(before);
    const job = await one<{ id: string }>(database.db, sql`SELECT id FROM import_job ORDER BY created_at DESC LIMIT 1`);
    const report = await app.inject({ method: 'GET', url: `/api/v1/territory/imports/${job?.id}`, headers: worker });
    expect(report.json()).toMatchObject({ status: 'failed', totalRows: 2 });
    expect(report.json().errors).toHaveLength(3);
    expect(report.json().errors[1].value).toBe(details[1]?.value);
    const notTheirs = await app.inject({ method: 'GET', url: `/api/v1/territory/imports/${job?.id}`, headers: admin });
    expect(notTheirs.statusCode).toBe(404);
    // The same account's work-order import is reported under /demand-imports, not here.
    const workOrders = '01900000-0000-7000-8000-00000000d001';
    await database.db.execute(sql`INSERT INTO import_job (tenant_id, id, kind, file_name, status, created_by)
      SELECT tenant_id, ${workOrders}::uuid, 'demands', '12345.xlsx', 'succeeded', created_by FROM import_job WHERE id = ${job!.id}::uuid`);
    const otherKind = await app.inject({ method: 'GET', url: `/api/v1/territory/imports/${workOrders}`, headers: worker });
    expect(otherKind.statusCode).toBe(404);
  });

  it('imports households into the own community and refuses a sibling community', async () => {
    const csv = Buffer.from('小区,楼栋,单元,房号,姓名\n新小区,1号楼,1单元,101,张三\n新小区,1号楼,1单元,101,李四\n');
    const ok = multipart({ communityId: tree.communities[0]!.id }, { name: 'h.csv', content: csv });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/territory/imports/households',
      headers: { ...worker, ...ok.headers },
      payload: ok.payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, created: { compounds: 1, buildings: 1, entrances: 1, households: 1, residents: 2 } });
    const job = await app.inject({ method: 'GET', url: `/api/v1/territory/imports/${res.json().jobId}`, headers: worker });
    expect(job.json()).toMatchObject({ status: 'succeeded', processedRows: 2, totalRows: 2 });
    const sibling = multipart({ communityId: tree.communities[1]!.id }, { name: 'h.csv', content: csv });
    const denied = await app.inject({
      method: 'POST',
      url: '/api/v1/territory/imports/households',
      headers: { ...worker, ...sibling.headers },
      payload: sibling.payload,
    });
    expect(denied.statusCode).toBe(404);
  });

  it('serves the import template and an Excel export limited to the scope', async () => {
    const template = await app.inject({ method: 'GET', url: '/api/v1/territory/imports/template.xlsx', headers: worker });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const exported = await app.inject({ method: 'GET', url: '/api/v1/territory/nodes/export.xlsx?kind=compound', headers: worker });
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('名称');
    expect(sheet.rowCount - 1).toBe(3); // 第1小区, 第2小区 and the imported 新小区 of community A only
  });

  it('imports division codes for an admin of the county (audited) and refuses a community worker', async () => {
    const csv = fs.readFileSync(new URL('../data/divisions/streets_gaomi_wenshan_qiaocheng.csv', import.meta.url));
    const form = () => multipart({}, { name: 'streets.csv', content: csv });
    const denied = await app.inject({
      method: 'POST',
      url: '/api/v1/territory/imports/divisions',
      headers: { ...worker, ...form().headers },
      payload: form().payload,
    });
    expect(denied.statusCode).toBe(403);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/territory/imports/divisions',
      headers: { ...admin, ...form().headers },
      payload: form().payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBeGreaterThan(0);
    const audit = await one<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'territory.import.divisions'`,
    );
    expect(audit?.n).toBe(1);
  });
});

describe('least privilege in household lists (docs/privacy-matrix.md)', () => {
  const sessions: Record<'property' | 'owners' | 'volunteer', Headers> = {} as never;
  // households[0] and [1] share entrances[0] of compounds[0]; one lives alone, one is a party member.
  beforeAll(async () => {
    const [h1, h2] = [tree.households[0]!, tree.households[1]!];
    for (const [household, name, partyMember] of [
      [h1, '独居老人', false],
      [h2, '党员甲', true],
      [h2, '家属乙', false],
    ] as const) {
      await database.db.execute(sql`INSERT INTO resident (tenant_id, id, household_id, name, tags, is_party_member)
        VALUES ('370785', ${newId()}, ${household.id}, ${name}, ${partyMember ? sql`ARRAY['党员']` : sql`ARRAY['独居']`}::text[], ${partyMember})`);
    }
    const grants = [
      ['property', 'property_staff', tree.compounds[0]!.id],
      ['owners', 'owners_committee_member', tree.compounds[0]!.id],
      ['volunteer', 'volunteer', tree.communities[0]!.id],
    ] as const;
    for (const [who, role, nodeId] of grants) {
      await createAccount(database.db, { tenantId: '370785', username: `lp_${who}`, grants: [{ role, nodeId }] });
      sessions[who] = await signIn(`lp_${who}`);
    }
  });

  const households = (headers: Headers) =>
    app.inject({ method: 'GET', url: `/api/v1/territory/nodes?parentId=${tree.entrances[0]!.id}`, headers });

  it('property staff see how many live in each household but not who is a party member', async () => {
    const res = await households(sessions.property);
    expect(res.statusCode).toBe(200);
    const counts = res.json().items.map((n: { counts: object }) => n.counts);
    expect(counts.map((c: { residents?: number }) => c.residents)).toEqual([1, 2]);
    for (const c of counts) expect(c).not.toHaveProperty('partyMembers');
    const compound = await app.inject({
      method: 'GET',
      url: `/api/v1/territory/nodes/${tree.compounds[0]!.id}`,
      headers: sessions.property,
    });
    expect(compound.json().counts).not.toHaveProperty('partyMembers');
  });

  it('owners’ committee members and volunteers get no resident or party-member counts at all', async () => {
    for (const who of ['owners', 'volunteer'] as const) {
      const res = await households(sessions[who]);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().items).toHaveLength(2);
      for (const n of res.json().items) {
        expect(n.counts).toMatchObject({ households: 1 });
        expect(n.counts).not.toHaveProperty('residents');
        expect(n.counts).not.toHaveProperty('partyMembers');
      }
      const roots = await app.inject({ method: 'GET', url: '/api/v1/territory/roots', headers: sessions[who] });
      expect(roots.json()[0].counts).not.toHaveProperty('residents');
    }
  });

  it('a community worker still gets both counts', async () => {
    const res = await households(worker);
    expect(res.json().items.map((n: { counts: object }) => n.counts)).toEqual([
      expect.objectContaining({ residents: 1, partyMembers: 0 }),
      expect.objectContaining({ residents: 2, partyMembers: 1 }),
    ]);
  });
});
