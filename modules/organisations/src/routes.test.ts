import { createAccount } from '@linli/accounts/testing';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationsModule } from './module.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let staff: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [organisationsModule]);
  tree = await buildTwoCommunities(database.db);
  const a = await createAccount(database.db, {
    tenantId: '370785',
    username: 'orgs.a',
    grants: [{ role: 'community_staff', nodeId: tree.a.community.id }],
  });
  staff = await login(app, a.username, a.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('organisations HTTP API', () => {
  it('masks the phone in the create response, the list and the export', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: staff.headers,
      payload: {
        kind: 'owners_committee',
        name: '凤凰小区业委会',
        nodeId: tree.a.compound.id,
        contactName: '陈主任',
        phone: '13700001234',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ phone: '137****1234', nodeName: '凤凰小区' });
    const list = await app.inject({ method: 'GET', url: '/api/v1/organisations?kind=owners_committee', headers: staff.headers });
    expect(list.json().items).toHaveLength(1);
    expect(list.body).not.toContain('13700001234');
    const file = await app.inject({ method: 'GET', url: '/api/v1/organisations/export.xlsx', headers: staff.headers });
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const cells = JSON.stringify(workbook.worksheets[0]?.getSheetValues());
    expect(cells).toContain('137****1234');
    expect(cells).not.toContain('13700001234');
  });

  it('registers an organisation with the community (双报到) and lists it', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: staff.headers,
      payload: { kind: 'enterprise', name: '凤凰超市', nodeId: tree.a.community.id },
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/dual-registrations',
      headers: staff.headers,
      payload: { communityId: tree.a.community.id, organisationId: created.json().id, services: '便民服务' },
    });
    expect(res.statusCode).toBe(201);
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/dual-registrations?communityId=${tree.a.community.id}`,
      headers: staff.headers,
    });
    expect(list.json().items).toMatchObject([{ organisationName: '凤凰超市', services: '便民服务' }]);
  });
});
