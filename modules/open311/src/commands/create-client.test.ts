import { createHash } from 'node:crypto';
import { type AppError, type RequestContext, verifyPassword } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, contextOf, type DemandWorld } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Open311Repository } from '../open311.repository.ts';
import { apiKeyHash, createOpen311Client } from './create-client.ts';

let database: Database;
let world: DemandWorld;
let admin: RequestContext;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  admin = (await contextOf(database.db, world.tenantId, 'system_admin', world.tree.county)).ctx;
});
afterAll(() => database.close());

const create = (input: Parameters<typeof createOpen311Client>[2], by: Parameters<typeof createOpen311Client>[1] = admin) =>
  database.db.transaction((tx) => createOpen311Client(tx, by, input));
const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('createOpen311Client', () => {
  it('stores only the SHA-256 of a generated key, and finds the client by it', async () => {
    const client = await create({ name: '市民通 App' });
    expect(client.apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(client.jurisdictionId).toBe(world.tenantId);
    const [row] = await rows<{ api_key_hash: string; row: string }>(
      database.db,
      sql`SELECT api_key_hash, row_to_json(c)::text AS row FROM open311_client c WHERE id = ${client.id}::uuid`,
    );
    expect(row!.api_key_hash).toBe(createHash('sha256').update(client.apiKey).digest('hex'));
    expect(row!.row).not.toContain(client.apiKey);
    const found = await new Open311Repository(database.db).findClientByKeyHash(apiKeyHash(client.apiKey));
    expect(found).toMatchObject({ id: client.id, tenantId: world.tenantId, accountId: client.accountId });
  });

  it('gives the client an active service account (its on/off switch) that no password opens', async () => {
    const client = await create({ name: 'Partner system', apiKey: 'partner-key-000001' });
    const [account] = await rows<{ status: string; password_hash: string; tenant_id: string }>(
      database.db,
      sql`SELECT status, password_hash, tenant_id FROM account WHERE id = ${client.accountId}::uuid`,
    );
    expect(account).toMatchObject({ status: 'active', tenant_id: world.tenantId });
    expect(await verifyPassword('', account!.password_hash)).toBe(false);
    expect(await verifyPassword('partner-key-000001', account!.password_hash)).toBe(false);
    const grants = await rows(database.db, sql`SELECT 1 FROM role_grant WHERE account_id = ${client.accountId}::uuid`);
    expect(grants).toEqual([]);
  });

  it('audits the creation without the key', async () => {
    const client = await create({ name: 'Audited app', apiKey: 'audited-key-000001' });
    const [audit] = await rows<{ action: string; details: unknown; actor_id: string }>(
      database.db,
      sql`SELECT action, details::text AS details, actor_id FROM audit_event WHERE target_id = ${client.id}`,
    );
    expect(audit).toMatchObject({ action: 'open311.client.create', actor_id: admin.actor.accountId });
    expect(String(audit!.details)).not.toContain('audited-key-000001');
  });

  it('refuses a key or a name already in use, a short key and a bad jurisdiction id, and changes nothing', async () => {
    const before = await rows(database.db, sql`SELECT id FROM open311_client`);
    await create({ name: 'First', apiKey: 'shared-key-0000001' });
    expect(await failure(create({ name: 'Second', apiKey: 'shared-key-0000001' }))).toMatchObject({
      code: 'conflict',
      details: { field: 'apiKey' },
    });
    expect(await failure(create({ name: 'First' }))).toMatchObject({ code: 'conflict', details: { field: 'name' } });
    const bad = await failure(create({ name: ' ', apiKey: 'short', jurisdictionId: 'a b' }));
    expect(bad?.code).toBe('invalid_input');
    expect((bad!.details as { field: string }[]).map((d) => d.field)).toEqual(['name', 'jurisdictionId', 'apiKey']);
    expect((await rows(database.db, sql`SELECT id FROM open311_client`)).length).toBe(before.length + 1);
  });

  it('needs demand.configure on the county, except for the system', async () => {
    expect(await failure(create({ name: 'By a community worker' }, world.ctx.community))).toMatchObject({ code: 'forbidden' });
    const bySystem = await create({ name: 'Demo app', apiKey: 'demo-like-key-0001' }, { system: true, tenantId: world.tenantId });
    const [audit] = await rows<{ actor_name: string }>(
      database.db,
      sql`SELECT actor_name FROM audit_event WHERE target_id = ${bySystem.id}`,
    );
    expect(audit!.actor_name).toBe('system');
  });
});
