import type { Database } from '@linli/db';
import { buildDemandWorld, type DemandWorld, demandAt } from '@linli/demands/testing';
import { createTestApp, login, type Session, type TestApp } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOutbox } from './dispatcher.ts';

let t: TestApp;
let database: Database;
let world: DemandWorld;
let resident: Session;
let property: Session;
let demandNumber: string;

beforeAll(async () => {
  t = await createTestApp();
  database = t.database;
  world = await buildDemandWorld(database.db);
  demandNumber = (await demandAt(database.db, world, 'resolved')).number;
  await dispatchOutbox(database.db);
  resident = await login(t.app, world.accounts.resident!.username, world.accounts.resident!.password);
  property = await login(t.app, world.accounts.property!.username, world.accounts.property!.password);
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s?.headers ?? {} });
const post = (s: Session, url: string) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers });

describe('notifications API', () => {
  it('lists my notifications newest first, page by page', async () => {
    const first = await get(resident, '/notifications?limit=3');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((n: { eventType: string }) => n.eventType)).toEqual(['demand.resolved', 'demand.started', 'demand.dispatched']);
    expect(page1.items[0]).toMatchObject({
      body: `您的诉求 ${demandNumber} 已办结，请您评价。`,
      readAt: null,
      messageKey: 'notification.demandStatus',
    });
    const page2 = (await get(resident, `/notifications?limit=3&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((n: { eventType: string }) => n.eventType)).toEqual(['demand.accepted']);
    expect(page2.nextCursor).toBeNull();
  });

  it('counts, marks one and then all as read; the unread filter follows', async () => {
    expect((await get(resident, '/notifications/unread-count')).json()).toEqual({ count: 4 });
    const [latest] = (await get(resident, '/notifications?limit=1')).json().items;
    const read = await post(resident, `/notifications/${latest.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    // Marking again keeps the first read time.
    expect((await post(resident, `/notifications/${latest.id}/read`)).json().readAt).toBe(read.json().readAt);
    expect((await get(resident, '/notifications/unread-count')).json()).toEqual({ count: 3 });
    expect((await get(resident, '/notifications?unread=true')).json().items).toHaveLength(3);
    expect((await post(resident, '/notifications/read-all')).json()).toEqual({ count: 3 });
    expect((await get(resident, '/notifications/unread-count')).json()).toEqual({ count: 0 });
  });

  it('someone else’s notification is not found, and nothing of theirs is listed', async () => {
    const [mine] = (await get(property, '/notifications')).json().items;
    expect(mine.eventType).toBe('demand.dispatched');
    expect((await post(resident, `/notifications/${mine.id}/read`)).statusCode).toBe(404);
    expect((await get(property, '/notifications/unread-count')).json()).toEqual({ count: 1 });
    const residentIds = (await get(resident, '/notifications')).json().items.map((n: { id: string }) => n.id);
    expect(residentIds).not.toContain(mine.id);
  });

  it('answers bad input with 400 and no session with 401', async () => {
    expect((await post(resident, '/notifications/not-an-id/read')).statusCode).toBe(400);
    expect((await get(resident, '/notifications?cursor=%%%')).statusCode).toBe(400);
    expect((await get(resident, `/notifications?cursor=${Buffer.from('"x"').toString('base64url')}`)).statusCode).toBe(400);
    expect((await get(resident, '/notifications?limit=0')).statusCode).toBe(400);
    expect((await get(null, '/notifications')).statusCode).toBe(401);
    expect((await get(null, '/notifications/unread-count')).statusCode).toBe(401);
  });

  it('is registered by the server: its paths are in the OpenAPI document', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/notifications',
        '/api/v1/notifications/unread-count',
        '/api/v1/notifications/{id}/read',
        '/api/v1/notifications/read-all',
      ]),
    );
  });
});
