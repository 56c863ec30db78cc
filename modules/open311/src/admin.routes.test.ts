import { createAccount } from '@linli/accounts/testing';
import { rows } from '@linli/db';
import { buildDemandWorld, type DemandWorld } from '@linli/demands/testing';
import { createTestApp, login, type Session, type TestApp } from '@linli/server/test/helpers';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOpen311 } from './testing.ts';

let t: TestApp;
let world: DemandWorld;
let admin: Session;
let community: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildDemandWorld(t.database.db);
  // The street_light service and its attributes, through a client made by the system.
  await setUpOpen311(t.database.db, world.tenantId, 'system-made-key-01');
  const account = await createAccount(t.database.db, {
    tenantId: world.tenantId,
    username: 'open311.admin',
    grants: [{ role: 'system_admin', nodeId: world.tree.county.id }],
  });
  admin = await login(t.app, account.username, account.password);
  community = await login(t.app, world.accounts.community!.username, world.accounts.community!.password);
});
afterAll(() => t.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: s?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** POST /open311/v2/requests.json with this key: the status and the body. */
const submit = (apiKey: string) =>
  t.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      api_key: apiKey,
      jurisdiction_id: world.tenantId,
      service_code: 'street_light',
      lat: '36.3812',
      long: '119.7521',
      description: '路灯不亮',
      'attribute[POLE]': 'GM-7',
    }).toString(),
  });

const audits = (id: string) =>
  rows<{ action: string; actor_id: string | null; details: string }>(
    t.database.db,
    sql`SELECT action, actor_id, details::text AS details FROM audit_event WHERE target_id = ${id} ORDER BY at, action`,
  );

describe('Open311 clients API', () => {
  it('creates a client with a generated key shown once, audited without the key; the key submits requests', async () => {
    const res = await api(admin, 'POST', '/open311-clients', { name: '市民通', jurisdictionId: world.tenantId });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: '市民通', jurisdictionId: world.tenantId, active: true, lastRequestAt: null });
    expect(created.apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const list = await api(admin, 'GET', '/open311-clients');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.apiKey);
    expect(list.body).not.toContain('apiKey');
    expect(list.body).not.toMatch(/[0-9a-f]{64}/);
    const item = list.json().items.find((c: { id: string }) => c.id === created.id);
    expect(Object.keys(item).sort()).toEqual(['active', 'createdAt', 'id', 'jurisdictionId', 'lastRequestAt', 'name']);

    const [audit] = await audits(created.id);
    expect(audit).toMatchObject({ action: 'open311.client.create', actor_id: expect.any(String) });
    expect(audit!.details).not.toContain(created.apiKey);

    const posted = await submit(created.apiKey);
    expect(posted.statusCode, posted.body).toBe(201);
    const after = (await api(admin, 'GET', '/open311-clients')).json().items.find((c: { id: string }) => c.id === created.id);
    expect(after.lastRequestAt).not.toBeNull();
  });

  it('rotates the key: the old one is refused at once, the new one works; audited', async () => {
    const created = (await api(admin, 'POST', '/open311-clients', { name: 'Rotating app' })).json();
    expect(created.jurisdictionId).toBe(world.tenantId);
    const rotated = await api(admin, 'POST', `/open311-clients/${created.id}/rotate-key`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { apiKey } = rotated.json();
    expect(apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(apiKey).not.toBe(created.apiKey);
    const old = await submit(created.apiKey);
    expect(old.statusCode).toBe(403);
    expect(old.json()).toEqual([{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }]);
    expect((await submit(apiKey)).statusCode).toBe(201);
    const trail = await audits(created.id);
    expect(trail.map((a) => a.action)).toEqual(['open311.client.create', 'open311.client.rotate_key']);
    expect(trail[1]!.details).not.toContain(apiKey);
  });

  it('deactivates a client (its key answers like an unknown key) and reactivates it; audited', async () => {
    const created = (await api(admin, 'POST', '/open311-clients', { name: 'Paused app' })).json();
    const off = await api(admin, 'PATCH', `/open311-clients/${created.id}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ id: created.id, active: false });
    expect(off.body).not.toContain('apiKey');
    const refused = await submit(created.apiKey);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual([{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }]);
    // Setting the same flag again changes and audits nothing.
    expect((await api(admin, 'PATCH', `/open311-clients/${created.id}`, { active: false })).statusCode).toBe(200);
    const on = await api(admin, 'PATCH', `/open311-clients/${created.id}`, { active: true });
    expect(on.json()).toMatchObject({ active: true });
    expect((await submit(created.apiKey)).statusCode).toBe(201);
    expect((await audits(created.id)).map((a) => a.action)).toEqual([
      'open311.client.create',
      'open311.client.deactivate',
      'open311.client.activate',
    ]);
  });

  it('shows one state on both pages: the Open311 read says what the service account’s status on the accounts page says', async () => {
    const security = await createAccount(t.database.db, {
      tenantId: world.tenantId,
      username: 'open311.security',
      grants: [{ role: 'security_admin', nodeId: world.tree.county.id }],
    });
    const accountsAdmin = await login(t.app, security.username, security.password);
    const created = (await api(admin, 'POST', '/open311-clients', { name: 'Shared switch' })).json();
    const [link] = await rows<{ account_id: string }>(
      t.database.db,
      sql`SELECT account_id::text FROM open311_client WHERE id = ${created.id}::uuid`,
    );
    const accountStatus = async () => {
      const res = await api(accountsAdmin, 'GET', `/accounts?q=${encodeURIComponent(`open311-${created.id}`)}`);
      expect(res.statusCode, res.body).toBe(200);
      const found = (res.json().items as { id: string; status: string }[]).filter((a) => a.id === link!.account_id);
      expect(found).toHaveLength(1);
      return found[0]!.status;
    };
    const clientActive = async () =>
      ((await api(admin, 'GET', '/open311-clients')).json().items as { id: string; active: boolean }[]).find((c) => c.id === created.id)
        ?.active;
    // A new client: 启用 on the Open311 page, 正常 (active) on the accounts page.
    expect(await clientActive()).toBe(true);
    expect(await accountStatus()).toBe('active');
    // The accounts page disables the service account: the Open311 read says disabled, and the key is refused.
    const disable = await api(accountsAdmin, 'PATCH', `/accounts/${link!.account_id}`, { status: 'disabled' });
    expect(disable.statusCode, disable.body).toBe(204);
    expect(await clientActive()).toBe(false);
    expect((await submit(created.apiKey)).statusCode).toBe(403);
    // The Open311 page switches it back on: the accounts page says active again.
    expect((await api(admin, 'PATCH', `/open311-clients/${created.id}`, { active: true })).json()).toMatchObject({ active: true });
    expect(await accountStatus()).toBe('active');
    expect((await submit(created.apiKey)).statusCode).toBe(201);
    // And off from the Open311 page: disabled on the accounts page.
    await api(admin, 'PATCH', `/open311-clients/${created.id}`, { active: false });
    expect(await accountStatus()).toBe('disabled');
  });

  it('refuses community staff (403) and callers without a session (401), changing nothing', async () => {
    const created = (await api(admin, 'POST', '/open311-clients', { name: 'Guarded app' })).json();
    expect((await api(community, 'GET', '/open311-clients')).statusCode).toBe(403);
    expect((await api(community, 'POST', '/open311-clients', { name: 'Not allowed' })).statusCode).toBe(403);
    expect((await api(community, 'POST', `/open311-clients/${created.id}/rotate-key`)).statusCode).toBe(403);
    expect((await api(community, 'PATCH', `/open311-clients/${created.id}`, { active: false })).statusCode).toBe(403);
    expect((await api(null, 'GET', '/open311-clients')).statusCode).toBe(401);
    expect((await api(null, 'POST', '/open311-clients', { name: 'x' })).statusCode).toBe(401);
    expect((await submit(created.apiKey)).statusCode).toBe(201);
    const names = await rows<{ name: string }>(t.database.db, sql`SELECT name FROM open311_client WHERE name = 'Not allowed'`);
    expect(names).toEqual([]);
  });

  it('answers bad input with 4xx and the field: duplicate name 409, bad names and ids 400, unknown client 404', async () => {
    await api(admin, 'POST', '/open311-clients', { name: 'Twin' });
    const twin = await api(admin, 'POST', '/open311-clients', { name: 'Twin' });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.details).toMatchObject({ field: 'name' });

    const blank = await api(admin, 'POST', '/open311-clients', { name: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].field).toBe('name');
    const badJurisdiction = await api(admin, 'POST', '/open311-clients', { name: 'Spaces', jurisdictionId: 'a b' });
    expect(badJurisdiction.statusCode).toBe(400);
    expect(badJurisdiction.json().error.details[0].field).toBe('jurisdictionId');
    const withKey = await api(admin, 'POST', '/open311-clients', { name: 'Chosen key', apiKey: 'my-own-key-00001' });
    expect(withKey.statusCode).toBe(400);
    const longName = await api(admin, 'POST', '/open311-clients', { name: '长'.repeat(101) });
    expect(longName.statusCode).toBe(400);
    expect(longName.json().error.details[0].field).toBe('name');

    const badFlag = await api(admin, 'PATCH', `/open311-clients/${world.tree.county.id}`, { active: 'no' });
    expect(badFlag.statusCode).toBe(400);
    expect(badFlag.json().error.details[0].field).toBe('active');
    expect((await api(admin, 'PATCH', '/open311-clients/not-a-uuid', { active: false })).statusCode).toBe(400);
    expect((await api(admin, 'PATCH', `/open311-clients/${world.tree.county.id}`, { active: false })).statusCode).toBe(404);
    expect((await api(admin, 'POST', `/open311-clients/${world.tree.county.id}/rotate-key`)).statusCode).toBe(404);
  });

  it('keeps each county to its own clients: another county neither lists, rotates nor deactivates them', async () => {
    const mine = (await api(admin, 'POST', '/open311-clients', { name: 'Only here' })).json();
    const other = await buildDemandWorld(t.database.db, '532601');
    const account = await createAccount(t.database.db, {
      tenantId: other.tenantId,
      username: 'open311.admin.other',
      grants: [{ role: 'system_admin', nodeId: other.tree.county.id }],
    });
    const otherAdmin = await login(t.app, account.username, account.password);
    const list = await api(otherAdmin, 'GET', '/open311-clients');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    // The same name is free in another county.
    expect((await api(otherAdmin, 'POST', '/open311-clients', { name: 'Only here' })).statusCode).toBe(201);
    expect((await api(otherAdmin, 'POST', `/open311-clients/${mine.id}/rotate-key`)).statusCode).toBe(404);
    expect((await api(otherAdmin, 'PATCH', `/open311-clients/${mine.id}`, { active: false })).statusCode).toBe(404);
    expect((await submit(mine.apiKey)).statusCode).toBe(201);
  });
});
