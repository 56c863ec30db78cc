import { buildDemandWorld } from '@linli/demands/testing';
import { createTestApp, type TestApp } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OPEN311, loadDemoOpen311 } from './demo-open311.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const world = await buildDemandWorld(t.deps.db, '370785');
  await t.deps.db.transaction((tx) => loadDemoOpen311(tx, world.tenantId));
});
afterAll(async () => {
  await t?.close();
});

describe('the demo Open311 client', () => {
  it('takes a request with api_key demo-open311-key for jurisdiction 370785', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        api_key: DEMO_OPEN311.apiKey,
        jurisdiction_id: '370785',
        service_code: 'street_light',
        address_string: '人民大街',
        'attribute[FAULT]': 'dark',
        description: '路灯不亮',
      }).toString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const definition = await t.app.inject({ url: '/open311/v2/services/street_light.json?jurisdiction_id=370785' });
    expect(definition.json().attributes.map((a: { code: string }) => a.code)).toEqual(['POLE', 'FAULT']);
  });
});
