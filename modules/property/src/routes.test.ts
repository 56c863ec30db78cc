import { createAccount } from '@linli/accounts/testing';
import { newId } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { StationRepository } from '@linli/deliberation';
import { ownersCommitteesModule } from '@linli/owners-committees';
import { buildCommitteeWorld, committeeWith } from '@linli/owners-committees/testing';
import { buildModuleApp, contextFor, insertNode } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptClusterAssignments } from './commands/adopt-cluster-assignments.ts';
import { propertyModule } from './module.ts';
import { testCreditCode } from './testing.ts';

let database: Database;
let app: LinliApp;
let world: Awaited<ReturnType<typeof buildCommitteeWorld>>;
let staffA: Session;
let staffB: Session;
let county: Session;
let a2: { id: string };
let a3: { id: string };
let a4: { id: string };
const api = '/api/v1/property';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [propertyModule, ownersCommitteesModule]);
  world = await buildCommitteeWorld(database.db);
  const { tree } = world;
  a2 = await insertNode(database.db, { parent: tree.a.community, kind: 'compound', name: '凤凰二区' });
  a3 = await insertNode(database.db, { parent: tree.a.community, kind: 'compound', name: '凤凰三区' });
  a4 = await insertNode(database.db, { parent: tree.a.community, kind: 'compound', name: '凤凰四区' });
  const account = async (username: string, role: 'community_staff' | 'county_staff', nodeId: string) => {
    const made = await createAccount(database.db, { tenantId: '370785', username, grants: [{ role, nodeId }] });
    return login(app, made.username, made.password);
  };
  staffA = await account('property.a', 'community_staff', tree.a.community.id);
  staffB = await account('property.b', 'community_staff', tree.b.community.id);
  county = await account('property.county', 'county_staff', tree.county.id);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function post<T = { id: string }>(session: Session, url: string, payload: object, status = 201): Promise<T> {
  const res = await app.inject({ method: 'POST', url: `${api}${url}`, headers: session.headers, payload });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

describe('property HTTP API', () => {
  it('registers companies, lists them filtered and sorted in scope only, shows one with contracts and cross-postings, exports them', async () => {
    const { tree } = world;
    const market = await post(staffA, '/companies', {
      communityId: tree.a.community.id,
      name: 'B 凤凰物业',
      kind: 'market',
      creditCode: testCreditCode(),
    });
    await post(staffA, '/companies', { communityId: tree.a.community.id, name: 'A 凤凰自管会', kind: 'self_managed' });
    await post(staffA, `/companies/${market.id}/cross-postings`, {
      personName: '李红',
      companyPost: '经理',
      partyPost: '社区党委委员',
      since: '2024-01-01',
    });
    const list = await app.inject({ url: `${api}/companies?sort=-name`, headers: staffA.headers });
    expect(list.json().items.map((c: { name: string }) => c.name)).toEqual(['B 凤凰物业', 'A 凤凰自管会']);
    const filtered = await app.inject({ url: `${api}/companies?kind=self_managed`, headers: staffA.headers });
    expect(filtered.json().items).toHaveLength(1);
    expect((await app.inject({ url: `${api}/companies`, headers: staffB.headers })).json().items).toEqual([]);
    const detail = await app.inject({ url: `${api}/companies/${market.id}`, headers: staffA.headers });
    expect(detail.json()).toMatchObject({ kind: 'market', crossPostings: [{ personName: '李红' }], contracts: [] });
    expect((await app.inject({ url: `${api}/companies/${market.id}`, headers: staffB.headers })).statusCode).toBe(404);
    const file = await app.inject({ url: `${api}/companies/export.xlsx?kind=market`, headers: staffA.headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('answers bad input with 400 naming the field, and ids of another community or county with 404, writing nothing', async () => {
    const { tree } = world;
    const bad = await app.inject({
      method: 'POST',
      url: `${api}/companies`,
      headers: staffA.headers,
      payload: { communityId: tree.a.community.id, name: 'x', kind: 'mystery' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('kind');
    const code = await app.inject({
      method: 'POST',
      url: `${api}/companies`,
      headers: staffA.headers,
      payload: { communityId: tree.a.community.id, name: 'x', kind: 'market', creditCode: '91350100M000100Y44' },
    });
    expect(code.statusCode).toBe(400);
    expect(code.body).toContain('creditCode');
    const rate = await app.inject({
      method: 'POST',
      url: `${api}/contracts/${newId()}/collections`,
      headers: staffA.headers,
      payload: { period: '2025', rate: 1.5 },
    });
    expect(rate.statusCode).toBe(400);
    expect(rate.body).toContain('rate');
    const reason = await app.inject({
      method: 'POST',
      url: `${api}/compounds/${tree.a.compound.id}/override`,
      headers: staffA.headers,
      payload: { status: 'well' },
    });
    expect(reason.statusCode).toBe(400);
    expect(reason.body).toContain('reason');
    const kpi = await app.inject({ url: `${api}/kpis?from=2026-02-01&to=2026-01-01`, headers: county.headers });
    expect(kpi.statusCode).toBe(400);
    expect(kpi.body).toContain('to');
    for (const compoundId of [tree.b.compound.id, tree.other.household.id]) {
      const res = await app.inject({
        method: 'PUT',
        url: `${api}/compounds/${compoundId}`,
        headers: staffA.headers,
        payload: { floorAreaM2: 100 },
      });
      expect(res.statusCode, res.body).toBe(404);
    }
    for (const communityId of [tree.b.community.id, tree.other.community.id]) {
      const res = await app.inject({
        method: 'POST',
        url: `${api}/companies`,
        headers: staffA.headers,
        payload: { communityId, name: '越权物业', kind: 'market' },
      });
      expect(res.statusCode).toBe(404);
    }
    expect((await app.inject({ url: `${api}/compounds/${tree.b.compound.id}`, headers: staffA.headers })).statusCode).toBe(404);
    const [n] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM property_company WHERE name = '越权物业'");
    expect(n?.n).toBe(0);
  });

  it('computes the KPIs, the ledger and the profile list of a hand-made county', async () => {
    const { tree } = world;
    const company = (communityId: string, name: string, kind: string) => post(county, '/companies', { communityId, name, kind });
    const market = await company(tree.a.community.id, '凤凰物业', 'market');
    const self = await company(tree.a.community.id, '凤凰三区自管会', 'self_managed');
    const service = await company(tree.b.community.id, '康成社区服务公司', 'community_service');
    const [communityOrg] = await database.query<{ id: string }>(
      `SELECT id FROM party_org WHERE tenant_id = '370785' AND kind = 'community_committee' AND node_id = '${tree.b.community.id}'`,
    );
    // The state-owned company names its party organisation and the instructor the service company has too (one person).
    await post(county, '/companies', {
      communityId: tree.b.community.id,
      name: '城投物业',
      kind: 'state_owned',
      partyOrgId: communityOrg?.id ?? null,
      instructorName: '赵指导',
    });
    await app.inject({
      method: 'PUT',
      url: `${api}/companies/${service.id}`,
      headers: county.headers,
      payload: { communityId: tree.b.community.id, name: '康成社区服务公司', kind: 'community_service', instructorName: ' 赵指导 ' },
    });
    await app.inject({
      method: 'PUT',
      url: `${api}/companies/${market.id}`,
      headers: county.headers,
      payload: { communityId: tree.a.community.id, name: '凤凰物业', kind: 'market', instructorName: '钱指导' },
    });
    const contract = async (companyId: string, compoundId: string, fee: number, rate?: number) => {
      const k = await post(county, '/contracts', { companyId, compoundId, startsOn: '2025-01-01', feePerM2Month: fee, services: ['保洁'] });
      if (rate !== undefined) await post(county, `/contracts/${k.id}/collections`, { period: '2025', rate }, 200);
    };
    await contract(market.id, tree.a.compound.id, 0.8, 0.9); // 管得好
    await contract(market.id, a2.id, 0.6, 0.5); // 管不好
    await contract(self.id, a3.id, 0); // 自己管
    const put = await app.inject({
      method: 'PUT',
      url: `${api}/compounds/${a4.id}`,
      headers: county.headers,
      payload: { floorAreaM2: 3000 },
    }); // 无人管
    expect(put.statusCode, put.body).toBe(200);
    await contract(service.id, tree.b.compound.id, 0.5, 0.85); // 管得好, then overridden: 管不好
    const overridden = await post<{ status: string; history: { source: string }[] }>(
      county,
      `/compounds/${tree.b.compound.id}/override`,
      { status: 'poor', reason: '居民满意度测评不达标' },
      200,
    );
    expect(overridden.status).toBe('poor');
    const ctx = contextFor('370785', [{ role: 'county_staff', node: tree.county }]);
    const cluster = (compoundIds: string[], name: string) => ({
      clusterId: newId(),
      name,
      anchorCompoundId: compoundIds[0] as string,
      companyId: null,
      compoundIds,
      serviceMode: 'market' as const,
    });
    await database.db.transaction((tx) =>
      adoptClusterAssignments(tx, ctx, {
        scenarioId: newId(),
        reason: '组团方案通过',
        clusters: [cluster([tree.a.compound.id, a2.id], '万顺城'), cluster([tree.b.compound.id], '岭南花园')],
      }),
    );
    // An owners' committee in compound A: 2 of 3 members are party members (≥ 50 %); one closed case in the range.
    await committeeWith(database.db, world.street, { compoundId: tree.a.compound.id, kind: 'owners_committee', formedOn: '2026-01-10' }, [
      [world.a.li, 'chair'],
      [world.a.wang, 'member'],
      [world.a.zhang, 'member'],
    ]);
    const [department] = await database.query<{ id: string }>(
      "SELECT id FROM department WHERE tenant_id = '370785' AND active ORDER BY sort_order LIMIT 1",
    );
    const departmentId = department?.id;
    await database.db.execute(sql`INSERT INTO urban_case (tenant_id, id, kind, node_id, description, quantity, department_id, status, source, reported_at, assigned_at, closed_at)
      VALUES ('370785', ${newId()}, 'illegal_structure', ${a2.id}, '拆除违建', 80, ${departmentId}, 'closed', 'staff', '2026-01-02', '2026-01-03', '2026-01-20T02:00:00Z')`);

    // A joint meeting (联席会议) of community A held in the range and one before it; a council meeting that is no joint meeting.
    const jointCouncil = newId();
    const council = newId();
    await database.db.execute(sql`INSERT INTO council (tenant_id, id, node_id, level, kind, name)
      VALUES ('370785', ${jointCouncil}, ${tree.a.community.id}, 'community', 'joint_meeting', '红色物业联席会议'),
             ('370785', ${council}, ${tree.a.community.id}, 'community', 'council', '居民议事会')`);
    for (const [councilId, startsAt] of [
      [jointCouncil, '2026-03-05T02:00:00Z'],
      [jointCouncil, '2025-12-05T02:00:00Z'],
      [council, '2026-03-06T02:00:00Z'],
    ] as const) {
      await database.db.execute(sql`INSERT INTO meeting (tenant_id, id, council_id, node_id, level, title, starts_at, place_text, status, code)
        VALUES ('370785', ${newId()}, ${councilId}, ${tree.a.community.id}, 'community', '物业费收缴', ${startsAt}, '社区议事厅', 'closed', '123456')`);
    }
    // A micro-grid over compound A's building with two members; a 红管家 team in compound A.
    const micro = newId();
    const parentGrid = newId();
    await database.db.execute(sql`INSERT INTO grid (tenant_id, id, community_id, parent_id, level, name)
      VALUES ('370785', ${parentGrid}, ${tree.a.community.id}, NULL, 'grid', '第一网格'),
             ('370785', ${micro}, ${tree.a.community.id}, ${parentGrid}, 'micro_grid', '凤凰小区微网格')`);
    await database.db.execute(sql`INSERT INTO grid_member (tenant_id, id, grid_id, role, resident_id, name)
      VALUES ('370785', ${newId()}, ${micro}, 'leader', ${world.a.li}, '李'), ('370785', ${newId()}, ${micro}, 'volunteer', ${world.a.wang}, '王')`);
    await database.db.execute(
      sql`INSERT INTO grid_building (tenant_id, grid_id, building_id) VALUES ('370785', ${micro}, ${tree.a.building.id})`,
    );
    await database.db.execute(sql`INSERT INTO organisation (tenant_id, id, kind, name, node_id)
      VALUES ('370785', ${newId()}, 'red_steward_team', '凤凰小区红管家服务队', ${tree.a.compound.id})`);

    // A deliberation pavilion in compound A and a party service station in compound B that is no longer in service.
    await new StationRepository(database.db).ensureKinds('370785');
    for (const [node, kind, active] of [
      [tree.a.compound, 'pavilion', true],
      [tree.b.compound, 'station', false],
    ] as const) {
      const [n] = await database.query<{ path: string }>(
        `SELECT path::text AS path FROM territory_node WHERE tenant_id = '370785' AND id = '${node.id}'`,
      );
      await database.db.execute(sql`INSERT INTO deliberation_station (tenant_id, id, name, kind, level, node_id, node_path, active)
        VALUES ('370785', ${newId()}, ${`${kind}站`}, ${kind}, 'compound', ${node.id}, ${n?.path}::ltree, ${active})`);
    }
    const [branches] = await database.query<{ n: number }>(
      `SELECT count(DISTINCT node_id)::int AS n FROM party_org WHERE tenant_id = '370785' AND kind = 'compound_branch'`,
    );

    // Party-building instructors: two serving (a compound with its company, a community), one who left.
    await post(county, '/instructors', { name: '孙指导', nodeId: tree.a.compound.id, companyId: market.id, appointedOn: '2025-03-01' });
    await post(county, '/instructors', { name: '周指导', unit: '街道党工委', nodeId: tree.b.community.id, appointedOn: '2025-03-01' });
    const left = await post(county, '/instructors', { name: '吴指导', nodeId: a2.id, appointedOn: '2024-03-01' });
    await post(county, `/instructors/${left.id}/end`, { endedOn: '2025-02-28' }, 200);
    const kpis = await app.inject({ url: `${api}/kpis?from=2026-01-01&to=2026-12-31`, headers: county.headers });
    expect(kpis.statusCode, kpis.body).toBe(200);
    expect(kpis.json()).toEqual({
      compounds: 5,
      compoundsByStatus: { well: 1, poor: 2, unmanaged: 1, self: 1 },
      compoundsByMode: { market: 3 },
      clusters: 2,
      // with the first test's market company and self-managed committee in community A
      companiesByKind: { state_owned: 1, market: 2, community_service: 1, self_managed: 2 },
      communityServiceCompanies: 1,
      ownersCommittees: 1,
      propertyManagementCommittees: 0,
      committeesPartyShareMet: 1,
      renovatedCompounds: 0,
      illegalStructuresRemoved: 1,
      illegalStructureAreaM2: 80,
      rubbishTonnes: 0,
      parkingSpaces: 0,
      chargers: 0,
      jointMeetings: { county: 0, subdistrict: 0, community: 1 },
      microGrids: 1,
      microGridMembers: 2,
      redStewardTeams: 1,
      compoundBranches: branches?.n,
      companiesWithPartyOrg: communityOrg ? 1 : 0,
      instructors: 2, // 孙指导 and 周指导 serve; 吴指导 has left (the names on the companies are not the register)
      stations: [{ kind: 'pavilion', name: '议事亭', count: 1 }],
    });
    expect(branches?.n).toBeGreaterThan(0);
    expect(communityOrg).toBeDefined();
    const sheet = await app.inject({
      url: `${api}/kpis/export.xlsx?nodeId=${tree.a.community.id}&from=2026-01-01&to=2026-12-31`,
      headers: county.headers,
    });
    expect(sheet.statusCode, sheet.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const figures = new Map<string, unknown>();
    book.worksheets[0]?.eachRow((row) => figures.set(String(row.getCell(2).value), row.getCell(3).value));
    expect(figures.get('区域')).toBe(tree.a.community.name);
    expect(figures.get('管得好')).toBe(1);
    expect(figures.get('议事亭')).toBe(1);
    expect(figures.get('拆除违建面积')).toBe(80); // the closed case in 凤凰二区 of community A

    const underA = (
      await app.inject({ url: `${api}/kpis?nodeId=${tree.a.community.id}&from=2026-01-01&to=2026-12-31`, headers: county.headers })
    ).json();
    expect(underA).toMatchObject({
      compoundsByStatus: { well: 1, poor: 1, unmanaged: 1, self: 1 },
      clusters: 1,
      companiesByKind: { state_owned: 0, market: 2, community_service: 0, self_managed: 2 },
    });
    // Community B's staff see only their compound, whatever node they name.
    const asB = (
      await app.inject({ url: `${api}/kpis?nodeId=${tree.county.id}&from=2026-01-01&to=2026-12-31`, headers: staffB.headers })
    ).json();
    expect(asB.compoundsByStatus).toEqual({ well: 0, poor: 1, unmanaged: 0, self: 0 });

    const ledger = (await app.inject({ url: `${api}/ledger?by=community`, headers: county.headers })).json();
    const byName = (name: string) => ledger.rows.find((r: { nodeName: string }) => r.nodeName === name);
    expect(ledger.rows).toHaveLength(2);
    expect(byName('凤凰社区')).toMatchObject({ compounds: 4, companies: 2, averageFee: 0.47, collectionRate: 0.7 }); // (0.8 + 0.6 + 0) / 3; (0.9 + 0.5) / 2
    expect(byName('凤凰社区').byStatus).toEqual({ well: 1, poor: 1, unmanaged: 1, self: 1 });
    expect(byName('康成社区')).toMatchObject({ compounds: 1, companies: 1, averageFee: 0.5, collectionRate: 0.85, byMode: { market: 1 } });
    const contractsFile = await app.inject({ url: `${api}/contracts/export.xlsx?companyId=${market.id}`, headers: county.headers });
    expect(contractsFile.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const contracts = (await app.inject({ url: `${api}/contracts?companyId=${market.id}`, headers: county.headers })).json();
    expect(contracts.items.map((k: { feePerM2Month: number }) => k.feePerM2Month).sort()).toEqual([0.6, 0.8]);
    const ledgerFile = await app.inject({ url: `${api}/ledger/export.xlsx?by=community`, headers: county.headers });
    expect(ledgerFile.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The five-level linkage of compound A: party organisations from the party records, the committee, the micro-grid over its building.
    const [orgs] = await database.query<{ community: string | null; branch: string | null }>(
      `SELECT (SELECT name FROM party_org WHERE tenant_id = '370785' AND kind = 'community_committee' AND node_id = '${tree.a.community.id}') AS community,
              (SELECT name FROM party_org WHERE tenant_id = '370785' AND kind = 'compound_branch' AND node_id = '${tree.a.compound.id}') AS branch`,
    );
    const linkage = await app.inject({ url: `${api}/compounds/${tree.a.compound.id}/linkage`, headers: staffA.headers });
    expect(linkage.statusCode, linkage.body).toBe(200);
    expect(linkage.json()).toMatchObject({
      compoundId: tree.a.compound.id,
      communityOrg: orgs?.community ? { name: orgs.community } : null,
      compoundBranch: orgs?.branch ? { name: orgs.branch } : null,
      committee: { kind: 'owners_committee', chair: '李**', members: 3 },
      microGrids: [{ name: '凤凰小区微网格', leader: '李*', members: 2 }], // a one-character name is masked too
    });
    expect(linkage.json().households).toBeGreaterThan(0);
    expect(linkage.body).not.toContain('李建国');
    // Another community's staff cannot open it.
    expect((await app.inject({ url: `${api}/compounds/${tree.a.compound.id}/linkage`, headers: staffB.headers })).statusCode).toBe(404);

    // A resident of compound A sees its status, company, contract with the latest collection rate and the
    // committee with masked names; a resident whose compound has no profile sees none; staff see none of their own.
    const residentA = await createAccount(database.db, {
      tenantId: '370785',
      username: 'property.res.a',
      grants: [{ role: 'resident', nodeId: tree.a.h101.id }],
    });
    const mine = await app.inject({
      url: '/api/v1/me/property',
      headers: (await login(app, residentA.username, residentA.password)).headers,
    });
    expect(mine.statusCode, mine.body).toBe(200);
    const [a] = mine.json().compounds;
    expect(mine.json().compounds).toHaveLength(1);
    expect(a).toMatchObject({
      compoundId: tree.a.compound.id,
      status: 'well',
      company: { name: '凤凰物业', kind: 'market' },
      contract: { feePerM2Month: 0.8, collectionRate: 0.9, collectionPeriod: '2025', services: ['保洁'] },
      committee: { kind: 'owners_committee' },
    });
    expect(a.committee.members.map((m: { position: string }) => m.position)).toEqual(['chair', 'member', 'member']);
    for (const m of a.committee.members) expect(m.name).toMatch(/^.\*+$/);
    expect(mine.body).not.toContain('李建国');
    expect(mine.body).not.toContain('王芳');
    const residentOther = await createAccount(database.db, {
      tenantId: '370785',
      username: 'property.res.o',
      grants: [{ role: 'resident', nodeId: tree.b.h101.id }],
    });
    const none = await app.inject({
      url: '/api/v1/me/property',
      headers: (await login(app, residentOther.username, residentOther.password)).headers,
    });
    expect(none.json().compounds.map((c: { compoundId: string }) => c.compoundId)).toEqual([tree.b.compound.id]);
    expect((await app.inject({ url: '/api/v1/me/property', headers: county.headers })).json()).toEqual({ compounds: [] });

    const poor = (await app.inject({ url: `${api}/compounds?status=poor&sort=name`, headers: county.headers })).json();
    expect(poor.items.map((p: { compoundName: string }) => p.compoundName).sort()).toEqual(['凤凰二区', '康成小区'].sort());
    const page1 = (await app.inject({ url: `${api}/compounds?sort=name&limit=2`, headers: county.headers })).json();
    const page2 = (
      await app.inject({
        url: `${api}/compounds?sort=name&limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`,
        headers: county.headers,
      })
    ).json();
    const whole = (await app.inject({ url: `${api}/compounds?sort=name`, headers: county.headers })).json();
    const paged = [...page1.items, ...page2.items].map((p: { compoundName: string }) => p.compoundName);
    expect(page1.items).toHaveLength(2);
    expect(paged).toEqual(whole.items.map((p: { compoundName: string }) => p.compoundName).slice(0, 4));
    expect(whole.items).toHaveLength(5);
    const profileFile = await app.inject({ url: `${api}/compounds/export.xlsx?status=poor`, headers: county.headers });
    expect(profileFile.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const detail = (await app.inject({ url: `${api}/compounds/${tree.b.compound.id}`, headers: county.headers })).json();
    expect(detail).toMatchObject({
      status: 'poor',
      computedStatus: 'well',
      overrideReason: '居民满意度测评不达标',
      clusterName: '岭南花园',
    });
    expect(detail.history.map((h: { source: string }) => h.source)).toEqual(['cluster', 'override', 'computed', 'computed']);
  });
});
