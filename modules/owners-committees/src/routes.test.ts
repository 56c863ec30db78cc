import { createAccount } from '@linli/accounts/testing';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownersCommitteesModule } from './module.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let staffA: Session;
let staffB: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [ownersCommitteesModule]);
  tree = await buildTwoCommunities(database.db);
  const grant = (node: { id: string }) => [{ role: 'community_staff' as const, nodeId: node.id }];
  const a = await createAccount(database.db, { tenantId: '370785', username: 'owners_committees.a', grants: grant(tree.a.community) });
  const b = await createAccount(database.db, { tenantId: '370785', username: 'owners_committees.b', grants: grant(tree.b.community) });
  staffA = await login(app, a.username, a.password);
  staffB = await login(app, b.username, b.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('owners-committees HTTP API', () => {
  it('records an item, lists it sorted in its community only, exports it and refuses bad input naming the field', async () => {
    for (const title of ['B 路灯', 'A 路灯']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/owners-committees/items',
        headers: staffA.headers,
        payload: { communityId: tree.a.community.id, title },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = await app.inject({ url: '/api/v1/owners-committees/items?sort=title', headers: staffA.headers });
    expect(list.json().items.map((i: { title: string }) => i.title)).toEqual(['A 路灯', 'B 路灯']);
    const paged = await app.inject({ url: '/api/v1/owners-committees/items?sort=title&limit=1', headers: staffA.headers });
    const next = await app.inject({
      url: `/api/v1/owners-committees/items?sort=title&limit=1&cursor=${encodeURIComponent(paged.json().nextCursor)}`,
      headers: staffA.headers,
    });
    expect(next.json().items.map((i: { title: string }) => i.title)).toEqual(['B 路灯']);
    const resorted = await app.inject({
      url: `/api/v1/owners-committees/items?sort=-createdAt&cursor=${encodeURIComponent(paged.json().nextCursor)}`,
      headers: staffA.headers,
    });
    expect(resorted.statusCode).toBe(400);
    expect((await app.inject({ url: '/api/v1/owners-committees/items', headers: staffB.headers })).json().items).toEqual([]);
    const file = await app.inject({ url: '/api/v1/owners-committees/items/export.xlsx', headers: staffA.headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/owners-committees/items',
      headers: staffA.headers,
      payload: { communityId: tree.a.community.id },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('title');
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/owners-committees/items',
      headers: staffB.headers,
      payload: { communityId: tree.a.community.id, title: '越权' },
    });
    expect(other.statusCode).toBe(404);
  });
});
