import { createAccount } from '@linli/accounts/testing';
import { rows } from '@linli/db';
import { buildDemandWorld, type DemandWorld } from '@linli/demands/testing';
import { createTestApp, login, type Session, type TestApp } from '@linli/server/test/helpers';
import { sql } from 'drizzle-orm';
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
describe('deadline settings API', () => {
  const patch = (s: Session, payload: unknown) =>
    t.app.inject({ method: 'PATCH', url: '/api/v1/demand-settings', headers: s.headers, payload: payload as object });

  it('shows the defaults, and the county admin turns automatic escalation on (audited), keeping other settings', async () => {
    expect((await get(community, '/demand-settings')).json()).toEqual({ autoEscalate: false, reopenWindowDays: 7 });
    const res = await patch(admin, { autoEscalate: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ autoEscalate: true, reopenWindowDays: 7 });
    expect((await patch(admin, { reopenWindowDays: 10 })).json()).toEqual({ autoEscalate: true, reopenWindowDays: 10 });
    const [audit] = await rows<{ details: { changes: object } }>(
      t.database.db,
      sql`SELECT details FROM audit_event WHERE action = 'demand.settings.update' ORDER BY seq LIMIT 1`,
    );
    expect(audit!.details.changes).toEqual({ autoEscalate: true });
  });

  it('refuses community staff (403), unknown keys, an empty body and a bad window (400)', async () => {
    expect((await patch(community, { autoEscalate: false })).statusCode).toBe(403);
    expect((await patch(admin, { autoEscalate: 'yes' })).statusCode).toBe(400);
    expect((await patch(admin, { other: 1 })).statusCode).toBe(400);
    expect((await patch(admin, {})).statusCode).toBe(400);
    expect((await patch(admin, { reopenWindowDays: 0 })).statusCode).toBe(400);
    expect((await get(community, '/demand-settings')).json()).toEqual({ autoEscalate: true, reopenWindowDays: 10 });
  });
});
