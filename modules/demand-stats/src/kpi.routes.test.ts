import { accountsModule } from '@linli/accounts';
import { loadConfig, type ModuleDeps } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { demandsModule } from '@linli/demands';
import { buildDemandWorld, type DemandWorld, demandAt, testCipher } from '@linli/demands/testing';
import { buildApp, type LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandStatsModule } from './module.ts';

let database: Database;
let app: LinliApp;
let world: DemandWorld;
type Who = keyof DemandWorld['ctx'];
const sessions = {} as Record<Who, Session>;
// The demands are made now through the commands; the period is the current year in Shanghai.
const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const period = `from=${year}-01-01&to=${year}-12-31`;

beforeAll(async () => {
  database = await createTestDatabase();
  const deps: ModuleDeps = {
    database,
    db: database.db,
    cipher: testCipher,
    config: { ...loadConfig({}), rateLimit: { apiPerMinute: 100_000, loginPerMinute: 100_000 } },
  };
  app = await buildApp({ deps, modules: [accountsModule, demandsModule, demandStatsModule] });
  await app.ready();
  world = await buildDemandWorld(database.db);
  for (const who of ['subdistrict', 'community', 'otherCommunity', 'resident'] as const) {
    sessions[who] = await login(app, world.accounts[who]!.username, world.accounts[who]!.password);
  }
  // Two demands handled by compounds[0] and evaluated, one still waiting to be accepted; all at households[0].
  await demandAt(database.db, world, 'evaluated', { satisfaction: 'satisfied' });
  await demandAt(database.db, world, 'evaluated', { satisfaction: 'basically_satisfied' });
  await demandAt(database.db, world, 'submitted');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (who: Who, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: sessions[who].headers });

describe('KPI dashboard API', () => {
  it('keeps the total at the top level and adds the groups: child territory', async () => {
    const { subdistricts, communities } = world.tree;
    const res = await get('subdistrict', `/demands/kpis?nodeId=${subdistricts[0]!.id}&${period}&groupBy=child`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.submitted).toBe(3);
    expect(body.kpis).toMatchObject({ nodeId: subdistricts[0]!.id, submitted: 3, accepted: 2, resolved: 2, satisfactionRate: 1 });
    expect(body.groups.map((g: { key: string; label: string; kpis: { submitted: number } }) => [g.key, g.label, g.kpis.submitted])).toEqual(
      [
        [communities[0]!.id, communities[0]!.name, 3],
        [communities[1]!.id, communities[1]!.name, 0],
      ],
    );
    const plain = (await get('subdistrict', `/demands/kpis?nodeId=${subdistricts[0]!.id}&${period}`)).json();
    expect(plain.groups).toEqual([]);
    const { kpis, groups, ...top } = plain;
    expect(top).toEqual(kpis);
  });

  it('marks the month under way as partial (month to date) in the monthly breakdown', async () => {
    const node = world.tree.subdistricts[0]!.id;
    const body = (await get('subdistrict', `/demands/kpis?nodeId=${node}&${period}&groupBy=month`)).json();
    const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const months = body.groups as { key: string; partial?: boolean; kpis: { submitted: number } }[];
    expect(months).toHaveLength(12);
    expect(months.filter((g) => g.partial).map((g) => g.key)).toEqual([thisMonth]);
    expect(months.every((g) => typeof g.partial === 'boolean')).toBe(true);
    // The demands made now are in that month.
    expect(months.find((g) => g.key === thisMonth)?.kpis.submitted).toBe(3);
    const byChild = (await get('subdistrict', `/demands/kpis?nodeId=${node}&${period}&groupBy=child`)).json();
    expect(byChild.groups.some((g: { partial?: boolean }) => 'partial' in g)).toBe(false);
  });

  it('filters by category with its subcategories', async () => {
    const node = world.tree.subdistricts[0]!.id;
    const noise = (await get('subdistrict', `/demands/kpis?nodeId=${node}&${period}&categoryId=${world.categories.neighbourhood}`)).json();
    expect(noise.submitted).toBe(3);
    const other = (await get('subdistrict', `/demands/kpis?nodeId=${node}&${period}&categoryId=${world.categories.parking}`)).json();
    expect(other.submitted).toBe(0);
  });

  it('ranks the handling units with the minimum sample', async () => {
    const { subdistricts, compounds } = world.tree;
    const res = await get('subdistrict', `/demands/rankings?nodeId=${subdistricts[0]!.id}&${period}&level=compound&minSample=2`);
    expect(res.statusCode).toBe(200);
    const list = res.json() as { unitId: string; unitName: string; level: string; sample: number; rank: number | null }[];
    expect(list[0]).toMatchObject({ unitId: compounds[0]!.id, unitName: compounds[0]!.name, level: 'compound', sample: 2, rank: 1 });
    expect(list.slice(1).map((u) => [u.sample, u.rank])).toEqual([
      [0, null],
      [0, null],
      [0, null],
    ]);
    const strict = (await get('subdistrict', `/demands/rankings?nodeId=${subdistricts[0]!.id}&${period}&minSample=3`)).json();
    expect(strict.every((u: { rank: number | null }) => u.rank === null)).toBe(true);
  });

  it('exports the breakdown as Excel, with a total row, and audits the export', async () => {
    const res = await get('subdistrict', `/demands/kpis/export.xlsx?nodeId=${world.tree.subdistricts[0]!.id}&${period}&groupBy=level`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('办理层级');
    expect(sheet.getRow(1).getCell(2).value).toBe('诉求数');
    const labels = [2, 3, 4, 5, 6].map((r) => [sheet.getRow(r).getCell(1).value, sheet.getRow(r).getCell(2).value]);
    expect(labels).toEqual([
      ['小区', 3],
      ['社区', 0],
      ['街道', 0],
      ['职能部门', 0],
      ['合计', 3],
    ]);
    // Satisfaction in percent: both evaluations count (满意 + 基本满意).
    expect(sheet.getRow(6).getCell(8).value).toBe(100);
    const [audit] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event WHERE action = 'demand.kpi_export'");
    expect(audit!.n).toBe(1);
  });

  it('checks demand.read on the place asked for', async () => {
    const { communities, subdistricts } = world.tree;
    expect((await get('community', `/demands/kpis?nodeId=${communities[0]!.id}&${period}&groupBy=child`)).statusCode).toBe(200);
    expect((await get('community', `/demands/kpis?nodeId=${subdistricts[0]!.id}&${period}`)).statusCode).toBe(403);
    expect((await get('otherCommunity', `/demands/rankings?nodeId=${communities[0]!.id}&${period}`)).statusCode).toBe(403);
    expect((await get('resident', `/demands/kpis/export.xlsx?nodeId=${communities[0]!.id}&${period}`)).statusCode).toBe(403);
  });

  it('answers bad input with 4xx and the field, never 500', async () => {
    const node = world.tree.subdistricts[0]!.id;
    const cases: [string, number, string?][] = [
      [`/demands/kpis?nodeId=${node}&${period}&groupBy=weekly`, 400],
      [`/demands/kpis?nodeId=${node}&${period}&colour=red`, 400],
      [`/demands/kpis?nodeId=${node}&from=${year}-12-31&to=${year}-01-01`, 400, 'to'],
      [`/demands/kpis?nodeId=${node}&from=1990-01-01&to=2030-12-31&groupBy=month`, 400, 'to'],
      [`/demands/kpis?nodeId=${node}&${period}&categoryId=not-a-uuid`, 400],
      [`/demands/kpis?nodeId=${node}&${period}&categoryId=${world.tree.county.id}`, 400, 'categoryId'],
      [`/demands/kpis?nodeId=01900000-0000-7000-8000-000000000000&${period}`, 404],
      [`/demands/rankings?nodeId=${node}&${period}&minSample=0`, 400],
      [`/demands/rankings?nodeId=${node}&${period}&level=household`, 400],
      [`/demands/kpis/export.xlsx?nodeId=${node}&from=${year}-02-30&to=${year}-03-01`, 400],
    ];
    for (const [url, status, field] of cases) {
      const res = await get('subdistrict', url);
      expect([url, res.statusCode]).toEqual([url, status]);
      expect(res.json().error.code).toBeTruthy();
      if (field) expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });
});
