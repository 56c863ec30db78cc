import { createAccount } from '@linli/accounts/testing';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities, contextFor } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvaluationScores } from './commands/record-evaluation-scores.ts';
import { propertyModule } from './module.ts';
import { makeCompany, makeProfile } from './testing.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let staffA: Session;
let staffB: Session;
let contractId: string;
const api = '/api/v1/property/contracts';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [propertyModule]);
  tree = await buildTwoCommunities(database.db);
  const account = async (username: string, nodeId: string) => {
    const made = await createAccount(database.db, { tenantId: '370785', username, grants: [{ role: 'community_staff', nodeId }] });
    return login(app, made.username, made.password);
  };
  staffA = await account('renewal.a', tree.a.community.id);
  staffB = await account('renewal.b', tree.b.community.id);
  const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
  const company = await makeCompany(database, ctx, tree.a.community.id, 'market', '凤凰物业');
  contractId = (await makeProfile(database, ctx, {
    compoundId: tree.a.compound.id,
    company: { id: company.id, fee: 0.8, rate: 0.9 },
  })) as string;
  await database.db.transaction((tx) =>
    recordEvaluationScores(tx, ctx, {
      round: { id: '019a0000-0000-7000-8000-0000000000b3', period: '2026-Q3' },
      scores: [{ compoundId: tree.a.compound.id, score: 66.4, companyId: company.id }],
    }),
  );
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('contract renewal decisions over HTTP', () => {
  it('shows the scores a decision would be based on, records one, lists it and exports it; in scope only', async () => {
    const before = await app.inject({ url: `${api}/${contractId}/renewal-decisions`, headers: staffA.headers });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({
      contract: { id: contractId, companyName: '凤凰物业' },
      scores: [{ period: '2026-Q3', score: 66.4 }],
      decisions: [],
    });
    const bad = await app.inject({
      method: 'POST',
      url: `${api}/${contractId}/renewal-decisions`,
      headers: staffA.headers,
      payload: { decision: 'dismiss', reason: '不达标' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('decision');
    const made = await app.inject({
      method: 'POST',
      url: `${api}/${contractId}/renewal-decisions`,
      headers: staffA.headers,
      payload: { decision: 'rectify', reason: '综合得分 66.4，低于 70，限期整改' },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ decision: 'rectify', basis: [{ period: '2026-Q3', score: 66.4 }] });
    const listed = (await app.inject({ url: `${api}/${contractId}/renewal-decisions`, headers: staffA.headers })).json();
    expect(listed.decisions).toHaveLength(1);
    const file = await app.inject({ url: `${api}/${contractId}/renewal-decisions/export.xlsx`, headers: staffA.headers });
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual(
      expect.arrayContaining(['凤凰物业', '凤凰小区', '整改', '综合得分 66.4，低于 70，限期整改', '2026-Q3：66.4']),
    );
    // Another community's worker: like an unknown contract, for reading and for deciding.
    expect((await app.inject({ url: `${api}/${contractId}/renewal-decisions`, headers: staffB.headers })).statusCode).toBe(404);
    const other = await app.inject({
      method: 'POST',
      url: `${api}/${contractId}/renewal-decisions`,
      headers: staffB.headers,
      payload: { decision: 'terminate', reason: '解聘' },
    });
    expect(other.statusCode).toBe(404);
    expect((await app.inject({ url: `${api}/${contractId}/renewal-decisions`, headers: staffA.headers })).json().decisions).toHaveLength(1);
  });
});
