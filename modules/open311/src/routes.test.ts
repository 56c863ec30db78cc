import { rows } from '@linli/db';
import { acceptDemand, dispatchDemand, resolveDemand } from '@linli/demands';
import { buildDemandWorld, type DemandWorld, submitTestDemand } from '@linli/demands/testing';
import { createTestApp, type TestApp } from '@linli/server/test/helpers';
import { sql } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateRange } from './routes.ts';
import { exampleHttp, exampleJson, exampleText, jsonOutline, setUpOpen311, xmlOutline } from './testing.ts';

let t: TestApp;
let world: DemandWorld;
const KEY = 'test-open311-key-1';
const V2 = '/open311/v2';

beforeAll(async () => {
  t = await createTestApp();
  world = await buildDemandWorld(t.deps.db);
  await setUpOpen311(t.deps.db, world.tenantId, KEY);
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url: `${V2}${url}` });
const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
  return p.toString();
};
const postForm = (format: 'json' | 'xml', fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `${V2}/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    payload: form(fields),
  });
const xml = (body: string) => new XMLParser({ parseTagValue: false }).parse(body);
const demandCount = async () => (await rows<{ n: number }>(t.deps.db, sql`SELECT count(*)::int AS n FROM demand`))[0]!.n;

/** A valid submission, in the shape of the spec's example POST. */
const submission = (extra: Record<string, string | string[]> = {}) => ({
  api_key: KEY,
  jurisdiction_id: '370785',
  service_code: 'street_light',
  lat: '36.3812',
  long: '119.7521',
  address_string: '高密市人民大街1234号',
  email: 'zhang.san@example.com',
  device_id: 'tt222111',
  account_id: '123456',
  first_name: '三',
  last_name: '张',
  phone: '13912345678',
  description: '路灯坏了，晚上很黑',
  media_url: 'https://img.example.com/lamp.jpg',
  'attribute[POLE]': 'GM-0042',
  'attribute[KIND]': 'dark',
  ...extra,
});

/** An Open311 error answer: the status, and the body in the spec's shape in either format. */
function expectErrors(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
  format: 'json' | 'xml' = 'json',
) {
  expect(res.statusCode, res.body).toBe(status);
  if (format === 'json') {
    const body = JSON.parse(res.body) as { code: number; description: string }[];
    expect(Array.isArray(body)).toBe(true);
    for (const e of body) {
      expect(Object.keys(e).sort()).toEqual(['code', 'description']);
      expect(e.code).toBe(status);
    }
    return body.map((e) => e.description);
  }
  expect(String(res.headers['content-type'])).toMatch(/^text\/xml/);
  expect(XMLValidator.validate(res.body)).toBe(true);
  expect(xmlOutline(res.body)).toEqual(xmlOutline(exampleHttp('xml-errors.http.txt').body));
  const errors = xml(res.body).errors.error;
  return (Array.isArray(errors) ? errors : [errors]).map((e: { code: string; description: string }) => {
    expect(e.code).toBe(String(status));
    return e.description;
  });
}

describe('Open311 shapes against the spec examples', () => {
  it('lists the services with the example keys and elements, service_code always a string', async () => {
    const json = await get('/services.json?jurisdiction_id=370785');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    const services = json.json() as Record<string, unknown>[];
    expect(jsonOutline(services)).toEqual(jsonOutline(exampleJson('json-service-list.json')));
    expect(services.every((s) => typeof s.service_code === 'string')).toBe(true);
    const light = services.find((s) => s.service_code === 'street_light');
    expect(light).toMatchObject({ service_name: '路灯照明', group: '市政设施', metadata: true, type: 'realtime' });
    expect(services.find((s) => s.service_code === 'noise')).toMatchObject({ metadata: false, group: '邻里纠纷' });

    const x = await get('/services.xml?jurisdiction_id=370785');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toMatch(/^text\/xml/);
    expect(XMLValidator.validate(x.body)).toBe(true);
    expect(xmlOutline(x.body)).toEqual(xmlOutline(exampleText('xml-service-list.xml')));
    expect(xml(x.body).services.service.length).toBe(services.length);
  });

  it('gives a service definition from the category attributes in the example shape', async () => {
    const json = await get('/services/street_light.json');
    expect(json.statusCode).toBe(200);
    const def = json.json() as { service_code: string; attributes: Record<string, unknown>[] };
    expect(jsonOutline(def)).toEqual(jsonOutline(exampleJson('json-service-definition.json')));
    expect(def.service_code).toBe('street_light');
    expect(def.attributes.map((a) => a.code)).toEqual(['POLE', 'KIND', 'SINCE', 'COUNT', 'NEAR']);
    expect(def.attributes[1]).toMatchObject({
      datatype: 'singlevaluelist',
      required: false,
      values: [
        { key: 'dark', name: '不亮' },
        { key: 'flicker', name: '闪烁' },
      ],
    });

    const x = await get('/services/street_light.xml');
    expect(x.statusCode).toBe(200);
    expect(XMLValidator.validate(x.body)).toBe(true);
    expect(xmlOutline(x.body)).toEqual(xmlOutline(exampleText('xml-service-definition.xml')));
  });

  it('answers POST requests with the example keys (plus the spec token) in both formats', async () => {
    const json = await postForm('json', submission());
    expect(json.statusCode, json.body).toBe(201);
    const [created] = json.json() as Record<string, unknown>[];
    const example = jsonOutline(exampleJson('json-service-request-post.json'));
    expect(jsonOutline([created])).toEqual({ '$[]': [...example['$[]']!, 'token'].sort() });
    expect(created).toMatchObject({ service_notice: null, account_id: null });
    expect(created!.service_request_id).toMatch(/^\d{4}-\d{6}$/);

    const x = await postForm('xml', submission());
    expect(x.statusCode, x.body).toBe(201);
    expect(XMLValidator.validate(x.body)).toBe(true);
    const exampleXml = xmlOutline(exampleText('xml-service-request-post.xml'));
    expect(xmlOutline(x.body)).toEqual({
      ...exampleXml,
      'service_requests/request': [...exampleXml['service_requests/request']!, 'token'].sort(),
      'service_requests/request/token': [],
    });
  });

  it('gets requests and one request with exactly the example keys and elements', async () => {
    await postForm('json', submission());
    const list = await get('/requests.json?jurisdiction_id=370785');
    expect(list.statusCode).toBe(200);
    const requests = list.json() as Record<string, unknown>[];
    expect(requests.length).toBeGreaterThan(0);
    expect(jsonOutline(requests)).toEqual(jsonOutline(exampleJson('json-service-requests.json')));
    expect(requests.every((r) => typeof r.service_code === 'string' && typeof r.service_request_id === 'string')).toBe(true);
    for (const r of requests) {
      expect(r.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    }

    const id = requests[0]!.service_request_id as string;
    const one = await get(`/requests/${id}.json`);
    expect(one.statusCode).toBe(200);
    expect(jsonOutline(one.json())).toEqual(jsonOutline(exampleJson('json-service-request.json')));

    const listXml = await get('/requests.xml');
    expect(XMLValidator.validate(listXml.body)).toBe(true);
    expect(xmlOutline(listXml.body)).toEqual(xmlOutline(exampleText('xml-service-requests.xml')));
    const oneXml = await get(`/requests/${id}.xml`);
    expect(xmlOutline(oneXml.body)).toEqual(xmlOutline(exampleText('xml-service-request.xml')));
    expect(xml(oneXml.body).service_requests.request.service_request_id).toBe(id);
  });

  it('resolves a token to its request id in the example shape', async () => {
    const [created] = (await postForm('json', submission())).json() as { service_request_id: string; token: string }[];
    const json = await get(`/tokens/${created!.token}.json`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual([{ service_request_id: created!.service_request_id, token: created!.token }]);
    expect(jsonOutline(json.json())).toEqual(jsonOutline(exampleJson('json-request-from-token.json')));
    const x = await get(`/tokens/${created!.token}.xml`);
    expect(xmlOutline(x.body)).toEqual(xmlOutline(exampleText('xml-request-from-token.xml')));
  });

  it('answers errors like the spec example: 403 with a list of code and description', async () => {
    const example = exampleHttp('json-errors.http.txt');
    const res = await postForm('json', submission({ api_key: 'wrong-key-000000' }));
    expect(res.statusCode).toBe(example.status);
    expect(jsonOutline(res.json())).toEqual(jsonOutline(JSON.parse(example.body)));
    expect(res.json()).toEqual([{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }]);
    const x = await postForm('xml', submission({ api_key: 'wrong-key-000000' }));
    expect(expectErrors(x, 403, 'xml')).toEqual(["Invalid api_key received -- can't proceed with create_request."]);
  });

  it('offers discovery in both formats', async () => {
    const json = await get('/discovery.json');
    expect(json.statusCode).toBe(200);
    const d = json.json() as { endpoints: { url: string; formats: string[]; specification: string }[] };
    expect(Object.keys(d).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service']);
    expect(d.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
    expect(d.endpoints[0]!.url).toMatch(/\/open311\/v2$/);
    const x = await get('/discovery.xml');
    expect(XMLValidator.validate(x.body)).toBe(true);
    expect(xmlOutline(x.body)['discovery/endpoints/endpoint/formats']).toEqual(['format']);
  });
});

describe('POST → GET round trip', () => {
  it('keeps what was sent, maps the state to open/closed and never shows the reporter', async () => {
    const before = await demandCount();
    const res = await postForm(
      'xml',
      submission({
        address_id: world.tree.compounds[0]!.id,
        'attribute[SINCE]': '2026-11-20T19:00:00+08:00',
        'attribute[COUNT]': '3',
        'attribute[NEAR][]': ['school', 'crossing'],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = String(xml(res.body).service_requests.request.service_request_id);
    expect(await demandCount()).toBe(before + 1);

    const [stored] = await rows<{
      id: string;
      node_id: string;
      channel: string;
      reporter_kind: string;
      reporter_name: string;
      reporter_phone_enc: string;
      reporter_phone_masked: string;
      attributes: unknown;
      resolve_due_at: Date | string;
      lat: number;
      lng: number;
      address: string;
      row: string;
    }>(t.deps.db, sql`SELECT d.*, row_to_json(d)::text AS row FROM demand d WHERE number = ${id}`);
    expect(stored).toMatchObject({ node_id: world.tree.compounds[0]!.id, channel: 'web', reporter_kind: 'caller', reporter_name: '张三' });
    expect(stored!.reporter_phone_masked).toBe('139****5678');
    expect(stored!.reporter_phone_enc).not.toContain('13912345678');
    expect(stored!.row).not.toContain('zhang.san@example.com');
    const attributes = typeof stored!.attributes === 'string' ? JSON.parse(stored!.attributes) : stored!.attributes;
    expect(attributes).toEqual({
      POLE: 'GM-0042',
      KIND: 'dark',
      SINCE: '2026-11-20T19:00:00+08:00',
      COUNT: '3',
      NEAR: ['school', 'crossing'],
    });

    const first = (await get(`/requests/${id}.json`)).json()[0] as Record<string, unknown>;
    expect(first).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: 'Received; awaiting acceptance',
      service_code: 'street_light',
      service_name: '路灯照明',
      description: '路灯坏了，晚上很黑',
      agency_responsible: null,
      address: '高密市人民大街1234号',
      address_id: world.tree.compounds[0]!.id,
      lat: 36.3812,
      long: 119.7521,
      media_url: 'https://img.example.com/lamp.jpg',
    });
    // expected_datetime is the stored deadline rounded up to the whole second (W3C time, as the spec's examples).
    const due = new Date(stored!.resolve_due_at).getTime();
    expect(new Date(first.expected_datetime as string).getTime()).toBe(Math.ceil(due / 1000) * 1000);

    // The demand goes through the loop; Open311 follows it.
    await t.deps.db.transaction((tx) => acceptDemand(tx, world.ctx.grid, stored!.id));
    await t.deps.db.transaction((tx) => dispatchDemand(tx, world.ctx.community, stored!.id, { level: 'compound' }));
    const dispatched = (await get(`/requests/${id}.json`)).json()[0];
    expect(dispatched).toMatchObject({ status: 'open', agency_responsible: world.tree.compounds[0]!.name });
    await t.deps.db.transaction((tx) => resolveDemand(tx, world.ctx.property, stored!.id, { result: '已更换灯泡' }));
    const resolved = (await get(`/requests/${id}.json`)).json()[0];
    expect(resolved).toMatchObject({ status: 'closed', status_notes: '已更换灯泡' });
    expect(resolved.updated_datetime >= (first.updated_datetime as string)).toBe(true);

    const closedList = (await get('/requests.json?status=closed')).json() as { service_request_id: string; status: string }[];
    expect(closedList.map((r) => r.service_request_id)).toContain(id);
    expect(closedList.every((r) => r.status === 'closed')).toBe(true);
    const openList = (await get('/requests.json?status=open&service_code=street_light')).json() as { service_request_id: string }[];
    expect(openList.map((r) => r.service_request_id)).not.toContain(id);
    const byIds = (await get(`/requests.json?service_request_id=${id},2000-000001`)).json() as { service_request_id: string }[];
    expect(byIds.map((r) => r.service_request_id)).toEqual([id]);

    const updates = await get('/servicerequestupdates.json');
    expect(updates.statusCode).toBe(200);
    const mine = (updates.json() as Record<string, unknown>[]).filter((u) => u.service_request_id === id);
    expect(mine.map((u) => u.status)).toEqual(['open', 'open', 'open', 'closed']);
    expect(mine.map((u) => u.update_id)).toEqual([`${id}-1`, `${id}-2`, `${id}-3`, `${id}-4`]);
    expect(mine[3]!.description).toBe('Resolved: 已更换灯泡');
    expect(Object.keys(mine[0]!).sort()).toEqual([
      'description',
      'media_url',
      'service_request_id',
      'status',
      'update_id',
      'updated_datetime',
    ]);
    const updatesXml = await get('/servicerequestupdates.xml');
    expect(XMLValidator.validate(updatesXml.body)).toBe(true);
    expect(xmlOutline(updatesXml.body)['service_request_updates/request_update']).toEqual([
      'description',
      'media_url',
      'service_request_id',
      'status',
      'update_id',
      'updated_datetime',
    ]);

    // No personal data in any public answer.
    for (const url of [`/requests/${id}.json`, `/requests/${id}.xml`, '/requests.json', '/servicerequestupdates.json']) {
      const body = (await get(url)).body;
      for (const secret of ['13912345678', '139****5678', '张三', 'zhang.san@example.com', world.tree.households[0]!.name]) {
        expect(body, `${url} shows ${secret}`).not.toContain(secret);
      }
    }
  });

  it('shows staff-entered demands cut at the compound, without their address or reporter', async () => {
    const staff = await submitTestDemand(t.deps.db, world, { address: '1号楼2单元301室', categoryId: world.categories.street_light });
    const [r] = (await get(`/requests/${staff.number}.json`)).json() as Record<string, unknown>[];
    expect(r!.address_id).toBe(world.tree.compounds[0]!.id);
    expect(String(r!.address)).not.toContain('301');
    expect(String(r!.address)).toContain(world.tree.compounds[0]!.name);
    expect(JSON.stringify(r)).not.toContain('王小明');
    expect(JSON.stringify(r)).not.toContain('13812345678');
  });

  it('places a request by the deepest place named in address_string, else at the county', async () => {
    const { subdistricts, communities, compounds, county } = world.tree;
    const placeOf = async (address: string) => {
      const res = await postForm('json', submission({ lat: '', long: '', address_string: address }));
      expect(res.statusCode, res.body).toBe(201);
      return (await get(`/requests/${res.json()[0].service_request_id}.json`)).json()[0].address_id;
    };
    expect(await placeOf(`${subdistricts[0]!.name}${communities[0]!.name}${compounds[0]!.name}东门`)).toBe(compounds[0]!.id);
    expect(await placeOf(`${subdistricts[1]!.name}${communities[3]!.name}附近`)).toBe(communities[3]!.id);
    // 第1社区第1小区 exists under both subdistricts: ambiguous, so the county.
    expect(await placeOf(`${communities[0]!.name}${compounds[0]!.name}`)).toBe(county.id);

    const unnamed = await postForm('json', submission({ address_string: '', lat: '36.38', long: '119.75' }));
    const [two] = (await get(`/requests/${unnamed.json()[0].service_request_id}.json`)).json();
    expect(two.address_id).toBe(world.tree.county.id);
    expect(two).toMatchObject({ lat: 36.38, long: 119.75, address: null });
  });

  it('makes a reporter without a phone anonymous and keeps no name', async () => {
    const res = await postForm('json', submission({ phone: '', description: '匿名反映路灯' }));
    expect(res.statusCode, res.body).toBe(201);
    const [d] = await rows<{ reporter_kind: string; reporter_name: string | null; reporter_phone_hash: string | null }>(
      t.deps.db,
      sql`SELECT reporter_kind, reporter_name, reporter_phone_hash FROM demand WHERE number = ${res.json()[0].service_request_id}`,
    );
    expect(d).toEqual({ reporter_kind: 'anonymous', reporter_name: null, reporter_phone_hash: null });
  });

  it('accepts a JSON body with an attribute object as well as form fields', async () => {
    const { 'attribute[POLE]': _p, 'attribute[KIND]': _k, ...rest } = submission();
    const res = await t.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      payload: { ...rest, attribute: { POLE: 'GM-7', KIND: 'flicker' } },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('records the submission in the audit trail and the outbox through submitDemand', async () => {
    const res = await postForm('json', submission());
    const token = res.json()[0].token as string;
    const audit = await rows<{ action: string; actor_name: string }>(
      t.deps.db,
      sql`SELECT action, actor_name FROM audit_event WHERE target_id = ${token} ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['demand.submit', 'open311.request.create']);
    expect(audit[0]!.actor_name).toMatch(/^open311-/);
    const events = await rows<{ type: string }>(t.deps.db, sql`SELECT type FROM outbox_event WHERE aggregate_id = ${token}`);
    expect(events.map((e) => e.type)).toEqual(['demand.submitted']);
  });
});

describe('Open311 errors', () => {
  it('refuses a POST without a valid api_key with 403 and creates nothing', async () => {
    const before = await demandCount();
    const { api_key: _k, ...noKey } = submission();
    expect(expectErrors(await postForm('json', noKey), 403)).toEqual(["No api_key received -- can't proceed with create_request."]);
    expectErrors(await postForm('xml', submission({ api_key: 'not-a-key-at-all' })), 403, 'xml');
    expectErrors(await postForm('json', submission({ jurisdiction_id: '532601' })), 403);
    expect(await demandCount()).toBe(before);
  });

  it('answers an unknown service_code with 400 on POST and GET requests, 404 on the definition', async () => {
    const before = await demandCount();
    expect(expectErrors(await postForm('json', submission({ service_code: 'potholes' })), 400)).toEqual([
      'service_code: potholes is not a service of this jurisdiction',
    ]);
    expectErrors(await postForm('json', submission({ service_code: '' })), 400);
    expectErrors(await get('/requests.json?service_code=potholes'), 400);
    expectErrors(await get('/requests.xml?service_code=Bad%20Code'), 400, 'xml');
    expectErrors(await get('/services/potholes.json'), 404);
    expectErrors(await get('/services/potholes.xml'), 404, 'xml');
    expect(await demandCount()).toBe(before);
  });

  it('checks attribute[code] against the service definition', async () => {
    const before = await demandCount();
    const { 'attribute[POLE]': _pole, ...noPole } = submission();
    expect(expectErrors(await postForm('json', noPole), 400)).toEqual(['attribute[POLE]: is required']);
    expect(expectErrors(await postForm('json', submission({ 'attribute[KIND]': 'broken' })), 400)).toEqual([
      'attribute[KIND]: is not one of the allowed values',
    ]);
    const several = expectErrors(
      await postForm('xml', submission({ 'attribute[COUNT]': 'three', 'attribute[SINCE]': 'yesterday', 'attribute[WHO]': 'x' })),
      400,
      'xml',
    );
    expect(several.sort()).toEqual([
      'attribute[COUNT]: is not a number',
      'attribute[SINCE]: is not a W3C date and time, e.g. 2026-05-01T08:30:00+08:00',
      'attribute[WHO]: is not an attribute of this service',
    ]);
    expectErrors(await postForm('json', submission({ 'attribute[NEAR][]': ['school', 'moon'] })), 400);
    expectErrors(await postForm('json', submission({ 'attribute[KIND]': ['dark', 'flicker'] })), 400);
    expect(await demandCount()).toBe(before);
  });

  it('requires a location and checks it', async () => {
    const before = await demandCount();
    expectErrors(await postForm('json', submission({ lat: '', long: '', address_string: '' })), 400);
    expectErrors(await postForm('json', submission({ lat: '91', long: '119' })), 400);
    expectErrors(await postForm('json', submission({ lat: '36.1', long: '' })), 400);
    expectErrors(await postForm('json', submission({ address_id: 'no-such-place' })), 400);
    expectErrors(await postForm('json', submission({ address_id: '01900000-0000-7000-8000-00000000dead' })), 400);
    expectErrors(await postForm('json', submission({ phone: '12345' })), 400);
    expectErrors(await postForm('json', submission({ media_url: 'javascript:alert(1)' })), 400);
    expect(await demandCount()).toBe(before);
  });

  it('limits start_date / end_date to 90 days and checks the dates', async () => {
    expect(expectErrors(await get('/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'), 400)).toEqual([
      'end_date: the range may not span more than 90 days',
    ]);
    expectErrors(await get('/requests.xml?start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'), 400, 'xml');
    expectErrors(await get('/requests.json?start_date=yesterday'), 400);
    expectErrors(await get('/servicerequestupdates.json?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'), 400);
    expectErrors(await get('/requests.json?status=pending'), 400);
    const ok = await get('/requests.json?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-03-31T00:00:00%2B08:00');
    expect(ok.statusCode).toBe(200);
    // Dates and times without a zone are China Standard Time: 2026-01-01 … 2026-04-01 is exactly 90 days.
    expect((await get('/requests.json?start_date=2026-01-01&end_date=2026-04-01')).statusCode).toBe(200);
    expectErrors(await get('/requests.json?start_date=2026-01-01T00:00&end_date=2026-04-01T00:00:01'), 400);
  });

  it('answers bad and unknown ids, tokens, formats and paths with the spec error body', async () => {
    expectErrors(await get('/requests/abc.json'), 404);
    expectErrors(await get('/requests/2000-000001.json'), 404);
    expectErrors(await get('/requests/2000-000001.xml'), 404, 'xml');
    expectErrors(await get('/requests/2000-000001.csv'), 404);
    expectErrors(await get('/requests.json?service_request_id=1%27%20OR%20%271%27=%271'), 404);
    expectErrors(await get('/requests.xml?service_request_id=abc'), 404, 'xml');
    expectErrors(await get('/tokens/not-a-token.json'), 404);
    expectErrors(await get('/tokens/not-a-token.xml'), 404, 'xml');
    expectErrors(await get('/tokens/01900000-0000-7000-8000-00000000dead.json'), 404);
    expectErrors(await get('/nothing-here.json'), 404);
    expectErrors(await get('/services.json?jurisdiction_id=999999'), 404);
  });

  it('makes retries safe: the same Idempotency-Key replays the first answer, another body with it is refused', async () => {
    const before = await demandCount();
    const headers = { 'idempotency-key': 'retry-0001-abcdef' };
    const first = await postForm('json', submission({ description: '重试的路灯报告' }), headers);
    const again = await postForm('json', submission({ description: '重试的路灯报告' }), headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await demandCount()).toBe(before + 1);
    expectErrors(await postForm('json', submission({ description: '另一个报告' }), headers), 422);
    expectErrors(await postForm('json', submission(), { 'idempotency-key': 'bad key!' }), 400);
    expect(await demandCount()).toBe(before + 1);
  });

  it('never answers malformed input with a 500 or with another error shape', async () => {
    const bodies: [string, string][] = [
      ['application/json', '{oops'],
      ['application/json', '[]'],
      ['application/json', '"text"'],
      ['application/json', JSON.stringify({ api_key: KEY, service_code: ['street_light'], lat: { x: 1 } })],
      ['application/x-www-form-urlencoded', '%%%&&&=='],
      ['application/x-www-form-urlencoded', `api_key=${KEY}&service_code=street_light&attribute[POLE]=${'x'.repeat(600)}&lat=1&long=1`],
      ['text/plain', 'hello'],
    ];
    for (const [type, payload] of bodies) {
      for (const format of ['json', 'xml'] as const) {
        const res = await t.app.inject({ method: 'POST', url: `${V2}/requests.${format}`, headers: { 'content-type': type }, payload });
        expect(res.statusCode, `${type} ${payload} → ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${type} ${payload} → ${res.body}`).toBeLessThan(500);
        expectErrors(res, res.statusCode, format);
      }
    }
    for (const q of [
      '?jurisdiction_id=%00',
      '?service_request_id=%%%',
      '?start_date[]=x&end_date=y',
      `?service_code=${'a'.repeat(20_000)}`,
    ]) {
      for (const path of [
        '/requests.json',
        '/services.json',
        '/servicerequestupdates.json',
        '/services/street_light.json',
        '/requests/2026-000001.json',
      ]) {
        const res = await get(`${path}${q}`);
        expect(res.statusCode, `${path}${q} → ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expectErrors(res, res.statusCode);
      }
    }
  });
});

describe('rate limit', () => {
  it('counts all Open311 calls of a client address together at the app-wide rate and answers 429 in the spec shape', async () => {
    const limited = await createTestApp({ database: t.database, config: { rateLimit: { apiPerMinute: 2, loginPerMinute: 2 } } });
    try {
      const answers = [];
      // An address of its own: on PostgreSQL the count is shared with the other app on this database.
      for (const url of ['/services.json', '/requests.json', '/services.xml'])
        answers.push(await limited.app.inject({ url: `${V2}${url}`, remoteAddress: '203.0.113.31' }));
      expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 429]);
      expectErrors(answers[2]!, 429, 'xml');
      expect(answers[2]!.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});

describe('what Open311 publishes', () => {
  it('refuses a description longer than 4,000 characters with the spec’s error list and writes nothing', async () => {
    const before = await demandCount();
    for (const format of ['json', 'xml'] as const) {
      const res = await postForm(format, submission({ description: '灯'.repeat(4001) }));
      expect(expectErrors(res, 400, format)).toEqual(['description: is longer than 4000 characters']);
    }
    expect(await demandCount()).toBe(before);
    const ok = await postForm('json', submission({ description: '灯'.repeat(4000) }));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('lists and shows neither staff-only demands nor demands of a private category, except its own to the client that sent it', async () => {
    const publicOne = await submitTestDemand(t.deps.db, world, { description: '公开的噪音诉求' });
    const staffOnly = await submitTestDemand(t.deps.db, world, { description: '只给工作人员看的诉求', staffOnly: true });
    const family = await submitTestDemand(t.deps.db, world, { categoryId: world.categories.family!, description: '家庭矛盾调解' });
    const { 'attribute[POLE]': _pole, 'attribute[KIND]': _kind, ...plain } = submission();
    const posted = await postForm('json', { ...plain, service_code: 'family', description: '通过Open311反映的家庭矛盾' });
    expect(posted.statusCode, posted.body).toBe(201);
    const [mine] = posted.json() as { service_request_id: string; token: string }[];
    const hidden = [staffOnly.number, family.number, mine!.service_request_id];

    for (const format of ['json', 'xml'] as const) {
      const listed = await get(`/requests.${format}?jurisdiction_id=370785`);
      expect(listed.statusCode).toBe(200);
      expect(listed.body).toContain(publicOne.number);
      for (const n of hidden) {
        expect(listed.body).not.toContain(n);
        expectErrors(await get(`/requests/${n}.${format}?jurisdiction_id=370785`), 404, format);
      }
      const byId = await get(`/requests.${format}?jurisdiction_id=370785&service_request_id=${[publicOne.number, ...hidden].join(',')}`);
      expect(byId.body).toContain(publicOne.number);
      for (const n of hidden) expect(byId.body).not.toContain(n);
      const updates = await get(`/servicerequestupdates.${format}?jurisdiction_id=370785`);
      expect(updates.body).toContain(publicOne.number);
      for (const n of hidden) expect(updates.body).not.toContain(n);
    }
    for (const text of ['只给工作人员看的诉求', '家庭矛盾调解', '通过Open311反映的家庭矛盾']) {
      expect((await get('/requests.json?jurisdiction_id=370785')).body).not.toContain(text);
    }

    // The client that submitted it reads its own request with its key; another client does not.
    const own = await get(`/requests/${mine!.service_request_id}.json?api_key=${KEY}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()[0].description).toBe('通过Open311反映的家庭矛盾');
    expect((await get(`/requests.json?api_key=${KEY}`)).body).toContain(mine!.service_request_id);
    await setUpOpen311(t.deps.db, world.tenantId, 'second-client-key-1');
    expectErrors(await get(`/requests/${mine!.service_request_id}.json?api_key=second-client-key-1`), 404);
    expectErrors(await get(`/requests/${staffOnly.number}.json?api_key=${KEY}`), 404);
  });
});

describe('several counties', () => {
  it('needs jurisdiction_id once two counties serve Open311, and keeps each county to its own data', async () => {
    const other = await buildDemandWorld(t.deps.db, '532601');
    await setUpOpen311(t.deps.db, other.tenantId, 'other-county-key-1');
    expect(expectErrors(await get('/services.json'), 400)).toEqual(['jurisdiction_id: is required']);
    expect((await get('/services.json?jurisdiction_id=532601')).statusCode).toBe(200);

    const res = await postForm('json', submission({ api_key: 'other-county-key-1', jurisdiction_id: '532601' }));
    expect(res.statusCode, res.body).toBe(201);
    const [created] = res.json() as { service_request_id: string; token: string }[];
    const [stored] = await rows<{ tenant_id: string }>(t.deps.db, sql`SELECT tenant_id FROM demand WHERE id = ${created!.token}::uuid`);
    expect(stored!.tenant_id).toBe('532601');
    expect((await get(`/tokens/${created!.token}.json?jurisdiction_id=532601`)).statusCode).toBe(200);
    expectErrors(await get(`/tokens/${created!.token}.json?jurisdiction_id=370785`), 404);
    const gaomi = (await get('/requests.json?jurisdiction_id=370785')).json() as { service_request_id: string }[];
    expect(gaomi.length).toBeGreaterThan(0);
    const wenshan = (await get('/requests.json?jurisdiction_id=532601')).json() as { service_request_id: string }[];
    expect(wenshan.map((r) => r.service_request_id)).toEqual([created!.service_request_id]);
  });
});

describe('dateRange', () => {
  it('reads times without a zone as China Standard Time and defaults to the last 90 days', () => {
    expect(dateRange({ start_date: '2026-01-01', end_date: '2026-01-02T08:00' })).toEqual({
      from: new Date('2025-12-31T16:00:00Z'),
      to: new Date('2026-01-02T00:00:00Z'),
    });
    const now = new Date('2026-06-01T00:00:00Z');
    const { from, to } = dateRange({}, now);
    expect((to.getTime() - from.getTime()) / 86_400_000).toBe(90);
    expect(to.getTime()).toBeGreaterThan(now.getTime());
    expect(dateRange({ start_date: '2026-05-01T00:00:00Z' }, now).to).toEqual(new Date(now.getTime() + 1000));
  });
});
