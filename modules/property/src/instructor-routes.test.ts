import { createAccount } from '@linli/accounts/testing';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { ownersCommitteesModule } from '@linli/owners-committees';
import { buildCommitteeWorld } from '@linli/owners-committees/testing';
import { buildModuleApp } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertyModule } from './module.ts';

// 党建指导员 over HTTP: appointed to a compound or community (and a company), listed by place and
// whether serving, exported, ended once; refused at other places and other communities.

let database: Database;
let app: LinliApp;
let world: Awaited<ReturnType<typeof buildCommitteeWorld>>;
let staffA: Session;
let staffB: Session;
const api = '/api/v1/property';
const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url: `${api}${url}`, headers: session.headers, payload });

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [propertyModule, ownersCommitteesModule]);
  world = await buildCommitteeWorld(database.db);
  const account = async (username: string, nodeId: string) => {
    const made = await createAccount(database.db, { tenantId: '370785', username, grants: [{ role: 'community_staff', nodeId }] });
    return login(app, made.username, made.password);
  };
  staffA = await account('instructor.a', world.tree.a.community.id);
  staffB = await account('instructor.b', world.tree.b.community.id);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('party-building instructors over HTTP', () => {
  it('appoints to a compound with its company, lists serving and ended ones, exports, ends once', async () => {
    const { tree } = world;
    const company = (
      await call(staffA, 'POST', '/companies', { communityId: tree.a.community.id, name: '凤凰物业', kind: 'market' })
    ).json();
    const made = await call(staffA, 'POST', '/instructors', {
      name: ' 孙指导 ',
      unit: '街道党工委',
      nodeId: tree.a.compound.id,
      companyId: company.id,
      appointedOn: '2025-03-01',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      name: '孙指导',
      nodeKind: 'compound',
      companyName: '凤凰物业',
      communityName: tree.a.community.name,
      endedOn: null,
    });
    const other = (
      await call(staffA, 'POST', '/instructors', { name: '李指导', nodeId: tree.a.community.id, appointedOn: '2024-01-01' })
    ).json();
    const ended = await call(staffA, 'POST', `/instructors/${other.id}/end`, { endedOn: '2025-06-30' });
    expect(ended.json().endedOn).toBe('2025-06-30');
    expect((await call(staffA, 'POST', `/instructors/${other.id}/end`, { endedOn: '2025-07-01' })).statusCode).toBe(409);
    const serving = (await call(staffA, 'GET', '/instructors?active=true')).json();
    expect(serving.items.map((i: { name: string }) => i.name)).toEqual(['孙指导']);
    const gone = (await call(staffA, 'GET', `/instructors?active=false&nodeId=${tree.a.community.id}`)).json();
    expect(gone.items.map((i: { name: string }) => i.name)).toEqual(['李指导']);
    const file = await call(staffA, 'GET', '/instructors/export.xlsx');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a household or street, an end before the appointment, and another community’s places and records', async () => {
    const { tree } = world;
    const household = await call(staffA, 'POST', '/instructors', { name: '钱指导', nodeId: tree.a.h101.id, appointedOn: '2025-01-01' });
    expect(household.statusCode).toBe(400);
    const elsewhere = await call(staffA, 'POST', '/instructors', { name: '钱指导', nodeId: tree.b.compound.id, appointedOn: '2025-01-01' });
    expect(elsewhere.statusCode).toBe(404);
    expect(
      (await call(staffA, 'POST', '/instructors', { name: '\u0000', nodeId: tree.a.compound.id, appointedOn: '2025-01-01' })).statusCode,
    ).toBe(400);
    const mine = (
      await call(staffA, 'POST', '/instructors', { name: '钱指导', nodeId: tree.a.compound.id, appointedOn: '2025-05-01' })
    ).json();
    const early = await call(staffA, 'POST', `/instructors/${mine.id}/end`, { endedOn: '2025-04-30' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('endedOn');
    expect((await call(staffB, 'POST', `/instructors/${mine.id}/end`, { endedOn: '2025-06-01' })).statusCode).toBe(404);
    expect((await call(staffB, 'GET', '/instructors')).json().items).toEqual([]);
    expect((await call(staffA, 'GET', '/instructors?cursor=garbage')).statusCode).toBe(400);
    const [n] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM property_instructor WHERE tenant_id = '370785' AND name = '钱指导'",
    );
    expect(n?.n).toBe(1);
  });
});
