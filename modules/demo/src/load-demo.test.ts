import fs from 'node:fs';
import { type Actor, isValidIdNumber, maskPhone, PersonalDataCipher } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { classifierStatus } from '@linli/demand-smart';
import { KpiRepository } from '@linli/demand-stats';
import { DemandRepository } from '@linli/demands';
import { modules } from '@linli/server/modules';
import { createTestApp, login, type TestApp } from '@linli/server/test/helpers';
import { importDivisions } from '@linli/territory/commands/import-divisions';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEMANDS, DEMO_RECENT_DEMANDS } from './demo-demands.ts';
import {
  DEMO_PASSWORD,
  type DemoSummary,
  demoAccounts,
  isCountyLoaded,
  isDemoLoaded,
  isDemoNeeded,
  loadDemo,
  loadMoreCounties,
  moreDemoCounties,
} from './index.ts';
import { countRows } from './load-demo.ts';

const masterKey = Buffer.alloc(32, 7);
const cipher = new PersonalDataCipher(masterKey);
let database: Database;
let summary: DemoSummary;
let neededBefore: boolean;
let loadedBefore: boolean;
const reported: { step: string; done: number; total: number }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  neededBefore = await isDemoNeeded(database);
  loadedBefore = await isDemoLoaded(database);
  // With the master key the residents' numbers are encrypted on a worker thread (protect-in-worker.ts).
  summary = await loadDemo(
    { database, cipher, masterKey },
    { modules, onProgress: (step, done, total) => reported.push({ step, done, total }) },
  );
}, 900_000);
afterAll(async () => {
  await database?.close();
});

describe('loadDemo', () => {
  it('is needed on an empty database and not after loading', async () => {
    expect(neededBefore).toBe(true);
    expect(await isDemoNeeded(database)).toBe(false);
  });

  it('is reported as loaded (the start-up message then lists the demo accounts) only after loading', async () => {
    expect(loadedBefore).toBe(false);
    expect(await isDemoLoaded(database)).toBe(true);
  });

  it('reports every step it starts as finished, in order, ending with done', () => {
    const steps = [...new Set(reported.map((r) => r.step))];
    expect(steps).toEqual([
      'tenants',
      'divisions',
      'buildings',
      'households',
      'residents',
      'party',
      'grids',
      'organisations',
      'accounts',
      'demands',
      'classifier',
      ...modules.filter((m) => m.demo).map((m) => `demo:${m.name}`),
      'audit',
      'open311',
      'done',
    ]);
    for (const step of steps) {
      const last = reported.filter((r) => r.step === step).at(-1)!;
      expect(last.done, step).toBe(last.total);
    }
  });

  it('trains the county’s classifier on its own handled demands, with the setting chosen by cross-validation', async () => {
    const status = await classifierStatus(database.db, '370785');
    expect(status).toMatchObject({ trained: true, source: 'tenant', trainedBy: null });
    expect(status.tenantSamples).toBeGreaterThan(10_000);
    expect(status.category.crossValidation?.folds).toBe(5);
    expect(status.category.crossValidation!.accuracy).toBeGreaterThan(status.category.majorityBaseline + 0.3);
  });

  it('meets the published figures of 高密市', () => {
    expect(summary.counts).toMatchObject({
      subdistricts: 10,
      communities: 910,
      urban_communities: 44,
      compounds: 225,
      compound_branches: 219,
      building_groups: 1634,
      member_households: 5326,
      dual_registrations: 75,
      accounts: demoAccounts.length,
    });
    expect(summary.counts.buildings).toBeGreaterThanOrEqual(1700);
  });

  it('links every member household to its household node and a party member as secretary', async () => {
    const [row] = await rows<{ bad: number }>(
      database.db,
      sql`SELECT count(*)::int AS bad FROM party_org o
          LEFT JOIN territory_node n ON n.tenant_id = o.tenant_id AND n.id = o.node_id
          LEFT JOIN resident r ON r.tenant_id = o.tenant_id AND r.id = o.secretary_id
          WHERE o.kind = 'member_household' AND (n.kind IS DISTINCT FROM 'household' OR r.household_id IS DISTINCT FROM o.node_id OR NOT r.is_party_member)`,
    );
    expect(row?.bad).toBe(0);
  });

  it('covers every building with one grid and one micro-grid', async () => {
    const [row] = await rows<{ bad: number }>(
      database.db,
      sql`SELECT count(*)::int AS bad FROM territory_node b
          WHERE b.kind = 'building' AND (
            (SELECT count(*) FROM grid_building gb JOIN grid g ON g.tenant_id = gb.tenant_id AND g.id = gb.grid_id
             WHERE gb.tenant_id = b.tenant_id AND gb.building_id = b.id AND g.level = 'grid') <> 1 OR
            (SELECT count(*) FROM grid_building gb JOIN grid g ON g.tenant_id = gb.tenant_id AND g.id = gb.grid_id
             WHERE gb.tenant_id = b.tenant_id AND gb.building_id = b.id AND g.level = 'micro_grid') <> 1)`,
    );
    expect(row?.bad).toBe(0);
  });

  it('stores every phone encrypted, decryptable and masked, and only synthetic ID numbers', async () => {
    const residents = await rows<{ phone_enc: string; phone_masked: string; id_number_enc: string; id_number_masked: string }>(
      database.db,
      sql`SELECT phone_enc, phone_masked, id_number_enc, id_number_masked FROM resident`,
    );
    expect(residents.length).toBe(summary.counts.residents);
    for (const r of residents) {
      const phone = cipher.decrypt(r.phone_enc);
      expect(phone).toMatch(/^1[3-9]\d0000\d{4}$/);
      expect(r.phone_masked).toBe(maskPhone(phone));
    }
    for (const r of residents.slice(0, 2000)) {
      const id = cipher.decrypt(r.id_number_enc);
      expect(isValidIdNumber(id)).toBe(true);
      expect(id.startsWith('370785')).toBe(true);
      expect(r.id_number_masked).toMatch(/^370785\*{8}\d{3}[\dX]$/);
    }
  });

  it('leaves the territory subtree counts equal to the rows, though the bulk steps inserted without their triggers', async () => {
    const [county] = await rows<Record<string, number>>(
      database.db,
      sql`SELECT r.compounds, r.buildings, r.entrances, r.households, r.residents, r.party_members
          FROM territory_rollup r JOIN territory_node n ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          WHERE n.tenant_id = '370785' AND n.kind = 'county'`,
    );
    const [members] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM resident r WHERE r.tenant_id = '370785' AND r.moved_out_at IS NULL
          AND (r.is_party_member OR EXISTS (SELECT 1 FROM party_member pm WHERE pm.tenant_id = r.tenant_id AND pm.resident_id = r.id))`,
    );
    expect(county).toEqual({
      compounds: summary.counts.compounds,
      buildings: summary.counts.buildings,
      entrances: summary.counts.entrances,
      households: summary.counts.households,
      residents: summary.counts.residents,
      party_members: members!.n,
    });
    const [disabled] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM pg_trigger WHERE tgname LIKE 'territory_rollup%' AND tgenabled = 'D'`,
    );
    expect(disabled!.n).toBe(0);
  });

  it('grants the demo accounts on the documented scopes', () => {
    expect(summary.accounts).toEqual(demoAccounts);
  });

  it('records one demo.load audit event per tenant', async () => {
    const events = await rows<{ tenant_id: string }>(
      database.db,
      sql`SELECT tenant_id FROM audit_event WHERE action = 'demo.load' ORDER BY tenant_id`,
    );
    expect(events.map((e) => e.tenant_id)).toEqual(['341602', '370785', '532601']);
  });

  it('loads three years of demands whose KPIs come out like the published figures, and open work in the inbox tabs', async () => {
    expect(summary.counts.demands).toBe(DEMO_DEMANDS + DEMO_RECENT_DEMANDS);
    const [county] = await rows<{ id: string; path: string }>(
      database.db,
      sql`SELECT id, path::text AS path FROM territory_node WHERE tenant_id = '370785' AND kind = 'county'`,
    );
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const threeYears = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
    const kpis = await new KpiRepository(database.db).forSubtree('370785', county!, threeYears, today);
    // 谯城区 publishes 96.8 % completion and 99.5 % satisfaction; the generated loop lands near them.
    expect(kpis.submitted).toBe(DEMO_DEMANDS + DEMO_RECENT_DEMANDS);
    expect(kpis.completionRate).toBeGreaterThan(0.95);
    expect(kpis.completionRate).toBeLessThan(0.99);
    expect(kpis.satisfactionRate).toBeGreaterThan(0.99);
    expect(Object.values(kpis.resolvedByLevel).every((share) => share !== null && share > 0.1)).toBe(true);

    const scope = summary.accounts.find((a) => a.username === 'community')!.scope;
    const [community] = await rows<{ id: string; path: string; name: string }>(
      database.db,
      sql`SELECT id, path::text AS path, name FROM territory_node WHERE tenant_id = '370785' AND kind = 'community' AND name = ${scope}`,
    );
    const actor: Actor = {
      accountId: '00000000-0000-7000-8000-000000000000',
      username: 'community',
      displayName: 'community',
      tenantId: '370785',
      grants: [
        {
          id: 'g',
          role: 'community_staff',
          nodeId: community!.id,
          path: community!.path,
          nodeName: community!.name,
          nodeKind: 'community',
        },
      ],
    };
    const inbox = new DemandRepository(database.db);
    for (const tab of ['to_accept', 'in_progress', 'due_soon', 'to_callback'] as const) {
      expect([tab, await inbox.count('370785', actor, { tab })]).toEqual([tab, expect.any(Number)]);
      expect(await inbox.count('370785', actor, { tab })).toBeGreaterThan(0);
    }
    const [mine] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM demand d JOIN account a ON a.id = d.reporter_account_id WHERE a.username = 'resident'`,
    );
    expect(mine!.n).toBe(5);
  });

  it('changes nothing when the divisions are imported a second time', async () => {
    const dir = new URL('../../territory/data/divisions/', import.meta.url);
    const before = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM territory_node`);
    for (const file of ['streets_gaomi_wenshan_qiaocheng.csv', 'villages_gaomi_wenshan_qiaocheng.csv']) {
      const csvText = fs.readFileSync(new URL(file, dir), 'utf8');
      const result = await database.db.transaction((tx) => importDivisions(tx, { tenantId: '370785', csvText }));
      expect(result).toEqual({ created: 0, updated: 0 });
    }
    expect(await rows(database.db, sql`SELECT count(*)::int AS n FROM territory_node`)).toEqual(before);
  });
});

describe('loadMoreCounties', () => {
  const T = '341602';
  let loaded: { name: string; elapsedMs: number }[];
  let again: { name: string; elapsedMs: number }[];
  let gaomiBefore: Record<string, number>;
  const steps: string[] = [];

  beforeAll(async () => {
    gaomiBefore = await countRows(database.db, '370785');
    loaded = await loadMoreCounties({ database, cipher }, { modules, onProgress: (step) => steps.push(step) });
    again = await loadMoreCounties({ database, cipher });
  }, 600_000);

  it('loads 谯城区 and 文山市 once, with their progress named after them, and leaves 高密市 as it was', async () => {
    expect(loaded.map((l) => l.name)).toEqual(['谯城区', '文山市']);
    expect(again).toEqual([]);
    expect(steps).toContain('谯城区 residents');
    expect(steps).toContain('文山市 residents');
    expect(await countRows(database.db, '370785')).toEqual(gaomiBefore);
    for (const county of moreDemoCounties) expect(await isCountyLoaded(database, county)).toBe(true);
    console.info(`more counties loaded: ${loaded.map((l) => `${l.name} ${(l.elapsedMs / 1000).toFixed(1)} s`).join(', ')}`);
  });

  it('holds the 583 compounds of 文山市 in the 32 communities of its 3 streets, with its demo accounts', async () => {
    const W = '532601';
    const counts = await countRows(database.db, W);
    expect(counts).toMatchObject({ compounds: 583, compound_branches: 200, accounts: 3, role_grants: 3 });
    const [spread] = await rows<{ communities: number; streets: number }>(
      database.db,
      sql`SELECT count(DISTINCT c.id)::int AS communities, count(DISTINCT c.parent_id)::int AS streets
          FROM territory_node k JOIN territory_node c ON c.tenant_id = k.tenant_id AND c.id = k.parent_id
          WHERE k.tenant_id = ${W} AND k.kind = 'compound'`,
    );
    expect(spread).toEqual({ communities: 32, streets: 3 });
    const grants = await rows<{ username: string; kind: string; name: string }>(
      database.db,
      sql`SELECT a.username, n.kind, n.name FROM account a JOIN role_grant g ON g.tenant_id = a.tenant_id AND g.account_id = a.id
          JOIN territory_node n ON n.tenant_id = g.tenant_id AND n.id = g.node_id WHERE a.tenant_id = ${W} ORDER BY a.username`,
    );
    expect(grants.map((g) => [g.username, g.kind])).toEqual([
      ['ws-admin', 'county'],
      ['ws-community', 'community'],
      ['ws-resident', 'household'],
    ]);
    expect(grants.find((g) => g.username === 'ws-community')?.name).toBe('振华社区');
    // Its report's organisation figures: 976 micro-grids with 3,261 members, 76 红管家 teams, 542
    // owners' committees and 37 property management committees; every building in one micro-grid.
    const [org] = await rows<Record<string, number>>(
      database.db,
      sql`SELECT
        (SELECT count(*)::int FROM grid WHERE tenant_id = ${W} AND level = 'micro_grid') AS "microGrids",
        (SELECT count(*)::int FROM grid_member m JOIN grid g ON g.tenant_id = m.tenant_id AND g.id = m.grid_id
          WHERE g.tenant_id = ${W} AND g.level = 'micro_grid') AS "microGridMembers",
        (SELECT count(*)::int FROM organisation WHERE tenant_id = ${W} AND kind = 'red_steward_team') AS "redStewardTeams",
        (SELECT count(*)::int FROM organisation WHERE tenant_id = ${W} AND kind = 'owners_committee') AS "ownersCommittees",
        (SELECT count(*)::int FROM organisation WHERE tenant_id = ${W} AND kind = 'property_management_committee') AS "interim",
        (SELECT count(*)::int FROM territory_node b WHERE b.tenant_id = ${W} AND b.kind = 'building' AND (SELECT count(*) FROM grid_building gb
          JOIN grid g ON g.tenant_id = gb.tenant_id AND g.id = gb.grid_id
          WHERE gb.tenant_id = b.tenant_id AND gb.building_id = b.id AND g.level = 'micro_grid') <> 1) AS "buildingsNotInOne"`,
    );
    expect(org).toEqual({
      microGrids: 976,
      microGridMembers: 3261,
      redStewardTeams: 76,
      ownersCommittees: 542,
      interim: 37,
      buildingsNotInOne: 0,
    });
  });

  it('holds the 85 compounds of its seed text, each with its party branch, in 41 communities', async () => {
    const counts = await countRows(database.db, T);
    expect(counts).toMatchObject({ compounds: 85, compound_branches: 85, accounts: 3, role_grants: 3 });
    expect(counts.residents).toBeGreaterThan(10_000);
    const [spread] = await rows<{ communities: number }>(
      database.db,
      sql`SELECT count(DISTINCT parent_id)::int AS communities FROM territory_node WHERE tenant_id = ${T} AND kind = 'compound'`,
    );
    expect(spread!.communities).toBe(41);
    // Loaded beside a running server with the count triggers off for its own transaction: the county's
    // subtree counts, computed once, agree with its rows.
    const [county] = await rows<{ compounds: number; residents: number }>(
      database.db,
      sql`SELECT r.compounds, r.residents FROM territory_rollup r JOIN territory_node n ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          WHERE n.tenant_id = ${T} AND n.kind = 'county'`,
    );
    expect(county).toEqual({ compounds: 85, residents: counts.residents });
  });

  it('gives its residents 谯城区 ID numbers and its accounts their places in 谯城区', async () => {
    const residents = await rows<{ id_number_enc: string }>(
      database.db,
      sql`SELECT id_number_enc FROM resident WHERE tenant_id = ${T} ORDER BY id LIMIT 200`,
    );
    for (const r of residents) {
      const id = cipher.decrypt(r.id_number_enc);
      expect(isValidIdNumber(id)).toBe(true);
      expect(id.startsWith(T)).toBe(true);
    }
    const grants = await rows<{ username: string; role: string; kind: string; linked: boolean }>(
      database.db,
      sql`SELECT a.username, g.role, n.kind,
                 EXISTS (SELECT 1 FROM resident r WHERE r.tenant_id = a.tenant_id AND r.account_id = a.id AND r.household_id = n.id) AS linked
          FROM account a JOIN role_grant g ON g.tenant_id = a.tenant_id AND g.account_id = a.id
          JOIN territory_node n ON n.tenant_id = g.tenant_id AND n.id = g.node_id
          WHERE a.tenant_id = ${T} ORDER BY a.username`,
    );
    expect(grants).toEqual([
      { username: 'qc-admin', role: 'system_admin', kind: 'county', linked: false },
      { username: 'qc-community', role: 'community_staff', kind: 'community', linked: false },
      { username: 'qc-resident', role: 'resident', kind: 'household', linked: true },
    ]);
    const [company] = await rows<{ name: string }>(
      database.db,
      sql`SELECT name FROM organisation WHERE tenant_id = ${T} AND kind = 'property_company' AND state_owned ORDER BY name LIMIT 1`,
    );
    expect(company!.name.startsWith('谯城区')).toBe(true);
  });
});

/** The last 12 months in Shanghai days, as the dashboard's default period: [today − 1 year + 1 day, today]. */
function lastTwelveMonths(now = new Date()): { from: string; to: string } {
  const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const from = new Date(now.getTime() + 8 * 3_600_000);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  from.setUTCDate(from.getUTCDate() + 1);
  return { from: from.toISOString().slice(0, 10), to: day(now) };
}

describe('the deliberation dashboards of the demo counties', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ database });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function kpis(username: string) {
    const session = await login(t.app, username, DEMO_PASSWORD);
    const { from, to } = lastTwelveMonths();
    const res = await t.app.inject({ url: `/api/v1/deliberation/kpis?from=${from}&to=${to}`, headers: session.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('reproduce 谯城区’s published figures from its records over the last 12 months', async () => {
    const figures = await kpis('qc-admin');
    // 召开议事协商会议168次，解决群众问题诉求185件，办结率96.8%，满意率99.5%；难题15个；监督委员会85个、成员534人；毫议站85处；意见建议4条
    expect(figures).toMatchObject({
      meetings: 168,
      topicsResolved: 185,
      completionRate: 0.968,
      satisfactionRate: 0.995,
      redProjects: 15,
      supervisionCommittees: 85,
      supervisionMembers: 534,
      stations: 85,
      ideasReported: 4,
      sources: { meetings: 'meetings', completion: 'resolutions', satisfaction: 'resolutions' },
    });
    expect(figures.meetingsByLevel).toMatchObject({ compound: 128, community: 32, subdistrict: 8 });
    // The months add up to the period's totals.
    const sum = (k: string) => figures.byMonth.reduce((n: number, m: Record<string, number>) => n + (m[k] ?? 0), 0);
    expect([sum('meetings'), sum('topicsCollected'), sum('topicsResolved')]).toEqual([168, figures.topicsCollected, 185]);
    expect(figures.topicsExcluded).toBeGreaterThan(0);
  });

  it('reproduce 高密市’s figures: 416 compound meetings, 309 demands collected, 185 solved', async () => {
    const figures = await kpis('county');
    expect(figures.meetingsByLevel.compound).toBe(416);
    expect(figures).toMatchObject({ topicsCollected: 309, topicsResolved: 185 });
    // Its venues beside the compound stations.
    expect(figures.stations).toBeGreaterThan(225);
  });

  async function propertyKpis(username: string) {
    const session = await login(t.app, username, DEMO_PASSWORD);
    const { from, to } = lastTwelveMonths();
    const res = await t.app.inject({ url: `/api/v1/property/kpis?from=${from}&to=${to}`, headers: session.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('reproduce 高密市’s property reform: 186 old compounds in four kinds, 10 clusters adopted, 24 community service companies', async () => {
    const figures = await propertyKpis('county');
    expect(figures.compoundsByStatus).toEqual({ well: 58, poor: 64, unmanaged: 41, self: 23 });
    expect(figures).toMatchObject({ clusters: 10, communityServiceCompanies: 24 });
  });

  it('reproduce 文山市’s property reform figures from its records over the last 12 months', async () => {
    const figures = await propertyKpis('ws-admin');
    // 业工委542个、物管会37个；微网格976个、成员3261名；红管家76支；改造54个小区；拆违855处9万平方米、清理垃圾1516.2吨、
    // 施划车位6597个、安装充电桩630个；联席会议县级7次、街道16次、社区97次
    expect(figures).toMatchObject({
      ownersCommittees: 542,
      propertyManagementCommittees: 37,
      microGrids: 976,
      microGridMembers: 3261,
      redStewardTeams: 76,
      renovatedCompounds: 54,
      illegalStructuresRemoved: 855,
      illegalStructureAreaM2: 90_000,
      rubbishTonnes: 1516.2,
      parkingSpaces: 6597,
      chargers: 630,
      jointMeetings: { county: 7, subdistrict: 16, community: 97 },
    });
    // 党组织249个 in property companies and compounds: the compound branches and the companies naming their party organisation.
    expect(figures.compoundBranches + figures.companiesWithPartyOrg).toBe(249);
    expect(figures.compoundBranches).toBe(200);
    // 党建指导员108名, from the register of instructors serving today.
    expect(figures.instructors).toBe(108);
    // 小区党群服务站65个、议事亭51个、邻里空间34个, as the property dashboard shows them.
    expect(Object.fromEntries(figures.stations.map((s: { kind: string; count: number }) => [s.kind, s.count]))).toEqual({
      party_station: 65,
      pavilion: 51,
      neighbour_space: 34,
    });
  });

  it('count 文山市’s 65 party service stations, 51 pavilions and 34 neighbour spaces', async () => {
    const figures = await kpis('ws-admin');
    expect(figures.stationsByKind).toEqual({ party_station: 65, pavilion: 51, neighbour_space: 34 });
    expect(figures.stations).toBe(150);
  });
});
