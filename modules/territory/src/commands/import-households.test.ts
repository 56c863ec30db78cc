import { AppError, PersonalDataCipher } from '@linli/core';
import { type Database, one } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdTemplate } from '../household-file.ts';
import { buildSmallTree, createTenant, type SmallTree, testContext, validIdNumber } from '../testing.ts';
import { importHouseholds } from './import-households.ts';

const cipher = new PersonalDataCipher(Buffer.alloc(32, 3));
let database: Database;
let tree: SmallTree;

beforeAll(async () => {
  database = await createTestDatabase();
  await createTenant(database.db, { tenantId: '370785', name: '高密市' });
  tree = await buildSmallTree(database.db, '370785');
});
afterAll(() => database?.close());

const header = '小区,楼栋,单元,房号,姓名,性别,出生日期,与户主关系,手机号,身份证号,标签,是否党员';
const id1 = validIdNumber('37078519800101123'); // 1980-01-01, male (odd 17th digit 3)
const id2 = validIdNumber('37078519820202124'); // 1982-02-02, female
const csv = (...lines: string[]) => Buffer.from([header, ...lines].join('\n'), 'utf8');
const goodFile = () =>
  csv(
    `阳光花园,1号楼,1单元,101,王建国,男,1980-01-01,户主,13812345678,${id1},高龄、独居,是`,
    `阳光花园,1号楼,1单元,101,李秀英,,,配偶,,${id2},,否`,
    '阳光花园,1号楼,2单元,201,赵小明,男,2010-05-06,子女,,,,',
    '阳光花园,2号楼,1单元,101,钱多多,女,1975/3/4,户主,0536-2345678,,低保,',
  );

const ctxA = () => testContext('370785', [{ role: 'community_staff', node: tree.communities[0]! }]);
const run = (data: Buffer, communityId = tree.communities[0]!.id, ctx = ctxA(), fileName = 'households.csv') =>
  importHouseholds({ db: database.db, cipher }, ctx, { communityId, fileName, data });
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
const tally = async () =>
  (await one<{ nodes: number; residents: number }>(
    database.db,
    sql`SELECT (SELECT count(*)::int FROM territory_node) AS nodes, (SELECT count(*)::int FROM resident) AS residents`,
  )) as { nodes: number; residents: number };

describe('importHouseholds', () => {
  it('creates compounds, buildings, entrances, households and residents, with personal data protected', async () => {
    const result = await run(goodFile());
    expect(result.rows).toBe(4);
    expect(result.created).toEqual({ compounds: 1, buildings: 2, entrances: 3, households: 3, residents: 4 });
    expect(result.updated).toEqual({ compounds: 0, buildings: 0, entrances: 0, households: 0, residents: 0 });
    const wang = await one<Record<string, unknown>>(
      database.db,
      sql`SELECT r.*, h.path::text AS hpath, h.depth FROM resident r JOIN territory_node h ON h.id = r.household_id WHERE r.name = '王建国'`,
    );
    expect(wang).toMatchObject({ gender: 'male', relation: 'head', phone_masked: '138****5678', is_party_member: true, depth: 6 });
    expect(wang?.tags).toEqual(['elderly', 'living_alone']);
    expect(String(wang?.phone_enc)).not.toContain('13812345678');
    expect(cipher.decrypt(String(wang?.id_number_enc))).toBe(id1);
    expect(String(wang?.hpath).startsWith(`${tree.communities[0]!.path}.`)).toBe(true);
    // Gender and birth date come from the ID number when the row leaves them blank.
    const li = await one<Record<string, unknown>>(
      database.db,
      sql`SELECT gender, birth_date::text AS b FROM resident WHERE name = '李秀英'`,
    );
    expect(li).toEqual({ gender: 'female', b: '1982-02-02' });
    const job = await one<{ status: string; processed_rows: number; total_rows: number }>(
      database.db,
      sql`SELECT status, processed_rows, total_rows FROM import_job WHERE id = ${result.jobId}`,
    );
    expect(job).toEqual({ status: 'succeeded', processed_rows: 4, total_rows: 4 });
    const audit = await one<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'territory.import.households' AND result = 'ok'`,
    );
    expect(audit?.n).toBe(1);
  });

  it('re-importing the same file updates by natural key instead of duplicating', async () => {
    const before = await tally();
    const result = await run(goodFile());
    expect(result.created).toEqual({ compounds: 0, buildings: 0, entrances: 0, households: 0, residents: 0 });
    expect(result.updated).toEqual({ compounds: 1, buildings: 2, entrances: 3, households: 3, residents: 4 });
    expect(await tally()).toEqual(before);
  });

  it('updates a resident found by ID number even after a move to another household, and one without ID by household + name', async () => {
    const before = await tally();
    const result = await run(
      csv(
        `阳光花园,1号楼,1单元,102,王建国,男,,户主,13900001111,${id1},,是`,
        '阳光花园,1号楼,2单元,201,赵小明,男,2010-05-06,子女,13900002222,,,',
      ),
    );
    expect(result.created).toMatchObject({ households: 1, residents: 0 });
    expect(result.updated.residents).toBe(2);
    const after = await tally();
    expect(after).toEqual({ nodes: before.nodes + 1, residents: before.residents });
    const wang = await one<{ phone_masked: string; household: string }>(
      database.db,
      sql`SELECT r.phone_masked, h.name AS household FROM resident r JOIN territory_node h ON h.id = r.household_id WHERE r.name = '王建国'`,
    );
    expect(wang).toEqual({ phone_masked: '139****1111', household: '102' });
  });

  it('reports every row error at once and writes no territory or resident row, but keeps the failed job', async () => {
    const before = await tally();
    const err = await errorOf(
      run(
        csv(
          '新小区,1号楼,1单元,101,张三,男,1990-01-01,户主,12345,,,',
          `新小区,1号楼,1单元,102,李四,未知,1990-13-01,朋友,,${id1.slice(0, 17)}9,外星人,也许`,
          `新小区,1号楼,1单元,103,王五,,,,,${id2},,`,
          `新小区,1号楼,1单元,104,王六,,,,,${id2},,`,
          ',1号楼,1单元,105,,,,,,,,',
        ),
      ),
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err?.code).toBe('unprocessable');
    const details = err?.details as { row: number; column: string; reason: string }[];
    const where = details.map((d) => `${d.row}:${d.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '2:手机号',
        '3:性别',
        '3:出生日期',
        '3:与户主关系',
        '3:身份证号',
        '3:标签',
        '3:是否党员',
        '5:身份证号',
        '6:小区',
        '6:姓名',
      ]),
    );
    expect(details.find((d) => d.row === 5)?.reason).toContain('row 4');
    expect(await tally()).toEqual(before);
    const job = await one<{ status: string; n: number }>(
      database.db,
      sql`SELECT status, jsonb_array_length(errors)::int AS n FROM import_job ORDER BY created_at DESC LIMIT 1`,
    );
    expect(job).toEqual({ status: 'failed', n: details.length });
  });

  it('refuses a file without a required column', async () => {
    const err = await errorOf(run(Buffer.from('小区,楼栋,房号,姓名\n阳光花园,1号楼,101,张三\n')));
    expect(err).toMatchObject({ code: 'unprocessable', details: [{ row: 1, column: '单元', reason: 'required column is missing' }] });
  });

  it('refuses an ID number registered in another community', async () => {
    const before = await tally();
    const ctx = testContext('370785', [{ role: 'community_staff', node: tree.communities[1]! }]);
    const err = await errorOf(run(csv(`东城小区,1号楼,1单元,101,王建国,,,,,${id1},,`), tree.communities[1]!.id, ctx));
    expect(err).toMatchObject({ code: 'unprocessable', details: [{ row: 2, column: '身份证号' }] });
    expect(await tally()).toEqual(before);
  });

  it('is 404 for a community outside the caller’s territory and 400 for a node that is not a community', async () => {
    expect(await errorOf(run(goodFile(), tree.communities[1]!.id))).toMatchObject({ code: 'not_found' });
    expect(await errorOf(run(goodFile(), tree.compounds[0]!.id))).toMatchObject({ code: 'invalid_input' });
  });

  it('reads the XLSX template filled in (its English key row is skipped) and a GBK-encoded CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await householdTemplate()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('小区');
    expect(sheet.getRow(2).getCell(1).value).toBe('compound');
    sheet.addRow([
      '绿城小区',
      '3号楼',
      '1单元',
      301,
      '孙丽',
      '女',
      new Date(Date.UTC(1990, 4, 6)),
      '户主',
      '13712345678',
      '',
      '残疾',
      '否',
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await run(xlsx, tree.communities[0]!.id, ctxA(), 'template.xlsx');
    expect(result).toMatchObject({ rows: 1, created: { compounds: 1, households: 1, residents: 1 } });
    const sun = await one<{ b: string; tags: string[]; household: string }>(
      database.db,
      sql`SELECT r.birth_date::text AS b, r.tags, h.name AS household FROM resident r JOIN territory_node h ON h.id = r.household_id WHERE r.name = '孙丽'`,
    );
    expect(sun).toEqual({ b: '1990-05-06', tags: ['disabled'], household: '301' });

    const gbk = Buffer.from(
      // "小区,楼栋,单元,房号,姓名\n绿城小区,3号楼,1单元,302,周杰\n" in GB 18030
      'd0a1c7f82cc2a5b6b02cb5a5d4aa2cb7bfbac52cd0d5c3fb0ac2ccb3c7d0a1c7f82c33bac5c2a52c31b5a5d4aa2c3330322cd6dcbddc0a',
      'hex',
    );
    const fromGbk = await run(gbk);
    expect(fromGbk).toMatchObject({ rows: 1, created: { households: 1, residents: 1 } });
    expect(await one(database.db, sql`SELECT 1 AS ok FROM resident WHERE name = '周杰'`)).toEqual({ ok: 1 });
  });

  // Progress goes through a second connection while the import transaction is open. Embedded PGlite
  // has one connection: there the job shows its rows once, when the import ends. Each driver runs the
  // check that holds for it.
  const bigFile = (name: string) =>
    Buffer.from(
      ['小区,楼栋,单元,房号,姓名', ...Array.from({ length: 1200 }, (_, i) => `${name},1号楼,1单元,${1000 + i},居民${i}`)].join('\n'),
    );
  const latestJob = (fileName: string) =>
    one<{ processed_rows: number; total_rows: number; status: string }>(
      database.db,
      sql`SELECT processed_rows, total_rows, status FROM import_job WHERE file_name = ${fileName} ORDER BY created_at DESC LIMIT 1`,
    );

  if (process.env.LINLI_TEST_DB === 'postgres') {
    it('reports progress per chunk of 500 rows, visible before the commit', async () => {
      const seen: number[] = [];
      const progressDb = new Proxy(database.db, {
        get(target, prop, receiver) {
          if (prop !== 'execute') return Reflect.get(target, prop, receiver);
          return async (query: Parameters<Database['db']['execute']>[0]) => {
            const result = await target.execute(query);
            const job = await one<{ processed_rows: number }>(
              target,
              sql`SELECT processed_rows FROM import_job WHERE status = 'importing' ORDER BY created_at DESC LIMIT 1`,
            );
            if (job) seen.push(job.processed_rows);
            return result;
          };
        },
      });
      const result = await importHouseholds({ db: database.db, cipher, progressDb }, ctxA(), {
        communityId: tree.communities[0]!.id,
        fileName: 'big.csv',
        data: bigFile('进度小区'),
      });
      expect(result.created.residents).toBe(1200);
      expect(seen).toEqual([500, 1000, 1200]);
      expect(await latestJob('big.csv')).toMatchObject({ processed_rows: 1200, total_rows: 1200, status: 'succeeded' });
    });
  } else {
    it('without a second connection (embedded PGlite) shows all rows processed once the import ends', async () => {
      const result = await run(bigFile('单连接小区'), tree.communities[0]!.id, ctxA(), 'big-embedded.csv');
      expect(result.created.residents).toBe(1200);
      expect(await latestJob('big-embedded.csv')).toMatchObject({ processed_rows: 1200, total_rows: 1200, status: 'succeeded' });
    });
  }
  it('reads 建筑面积 into the household’s floor area, and refuses two different areas for one household', async () => {
    const withArea = (...lines: string[]) => Buffer.from([`${header},建筑面积（㎡）`, ...lines].join('\n'), 'utf8');
    const conflict = await errorOf(
      run(withArea('面积小区,1号楼,1单元,101,甲,男,,户主,,,,,89.50', '面积小区,1号楼,1单元,101,乙,女,,配偶,,,,,90')),
    );
    expect(conflict?.details).toEqual([expect.objectContaining({ row: 3, column: '建筑面积', value: '90' })]);
    const bad = await errorOf(run(withArea('面积小区,1号楼,1单元,102,丙,男,,户主,,,,,八十')));
    expect(bad?.details).toEqual([expect.objectContaining({ column: '建筑面积', value: '八十' })]);
    await run(
      withArea(
        '面积小区,1号楼,1单元,101,甲,男,,户主,,,,,89.50㎡',
        '面积小区,1号楼,1单元,101,乙,女,,配偶,,,,,',
        '面积小区,1号楼,1单元,102,丙,男,,户主,,,,,',
      ),
    );
    const areas = await database.query<{ name: string; floor_area: number | null }>(
      `SELECT h.name, h.floor_area FROM territory_node h JOIN territory_node e ON e.id = h.parent_id JOIN territory_node b ON b.id = e.parent_id
        JOIN territory_node c ON c.id = b.parent_id WHERE c.name = '面积小区' ORDER BY h.name`,
    );
    expect(areas).toEqual([
      { name: '101', floor_area: 89.5 },
      { name: '102', floor_area: null },
    ]);
  });
});
