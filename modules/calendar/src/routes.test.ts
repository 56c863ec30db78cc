import { createAccount } from '@linli/accounts/testing';
import { buildDemandWorld, type DemandWorld } from '@linli/demands/testing';
import { createTestApp, login, type Session, type TestApp } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
let world: DemandWorld;
let admin: Session;
let community: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildDemandWorld(t.database.db);
  const account = await createAccount(t.database.db, {
    tenantId: world.tenantId,
    username: 'calendar.admin',
    grants: [{ role: 'system_admin', nodeId: world.tree.county.id }],
  });
  admin = await login(t.app, account.username, account.password);
  community = await login(t.app, world.accounts.community!.username, world.accounts.community!.password);
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s?.headers ?? {} });
const put = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: s.headers, payload: payload as object });

describe('working-day calendar API', () => {
  it('shows a year: the notice days, its source, and no overrides yet', async () => {
    const res = await get(community, '/demand-calendar/2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, official: true, overrides: [] });
    expect(body.source).toContain('2026');
    expect(body.days.find((d: { day: string }) => d.day === '2026-02-14')).toEqual({
      day: '2026-02-14',
      workday: true,
      name: '春节',
      origin: 'notice',
    });
    // 2027's notice is not built in: the year says so.
    expect((await get(community, '/demand-calendar/2027')).json()).toMatchObject({ official: false });
  });

  it('the county admin replaces a year; everyone reads the result', async () => {
    const res = await put(admin, '/demand-calendar/2027', {
      days: [
        { day: '2027-02-06', workday: false, name: '春节' },
        { day: '2027-02-20', workday: true, name: '春节调休' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const read = (await get(community, '/demand-calendar/2027')).json();
    expect(read.overrides).toEqual([
      { day: '2027-02-06', workday: false, name: '春节' },
      { day: '2027-02-20', workday: true, name: '春节调休' },
    ]);
    expect(read.days.find((d: { day: string }) => d.day === '2027-02-20')).toMatchObject({ workday: true, origin: 'override' });
  });

  it('refuses community staff (403), bad days (400 with the row) and unknown years (400), changing nothing', async () => {
    expect((await put(community, '/demand-calendar/2027', { days: [] })).statusCode).toBe(403);
    const bad = await put(admin, '/demand-calendar/2027', { days: [{ day: '2027-13-01', workday: false }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ field: 'days/0/day', reason: 'is not a real date as YYYY-MM-DD', value: '2027-13-01' }]);
    expect((await put(admin, '/demand-calendar/2027', { days: [{ day: 'tomorrow', workday: false }] })).statusCode).toBe(400);
    expect((await put(admin, '/demand-calendar/2027', { days: [{ day: '2027-01-05' }] })).statusCode).toBe(400);
    expect((await put(admin, '/demand-calendar/1999', { days: [] })).statusCode).toBe(400);
    expect((await get(community, '/demand-calendar/abc')).statusCode).toBe(400);
    expect((await get(community, '/demand-calendar/2027')).json().overrides).toHaveLength(2);
  });

  it('needs a session', async () => {
    expect((await get(null, '/demand-calendar/2026')).statusCode).toBe(401);
    const anonymous = await t.app.inject({ method: 'PUT', url: '/api/v1/demand-calendar/2026', payload: { days: 'x' } });
    expect(anonymous.statusCode).toBe(401);
  });
});
