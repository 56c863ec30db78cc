import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, type DemandWorld, testCipher } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandImportConfig } from '../contract.ts';
import { hotline12345Config } from '../presets.ts';
import { createMapping } from './create-mapping.ts';
import { importDemands } from './import-demands.ts';

let database: Database;
let world: DemandWorld;
let mappingId: string;
const header = '工单编号,受理时间,办结时间,工单状态,标题,诉求内容,诉求类型,诉求分类,所属社区,事发地址,来电人,来电号码,办理结果';
const file = (...lines: string[]) => Buffer.from([header, ...lines].join('\n'));

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  await database.query(`UPDATE territory_node SET code = '370785001001' WHERE id = '${world.tree.communities[0]!.id}'`);
  const config: DemandImportConfig = { ...hotline12345Config, defaults: { ...hotline12345Config.defaults, categoryCode: null } };
  mappingId = (await database.db.transaction((tx) => createMapping(tx, world.ctx.county, { name: '12345', config }))).id;
});
afterAll(async () => {
  await database.close();
});

const run = (data: Buffer, ctx = world.ctx.county) =>
  importDemands({ db: database.db, cipher: testCipher }, ctx, { mappingId, fileName: 'orders.csv', data });
const demand = async (externalId: string) =>
  (await database.query<Record<string, unknown>>(`SELECT * FROM demand WHERE external_id = '${externalId}'`))[0]!;

describe('importDemands', () => {
  it('places rows by territory code, encrypts the caller’s phone and derives the handling unit of dispatched-or-later demands', async () => {
    const result = await run(
      file(
        'H1,2026-03-01 08:30:00,,办理中,路灯不亮,小区门口路灯不亮,投诉,路灯照明,370785001001,北门,王小明,13812345678,',
        'H2,2026-03-02 09:00:00,2026-03-04 17:00:00,已办结,路面塌陷,人行道塌陷,举报,road,370785001001,,,,已修复',
        'H3,2026-03-03 10:00:00,,不予受理,咨询电费,咨询电费标准,咨询,路灯照明,,,,,不属于受理范围',
      ),
    );
    expect(result).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0 });

    const h1 = await demand('H1');
    expect(h1).toMatchObject({
      status: 'in_progress',
      node_id: world.tree.communities[0]!.id,
      level: 'subdistrict',
      handling_node_id: world.tree.subdistricts[0]!.id,
      reporter_kind: 'caller',
      reporter_name: '王小明',
      reporter_phone_masked: '138****5678',
      address: '北门',
    });
    expect(testCipher.decrypt(h1.reporter_phone_enc as string)).toBe('13812345678');
    expect(h1.reporter_phone_hash).toBe(testCipher.hash('13812345678'));
    expect(new Date(h1.submitted_at as string).toISOString()).toBe('2026-03-01T00:30:00.000Z');

    const h2 = await demand('H2');
    expect(h2).toMatchObject({
      status: 'resolved',
      type: 'report',
      level: 'department',
      handling_department_id: world.departments.transport,
    });
    expect(h2.handling_path).toBe(world.tree.county.path);
    expect(new Date(h2.resolved_at as string).toISOString()).toBe('2026-03-04T09:00:00.000Z');
    expect(h2.closed_at).toBeNull();
    expect(h2.result).toBe('已修复');

    const h3 = await demand('H3');
    expect(h3).toMatchObject({ status: 'rejected', type: 'enquiry', node_id: world.tree.county.id, reject_reason: '不属于受理范围' });
    expect(h3.handling_node_id).toBeNull();
  });

  it('follows the source on re-import: a work order reopened there loses its resolved time here', async () => {
    const result = await run(file('H2,2026-03-02 09:00:00,,办理中,路面塌陷,人行道塌陷,举报,road,370785001001,,,,'));
    expect(result).toMatchObject({ created: 0, updated: 1 });
    expect(await demand('H2')).toMatchObject({ status: 'in_progress', resolved_at: null, closed_at: null, result: '已修复', version: 2 });
  });

  it('reports an ambiguous or unknown place and an unknown category per row, writing nothing', async () => {
    const before = (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM demand'))[0]!.n;
    await expect(
      run(
        file(
          'X1,2026-03-01 08:30:00,,待受理,,有噪音,投诉,噪音扰民,第1小区,,,,',
          'X2,2026-03-01 08:30:00,,待受理,,有噪音,投诉,噪音扰民,火星,,,,',
          'X3,2026-03-01 08:30:00,,待受理,,有噪音,投诉,外星人,,,,,',
        ),
      ),
    ).rejects.toMatchObject({
      code: 'unprocessable',
      details: [
        { row: 2, column: '所属社区', reason: "4 places have this name; use the place's code", value: '第1小区' },
        { row: 3, column: '所属社区', reason: 'is not a place of this county and the mapping has no default place', value: '火星' },
        { row: 4, column: '诉求分类', reason: 'unknown category value and the mapping has no default category', value: '外星人' },
      ],
    });
    expect((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM demand'))[0]!.n).toBe(before);
  });

  it('masks phone numbers in the stored error report', async () => {
    await expect(run(file('P1,2026-03-01 08:30:00,,待受理,,有噪音,投诉,噪音扰民,,,张三,1381234567x,'))).rejects.toMatchObject({
      details: [{ row: 2, column: '来电号码', reason: 'is not a valid mobile or landline number', value: '*******567x' }],
    });
  });

  it('needs demand.intake on the county', async () => {
    await expect(run(file('Z1,2026-03-01 08:30:00,,待受理,,有噪音,投诉,噪音扰民,,,,,'), world.ctx.community)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
