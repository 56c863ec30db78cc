import fs from 'node:fs';
import { AppError } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanCommunityName, cleanSubdistrictName, importDivisions } from './import-divisions.ts';

const dataDir = new URL('../../data/divisions/', import.meta.url);
const streets = fs.readFileSync(new URL('streets_gaomi_wenshan_qiaocheng.csv', dataDir), 'utf8');
const villages = fs.readFileSync(new URL('villages_gaomi_wenshan_qiaocheng.csv', dataDir), 'utf8');

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.query(`INSERT INTO tenant (tenant_id, name) VALUES ('370785', '高密市'), ('532601', '文山市')`);
});
afterAll(async () => {
  await database?.close();
});

const importFor = (tenantId: string, csvText: string) => database.db.transaction((tx) => importDivisions(tx, { tenantId, csvText }));

async function nodes(tenantId: string) {
  return rows<{
    kind: string;
    subkind: string | null;
    name: string;
    code: string;
    depth: number;
    path: string;
    parent_path: string | null;
  }>(
    database.db,
    sql`SELECT n.kind, n.subkind, n.name, n.code, n.depth, n.path::text AS path, p.path::text AS parent_path
        FROM territory_node n LEFT JOIN territory_node p ON p.tenant_id = n.tenant_id AND p.id = n.parent_id
        WHERE n.tenant_id = ${tenantId} ORDER BY n.code`,
  );
}

async function expectUnprocessable(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('unprocessable');
  return (err as AppError).details as { row: number; column: string; reason: string; value: unknown }[];
}

describe('importDivisions', () => {
  it('refuses the village file before the township file, writing nothing', async () => {
    const details = await expectUnprocessable(importFor('370785', villages));
    expect(details[0]).toMatchObject({ column: 'streetCode', value: '370785001' });
    expect(await nodes('370785')).toHaveLength(0);
  });

  it('creates the county and its subdistricts with cleaned names and subkinds', async () => {
    expect(await importFor('370785', streets)).toEqual({ created: 11, updated: 0 });
    const all = await nodes('370785');
    expect(all[0]).toMatchObject({ kind: 'county', name: '高密市', code: '370785', depth: 0, parent_path: null });
    const chaoyang = all.find((n) => n.code === '370785001');
    expect(chaoyang).toMatchObject({ kind: 'subdistrict', subkind: 'street', name: '朝阳街道', depth: 1 });
    expect(all.find((n) => n.code === '370785100')).toMatchObject({ subkind: 'town', name: '柏城镇' });
  });

  it('creates the communities under their subdistricts with correct paths', async () => {
    expect(await importFor('370785', villages)).toEqual({ created: 910, updated: 0 });
    const all = await nodes('370785');
    const communities = all.filter((n) => n.kind === 'community');
    expect(communities).toHaveLength(910);
    expect(communities.filter((n) => n.subkind === 'urban')).toHaveLength(44);
    expect(communities.every((n) => n.depth === 2 && n.path.startsWith(`${n.parent_path}.`) && n.path.split('.').length === 3)).toBe(true);
    expect(communities.find((n) => n.name === '秦家岭社区')).toMatchObject({ subkind: 'urban' });
    expect(communities.find((n) => n.name === '龙德社区')).toMatchObject({ subkind: 'urban' });
    const division = await rows<{ level: string; parent_code: string; name: string }>(
      database.db,
      sql`SELECT level, parent_code, name FROM division WHERE code = '370785001009'`,
    );
    expect(division[0]).toMatchObject({ level: 'community', parent_code: '370785001' });
  });

  it('is idempotent: a second import creates and updates nothing', async () => {
    const before = await nodes('370785');
    expect(await importFor('370785', streets)).toEqual({ created: 0, updated: 0 });
    expect(await importFor('370785', villages)).toEqual({ created: 0, updated: 0 });
    expect(await nodes('370785')).toEqual(before);
  });

  it('updates a renamed division by its code', async () => {
    const renamed = streets.replace('"高密市醴泉街道"', '"高密市新醴泉街道"');
    expect(await importFor('370785', renamed)).toEqual({ created: 0, updated: 1 });
    expect((await nodes('370785')).find((n) => n.code === '370785002')?.name).toBe('新醴泉街道');
    expect(await importFor('370785', streets)).toEqual({ created: 0, updated: 1 });
  });

  it('keeps only the rows of the tenant county', async () => {
    expect(await importFor('532601', streets)).toEqual({ created: 19, updated: 0 });
    const all = await nodes('532601');
    expect(all.every((n) => n.code.startsWith('532601'))).toBe(true);
    expect(all.find((n) => n.code === '532601403')?.subkind).toBe('zone');
  });

  it('reports every bad row with its row, column and value, and writes nothing', async () => {
    const bad = [
      'code,name,areaCode,provinceCode,cityCode',
      '370785001,"高密市朝阳街道",370785,37,3707',
      '37078500X,"坏代码",370785,37,3707',
      '370785002,"",370785,37,3707',
      '370785003,"高密市密水街道",370786,37,3707',
      '370785001,"重复",370785,37,3707',
      '370785199,"新设街道",370785,37,3707',
    ].join('\n');
    const before = await nodes('370785');
    const details = await expectUnprocessable(importFor('370785', bad));
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'code', value: '37078500X' }),
        expect.objectContaining({ row: 4, column: 'name' }),
        expect.objectContaining({ row: 5, column: 'areaCode', value: '370786' }),
        expect.objectContaining({ row: 6, column: 'code', value: '370785001' }),
      ]),
    );
    expect(await nodes('370785')).toEqual(before);
  });

  it('rejects a file with an unknown header', async () => {
    const details = await expectUnprocessable(importFor('370785', 'id,title\n1,x\n'));
    expect(details[0]).toMatchObject({ row: 1 });
  });
});

describe('name cleaning', () => {
  it('drops the county prefix of subdistricts and the committee suffix of urban communities', () => {
    expect(cleanSubdistrictName('高密市朝阳街道', '高密市')).toBe('朝阳街道');
    expect(cleanSubdistrictName('柏城镇', '高密市')).toBe('柏城镇');
    expect(cleanCommunityName('秦家岭社区居委会')).toBe('秦家岭社区');
    expect(cleanCommunityName('龙德社区居民委员会')).toBe('龙德社区');
    expect(cleanCommunityName('芝兰一村村民委员会')).toBe('芝兰一村村民委员会');
  });
});
