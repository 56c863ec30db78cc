import type { DemandImportConfig } from '@linli/demand-import';
import { createMapping, hotline12345Config, importDemands } from '@linli/demand-import';
import { acceptDemand, dispatchDemand, rejectDemand, resolveDemand, startDemand, submitDemand } from '@linli/demands';
import { buildDemandWorld, type DemandWorld, submitTestDemand, testCipher } from '@linli/demands/testing';
import { setUpOpen311 } from '@linli/open311/testing';
import { createTestApp, type TestApp } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Personal data planted in demands of every origin — staff intake, the resident's own submission, a
 * 12345 work-order import and an Open311 client — never comes back unmasked from anything that
 * answers without a session: every GET of the OpenAPI document (ids filled with the planted
 * demands' ids and the real places), the public notice board, and every Open311 call in .json and
 * .xml (list, each request by number, tokens, updates, services, discovery).
 */
let t: TestApp;
let world: DemandWorld;
const KEY = 'sweep-open311-key-1';

// Each planted value once per origin, so a leak names where it came from.
const planted = {
  staff: { phone: '13912340004', id: '370785200002298763', landline: '0536-2345678' },
  resident: { phone: '13587654321', id: '37078519900101123X', landline: '0536-8765432' },
  imported: { phone: '18611112222', id: '370785198807074321', landline: '0536-5556667' },
  open311: { phone: '15033334444', id: '370785197505051237', landline: '0536-7778889' },
};
const secrets = Object.values(planted).flatMap((p) => [p.phone, p.id, p.landline.replace('-', '')]);
const text = (p: { phone: string; id: string; landline: string }) =>
  `联系人王大锤，电话${p.phone}，身份证${p.id}，座机${p.landline}，住3号楼2单元501`;

const numbers: string[] = [];
const ids: string[] = [];
let openToken = '';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  world = await buildDemandWorld(db);
  await setUpOpen311(db, world.tenantId, KEY);

  const resolve = async (id: string, result: string) => {
    await db.transaction((tx) => acceptDemand(tx, world.ctx.grid, id, { note: result }));
    await db.transaction((tx) => dispatchDemand(tx, world.ctx.community, id, { level: 'community', note: result }));
    await db.transaction((tx) => startDemand(tx, world.ctx.community, id));
    await db.transaction((tx) => resolveDemand(tx, world.ctx.community, id, { result }));
  };

  // Staff intake for a caller with the numbers in the text, the caller's phone, and a result quoting them.
  const staff = await submitTestDemand(db, world, {
    description: text(planted.staff),
    address: `人民大街${planted.staff.phone}号`,
    reporter: { kind: 'caller', name: '王大锤', phone: planted.staff.phone },
  });
  await resolve(staff.id, `已回电${planted.staff.phone}，核对身份证${planted.staff.id}`);
  const rejected = await submitTestDemand(db, world, { description: text(planted.staff) });
  await db.transaction((tx) => rejectDemand(tx, world.ctx.grid, rejected.id, { reason: `请拨打${planted.staff.landline}咨询` }));

  // The resident's own submission.
  const resident = await db.transaction((tx) =>
    submitDemand(tx, testCipher, world.ctx.resident, {
      type: 'complaint',
      categoryId: world.categories.noise!,
      description: text(planted.resident),
      nodeId: world.tree.households[0]!.id,
    }),
  );
  await resolve(resident.id, `已联系${planted.resident.phone}`);

  // A 12345 work-order import, submitted and resolved yesterday (inside Open311's default 90 days).
  await t.database.query(`UPDATE territory_node SET code = '370785001001' WHERE id = '${world.tree.communities[0]!.id}'`);
  const config: DemandImportConfig = { ...hotline12345Config, defaults: { ...hotline12345Config.defaults, categoryCode: null } };
  const mapping = await db.transaction((tx) => createMapping(tx, world.ctx.county, { name: '12345', config }));
  const day = (offsetDays: number) =>
    new Date(Date.now() + 8 * 3_600_000 - offsetDays * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
  const csv = [
    '工单编号,受理时间,办结时间,工单状态,标题,诉求内容,诉求类型,诉求分类,所属社区,事发地址,来电人,来电号码,办理结果',
    `S1,${day(2)},${day(1)},已办结,噪音,${text(planted.imported).replace(/，/g, ' ')},投诉,noise,370785001001,3号楼2单元501,王大锤,${planted.imported.phone},已回电${planted.imported.phone}`,
  ].join('\n');
  const imported = await importDemands({ db, cipher: testCipher }, world.ctx.county, {
    mappingId: mapping.id,
    fileName: 'orders.csv',
    data: Buffer.from(csv),
  });
  expect(imported).toMatchObject({ created: 1 });

  // An Open311 client's request.
  const posted = await t.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      api_key: KEY,
      service_code: 'noise',
      address_string: `人民大街88号，电话${planted.open311.phone}`,
      first_name: '大锤',
      last_name: '王',
      phone: planted.open311.phone,
      description: text(planted.open311),
    }).toString(),
  });
  expect(posted.statusCode, posted.body).toBe(201);
  openToken = posted.json()[0].token;

  for (const r of await t.database.query<{ id: string; number: string }>('SELECT id, number FROM demand ORDER BY number')) {
    ids.push(r.id);
    numbers.push(r.number);
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** A leak: a planted value in the body, also with its separators taken out of the body. */
function leaks(body: string): string[] {
  const flat = body.replace(/[\s\-()（）+]/g, '');
  return secrets.filter((s) => body.includes(s) || flat.includes(s) || flat.toUpperCase().includes(s.toUpperCase()));
}

describe('nothing reachable without a session shows planted personal data', () => {
  it('plants the numbers in demands of every origin', () => {
    expect(ids.length).toBe(5);
  });

  it('in any GET of the API document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.entries(doc.paths)
      .filter(([, methods]) => 'get' in methods)
      .map(([path]) => path);
    expect(paths.length).toBeGreaterThan(30);
    const values: Record<string, string[]> = {
      tenantId: [world.tenantId],
      communityId: [world.tree.communities[0]!.id],
    };
    const checked: string[] = [];
    for (const path of paths) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const urls = names.length === 0 ? [path] : ids.concat(world.tree.communities[0]!.id).map((id) => fillPath(path, names, values, id));
      for (const url of urls) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBeLessThan(500);
        expect(leaks(res.body), `${url} → ${res.statusCode}`).toEqual([]);
        checked.push(url);
      }
    }
    // The board was among them, and it did show the resolved demands (masked), so the check was not vacuous.
    const board = await t.app.inject(`/api/v1/public/tenants/${world.tenantId}/communities/${world.tree.communities[0]!.id}/board`);
    expect(board.statusCode).toBe(200);
    expect(board.json().entries.length).toBe(3);
    expect(board.body).toContain('139****0004');
    expect(checked.some((u) => u.includes('/board'))).toBe(true);
  });

  it('in any Open311 call, json and xml', async () => {
    const calls = ['/discovery', '/services', '/requests', '/servicerequestupdates', '/services/noise'];
    for (const n of numbers) calls.push(`/requests/${n}`);
    calls.push(`/tokens/${openToken}`);
    let listed = '';
    for (const call of calls) {
      for (const format of ['json', 'xml']) {
        for (const query of ['', '?jurisdiction_id=370785', `?service_request_id=${numbers.join(',')}`, '?status=closed,open']) {
          const url = `/open311/v2${call}.${format}${query}`;
          const res = await t.app.inject({ method: 'GET', url });
          expect(res.statusCode, url).toBeLessThan(500);
          expect(leaks(res.body), `${url} → ${res.statusCode}`).toEqual([]);
          if (call === '/requests' && query === '') listed += res.body;
        }
      }
    }
    // All five demands are public and listed, with their texts masked rather than left out.
    for (const n of numbers) expect(listed).toContain(n);
    for (const masked of ['139****0004', '135****4321', '186****2222', '150****4444', '370*************63', '0536-****678']) {
      expect(listed).toContain(masked);
    }
  });
});

function fillPath(path: string, names: string[], values: Record<string, string[]>, id: string): string {
  let out = path;
  for (const name of names) out = out.replace(`{${name}}`, encodeURIComponent(values[name]?.[0] ?? id));
  return out;
}
