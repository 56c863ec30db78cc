import { type AppError, runWrite } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, countWhere, type DemandWorld, testCipher } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRequestInput } from '../contract.ts';
import { type Open311ClientRecord, Open311Repository } from '../open311.repository.ts';
import { setUpOpen311 } from '../testing.ts';
import { apiKeyHash } from './create-client.ts';
import { serviceRequestIdempotency, submitServiceRequest } from './submit-service-request.ts';

let database: Database;
let world: DemandWorld;
let client: Open311ClientRecord;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  await database.db.execute(sql`UPDATE territory_node SET code = 'C-0001' WHERE id = ${world.tree.communities[1]!.id}::uuid`);
  const created = await setUpOpen311(database.db, world.tenantId, 'command-test-key-1');
  client = (await new Open311Repository(database.db).findClientByKeyHash(apiKeyHash(created.apiKey)))!;
});
afterAll(() => database.close());

const input = (extra: Partial<ServiceRequestInput> = {}): ServiceRequestInput => ({
  service_code: 'street_light',
  address_string: '人民大街',
  description: '路灯不亮',
  attributes: { POLE: ['GM-1'] },
  ...extra,
});
const submit = async (i: ServiceRequestInput, idempotencyKey?: string) =>
  (
    await runWrite(database.db, { idempotency: serviceRequestIdempotency(client, idempotencyKey, i), status: 201 }, (tx) =>
      submitServiceRequest(tx, testCipher, client, i, { clientIp: '10.0.0.1' }),
    )
  ).body;
const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));
const demandOf = async (number: string) =>
  (
    await rows<{
      id: string;
      node_id: string;
      category_id: string;
      type: string;
      channel: string;
      created_by: string;
      attributes: unknown;
      reporter_phone_hash: string | null;
    }>(
      database.db,
      sql`SELECT id, node_id, category_id, type, channel, created_by, attributes, reporter_phone_hash FROM demand WHERE number = ${number}`,
    )
  )[0]!;

describe('submitServiceRequest', () => {
  it('submits a web report of the category through the client service account, at the place of an address_id code', async () => {
    const out = await submit(input({ address_id: 'C-0001', phone: '+86 139-1234-5678', first_name: 'Li', last_name: 'Lei' }));
    const d = await demandOf(out.service_request_id);
    expect(d).toMatchObject({
      id: out.token,
      node_id: world.tree.communities[1]!.id,
      category_id: world.categories.street_light,
      type: 'report',
      channel: 'web',
      created_by: client.accountId,
    });
    expect(d.reporter_phone_hash).toBe(testCipher.hash('13912345678'));
    const link = await rows(database.db, sql`SELECT client_id FROM open311_request WHERE demand_id = ${out.token}::uuid`);
    expect(link).toEqual([{ client_id: client.id }]);
    expect(await countWhere(database.db, 'outbox_event', 'aggregate_id', out.token)).toBe(1);
  });

  it('uses the service name when no description is sent', async () => {
    const out = await submit(input({ description: undefined }));
    const [d] = await rows<{ description: string }>(
      database.db,
      sql`SELECT description FROM demand WHERE number = ${out.service_request_id}`,
    );
    expect(d!.description).toBe('路灯照明');
  });

  it('refuses bad input with every problem named and writes nothing', async () => {
    const before = await rows(database.db, sql`SELECT id FROM demand`);
    const out = await failure(submit(input({ lat: '36.1', address_string: 'x'.repeat(201), attributes: {} })));
    expect(out?.code).toBe('invalid_input');
    expect((out!.details as { field: string }[]).map((d) => d.field)).toEqual(['long', 'address_string', 'attribute[POLE]']);
    expect(await failure(submit(input({ service_code: 'noise_x' })))).toMatchObject({ code: 'invalid_input' });
    expect(await rows(database.db, sql`SELECT id FROM demand`)).toEqual(before);
  });

  it('replays a retry with the same Idempotency-Key and refuses the key for another request', async () => {
    const first = await submit(input({ description: '重试' }), 'key-12345678');
    expect(await submit(input({ description: '重试' }), 'key-12345678')).toEqual(first);
    expect(await failure(submit(input({ description: '别的' }), 'key-12345678'))).toMatchObject({ code: 'unprocessable' });
    expect((await rows(database.db, sql`SELECT 1 FROM demand WHERE description = '重试'`)).length).toBe(1);
  });
});
