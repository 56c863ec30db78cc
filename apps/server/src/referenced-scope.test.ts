import { createAccount } from '@linli/accounts/testing';
import { ballotBody } from '@linli/ballots/testing';
import { newId } from '@linli/core';
import { rows } from '@linli/db';
import { acceptDemand, buildDemandWorld, type DemandWorld, dispatchDemand, submitTestDemand } from '@linli/demands/testing';
import { insertGrid } from '@linli/grids/testing';
import { insertOrganisation } from '@linli/organisations/testing';
import { insertPartyMember, insertPartyOrg, type TestOrg } from '@linli/party/testing';
import { insertResident } from '@linli/people/testing';
import { testCreditCode } from '@linli/property/testing';
import { defaultParameters } from '@linli/service-clusters';
import { createNode, type TestNode } from '@linli/territory/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../test/helpers.ts';

// Every write of the API that names another record by id (a resident, a household, a node, a party
// organisation, an account, a demand, a category, an attachment …) is sent that id from outside the
// caller's scope — another community of the same county, and another county — and must answer
// exactly as for an id that does not exist, and change nothing. The routes and their id fields are
// read from the OpenAPI document: a new write with an id field fails this test until it is listed
// below (as a case, or in NOT_REFERENCES with the reason).

/** Fields that look like ids but name no record of ours. */
const NOT_REFERENCES: Record<string, string> = {
  // The resident's own compound, looked up among the compounds of their own households (resident grants).
  'POST /api/v1/me/urban-cases body.compoundId': 'one of the caller’s own compounds, looked up among their households’ compounds',
  // The 12345 system's own work-order number, stored as given.
  'POST /api/v1/demands body.externalId': 'an external work-order number',
  // Names of spreadsheet columns, not ids.
  'POST /api/v1/demand-imports/mappings body.config.columns.externalId': 'a column name',
  'PUT /api/v1/demand-imports/mappings/{id} body.config.columns.externalId': 'a column name',
  // The GB/T 2260 code of the county an Open311 client answers for (the caller's own tenant).
  'POST /api/v1/open311-clients body.jurisdictionId': 'a county code, checked against the tenant',
  // Records inside the parent named in the path, which is checked against the scope first; the id is
  // then looked up within that parent only, so one of another parent answers like an unknown one.
  'POST /api/v1/owners-committees/meetings/{id}/proxies body.documentId':
    'an authorisation document uploaded to the meeting in the path, looked up in that meeting',
  'POST /api/v1/owners-committees/meetings/{id}/paper-ballots body.choices[].matterId':
    'a matter of the agenda of the meeting in the path, looked up in that meeting',
  'POST /api/v1/ballots/{id}/proxies body.grantorId': 'a voter on the roll of the ballot in the path, looked up in that roll',
  'POST /api/v1/ballots/{id}/proxies body.holderId': 'a voter on the roll of the ballot in the path, looked up in that roll',
  'POST /api/v1/me/ballots/{id}/vote body.forVoterId': 'a voter of the ballot in the path, looked up among the caller’s own proxies',
  'POST /api/v1/me/ballots/{id}/vote body.householdId': 'a voter of the ballot in the path, looked up among the caller’s own households',
  'POST /api/v1/meetings/{id}/check-ins body.inviteeId': 'an invitee of the meeting in the path, looked up in that meeting',
  'POST /api/v1/meetings/{id}/motions body.itemId': 'an agenda item of the meeting in the path, looked up in that meeting',
  'POST /api/v1/meetings/{id}/motions/{motionId}/turns body.attendanceId':
    'an attendance at the meeting in the path, looked up in that meeting',
  'PUT /api/v1/meetings/{id}/minutes body.items[].id': 'an agenda item of the meeting in the path, looked up in that meeting',
  'POST /api/v1/resolutions body.tasks[].ownerMemberId':
    'a member of the supervision committee over the resolution’s place (nodeId, checked), looked up in that committee',
  'POST /api/v1/resolutions/{id}/tasks/{taskId}/progress body.photoIds[]': 'a photo of the resolution in the path, looked up in it',
  'POST /api/v1/resolutions/{id}/evaluations body.memberId': 'a member of the committee of the resolution in the path, looked up in it',
  'POST /api/v1/resolutions/{id}/evaluations body.photoIds[]': 'a photo of the resolution in the path, looked up in it',
  'POST /api/v1/resolution-publications/{id}/objections body.resolutionId': 'an entry of the notice in the path, looked up in it',
  'PUT /api/v1/service-clusters/scenarios/{id}/locks body.locks[].compoundId':
    'a compound of the scenario in the path (its inputs), looked up in that scenario',
  'PUT /api/v1/service-clusters/scenarios/{id}/locks body.locks[].anchorCompoundId':
    'a compound of the scenario in the path (its inputs), looked up in that scenario',
  'POST /api/v1/service-clusters/scenarios/{id}/adopt body.clusters[].clusterId': 'a cluster of the scenario in the path, looked up in it',
  'POST /api/v1/property-evaluation/inspections body.results[].itemId':
    'an item of the county’s own inspection checklist (the tenant’s), looked up among its active items',
  'POST /api/v1/owners-committees/trainings/{id}/attendance body.memberIds[]':
    'members of the committees under the training in the path, looked up there and in the caller’s scope',
};

type Kind =
  | 'community'
  | 'compound'
  | 'building'
  | 'household'
  | 'resident'
  | 'partyResident'
  | 'communityCommittee'
  | 'organisation'
  | 'grid'
  | 'account'
  | 'demand'
  | 'attachment'
  | 'category'
  | 'department'
  // Records of the co-governance modules, made through their API by the place's own staff.
  | 'station'
  | 'topic'
  | 'council'
  | 'ballot'
  | 'conversation'
  | 'resolution'
  | 'committee'
  | 'meeting'
  // A property company of the place's community (its registry), made by the place's staff.
  | 'propertyCompany'
  // A contract of the place's property company with its compound, and an evaluation round over its community.
  | 'propertyContract'
  | 'evaluationRound';

/** Kinds that belong to the whole county: only another county's record is out of scope. */
const countyWide: Kind[] = ['category', 'department'];

interface Place {
  tenantId: string;
  subdistrict: TestNode;
  community: TestNode;
  compound: TestNode;
  otherCompound: TestNode;
  building: TestNode;
  household: TestNode;
  otherHousehold: TestNode;
  committee: TestOrg;
  grid: string;
  organisation: string;
  account: string;
  world: DemandWorld;
  /** A community worker of the place, who makes its records of the co-governance modules. */
  staff: Session;
}

let t: TestApp;
let desk: Session;
let admin: Session;
let county: Session;
let deskId: string;
let home: Place;
let neighbour: Place;
let foreign: Place;
let serial = 0;
const committees = new Map<Place, string>();
/** A resident of the home household, for the resident's own (/me) writes. */
let resident: Session;
/** Topics made for the home place: one resolution per topic, so each send of the case gets its own. */
const homeTopics = new Set<string>();

async function buildPlace(world: DemandWorld, k: number, accountFor: string, staff?: Session): Promise<Place> {
  const db = t.deps.db;
  const tree = world.tree;
  const community = tree.communities[k]!;
  const subdistrict = tree.subdistricts[Math.floor(k / 2)]!;
  const top = await insertPartyOrg(db, { node: subdistrict, kind: 'subdistrict_committee', name: `街道党工委${k}` });
  const committee = await insertPartyOrg(db, { node: community, kind: 'community_committee', name: `社区党委${k}`, parent: top });
  const grid = await insertGrid(db, { community, name: `网格${k}`, buildingIds: [tree.buildings[4 * k]!.id] });
  const organisation = await insertOrganisation(db, { node: community, kind: 'enterprise', name: `企业${k}` });
  const account = await createAccount(db, {
    tenantId: world.tenantId,
    username: `${accountFor}.${k}`,
    grants: [{ role: 'grid_worker', nodeId: community.id }],
  });
  if (!staff) {
    const worker = await createAccount(db, {
      tenantId: world.tenantId,
      username: `${accountFor}.staff.${k}`,
      grants: [{ role: 'community_staff', nodeId: community.id }],
    });
    staff = await login(t.app, worker.username, worker.password);
  }
  return {
    tenantId: world.tenantId,
    subdistrict,
    community,
    compound: tree.compounds[2 * k]!,
    otherCompound: tree.compounds[2 * k + 1]!,
    building: tree.buildings[4 * k]!,
    household: tree.households[16 * k]!,
    otherHousehold: tree.households[16 * k + 1]!,
    committee,
    grid: grid.id,
    organisation: organisation.id,
    account: account.id,
    world,
    staff,
  };
}

/** A write through the API by `session` that must succeed; its JSON answer. */
async function created(session: Session, url: string, body: unknown, method: 'POST' | 'PUT' = 'POST'): Promise<{ id: string }> {
  const res = await t.app.inject({ method, url, headers: session.headers, payload: body as object });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

const meetingBody = (councilId: string, over: Record<string, unknown> = {}) => ({
  councilId,
  title: `加装电梯议事会${++serial}`,
  startsAt: '2030-05-10T01:00:00.000Z',
  placeText: '小区党群议事亭',
  items: [{ kind: 'topic', title: '3号楼加装电梯' }],
  ...over,
});

const resolutionBody = (nodeId: string, over: Record<string, unknown> = {}) => ({
  nodeId,
  title: `楼道照明改造${++serial}`,
  tasks: [{ title: '更换灯具', ownerKind: 'unit', ownerName: '物业公司', deadline: '2030-06-30' }],
  ...over,
});

/** A fresh record of `kind` at `place` (fresh, so a write that leaks can be seen and a baseline never collides). */
async function make(kind: Kind, place: Place): Promise<string> {
  const db = t.deps.db;
  const n = ++serial;
  switch (kind) {
    case 'community':
      return place.community.id;
    case 'compound':
      return place.compound.id;
    case 'building':
      return place.building.id;
    case 'household':
      return place.otherHousehold.id;
    case 'resident':
      return (await insertResident(db, place.household, { name: `居民${n}` })).id;
    case 'partyResident': {
      const r = await insertResident(db, place.household, { name: `党员${n}`, isPartyMember: true });
      await insertPartyMember(db, place.committee, r.id, true);
      return r.id;
    }
    case 'communityCommittee':
      return place.committee.id;
    case 'organisation':
      return place.organisation;
    case 'grid':
      return place.grid;
    case 'account':
      return place.account;
    case 'demand': {
      const ctx = place === neighbour ? place.world.ctx.otherCommunity : place.world.ctx.grid;
      const d = await submitTestDemand(db, place.world, { nodeId: place.household.id }, ctx);
      return d.id;
    }
    case 'attachment': {
      const id = newId();
      const owner = place === home ? deskId : place.account;
      await db.execute(sql`INSERT INTO demand_attachment (tenant_id, id, file_name, content_type, size, sha256, storage_key, uploaded_by)
        VALUES (${place.tenantId}, ${id}, 'a.jpg', 'image/jpeg', 10, ${'0'.repeat(64)}, ${`test/${id}`}, ${owner})`);
      return id;
    }
    case 'category':
      return place.world.categories.noise!;
    case 'department':
      return Object.values(place.world.departments)[0]!;
    case 'station':
      return (
        await created(place.staff, `${api}/deliberation/stations`, { nodeId: place.compound.id, name: `议事站${n}`, kind: 'station' })
      ).id;
    case 'topic': {
      const { id } = await created(place.staff, `${api}/deliberation/topics`, {
        nodeId: place.compound.id,
        title: `加装电梯${n}`,
        description: '老旧小区加装电梯的费用分摊',
      });
      if (place === home) homeTopics.add(id);
      return id;
    }
    case 'council':
      return (await created(place.staff, `${api}/councils`, { nodeId: place.compound.id, level: 'compound', name: `议事会${n}` })).id;
    case 'ballot':
      return (await created(place.staff, `${api}/ballots`, ballotBody(place.compound.id, { title: `表决${n}` }))).id;
    case 'conversation':
      return (await created(place.staff, `${api}/opinion-map/conversations`, { nodeId: place.community.id, title: `停车收费${n}` })).id;
    case 'resolution':
      return (await created(place.staff, `${api}/resolutions`, resolutionBody(place.compound.id))).id;
    case 'meeting':
      return (await created(place.staff, `${api}/meetings`, meetingBody(await make('council', place)))).id;
    case 'propertyCompany':
      return (
        await created(place.staff, `${api}/property/companies`, {
          communityId: place.community.id,
          kind: 'market',
          name: `物业公司${n}`,
          creditCode: testCreditCode(),
        })
      ).id;
    case 'propertyContract':
      return (
        await created(place.staff, `${api}/property/contracts`, {
          companyId: await make('propertyCompany', place),
          compoundId: place.compound.id,
          startsOn: '2025-01-01',
          feePerM2Month: 0.5,
        })
      ).id;
    case 'evaluationRound':
      return (
        await created(place.staff, `${api}/property-evaluation/rounds`, {
          nodeId: place.community.id,
          period: `${2000 + n}-Q1`,
          opensOn: '2020-01-01',
          closesOn: '2099-12-31',
        })
      ).id;
    case 'committee': {
      // One committee per compound: the place's other compound keeps it (the sweep creates one on its compound).
      const id =
        committees.get(place) ??
        (await created(place.staff, `${api}/supervision-committees`, { nodeId: place.otherCompound.id, name: `监督委员会${n}` })).id;
      committees.set(place, id);
      return id;
    }
  }
}

/**
 * A cluster scenario of the place's community (service-clusters), straight into its tables — the
 * community's staff may read scenarios but not make them; `solved` gives it one cluster of the place's
 * compound, ready to adopt.
 */
async function scenarioAt(place: Place, solved = false): Promise<{ id: string; clusterId: string }> {
  const id = newId();
  const clusterId = newId();
  await t.deps.db.execute(sql`INSERT INTO cluster_scenario (tenant_id, id, node_id, name, parameters, inputs, status)
    VALUES (${place.tenantId}, ${id}, ${place.community.id}, ${`组团方案${++serial}`}, ${JSON.stringify(defaultParameters)}::jsonb,
            '[]'::jsonb, ${solved ? 'solved' : 'draft'})`);
  if (solved) {
    await t.deps.db.execute(sql`INSERT INTO cluster_scenario_cluster (tenant_id, id, scenario_id, position, name, anchor_compound_id, mode,
        households, area_m2, revenue, cost, margin, subsidy, max_distance_km)
      VALUES (${place.tenantId}, ${clusterId}, ${id}, 0, '组团', ${place.compound.id}, 'single', 2, 1000, 0, 0, 0, 0, 0)`);
    await t.deps.db.execute(sql`INSERT INTO cluster_scenario_member (tenant_id, scenario_id, compound_id, cluster_id, distance_km)
      VALUES (${place.tenantId}, ${id}, ${place.compound.id}, ${clusterId}, 0)`);
  }
  return { id, clusterId };
}

/** The active owners' committee of the place's compound (owners-committees), made once by its staff. */
const ocCommittees = new Map<Place, string>();
async function ocCommitteeAt(place: Place): Promise<string> {
  const known = ocCommittees.get(place);
  if (known) return known;
  const { id } = await created(place.staff, `${api}/owners-committees`, {
    compoundId: place.compound.id,
    kind: 'owners_committee',
    formedOn: '2024-05-01',
  });
  ocCommittees.set(place, id);
  return id;
}

/** A member of that committee: a fresh resident of the place's household. */
async function ocMemberAt(place: Place): Promise<{ id: string; memberId: string }> {
  const id = await ocCommitteeAt(place);
  const residentId = await make('resident', place);
  const member = await created(place.staff, `${api}/owners-committees/${id}/members`, {
    residentId,
    position: 'member',
    since: '2024-05-01',
  });
  return { id, memberId: member.id };
}

/** The re-election under way in the place's compound (one at a time), with one candidate. */
const ocElections = new Map<Place, { id: string; candidateId: string }>();
async function ocElectionAt(place: Place): Promise<{ id: string; candidateId: string }> {
  const known = ocElections.get(place);
  if (known) return known;
  const { id } = await created(place.staff, `${api}/owners-committees/elections`, {
    compoundId: place.compound.id,
    kind: 'owners_committee',
    seats: 3,
  });
  const residentId = await make('resident', place);
  const e = (await created(place.staff, `${api}/owners-committees/elections/${id}/candidates`, { residentId })) as unknown as {
    candidateList: { id: string }[];
  };
  const found = { id, candidateId: e.candidateList[0]!.id };
  ocElections.set(place, found);
  return found;
}

/** A fresh compound of the home community, for a write that takes a compound once (a committee, an election). */
async function freshHomeCompound(): Promise<string> {
  return (await createNode(t.deps.db, { tenantId: home.tenantId, parentId: home.community.id, kind: 'compound', name: `小区${++serial}` }))
    .id;
}

/** yyyy-mm-dd `days` from today in China. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * An owners' general meeting (业主大会) of the place's compound, made by its staff through the API and
 * taken to `stage`: drafted (vote from yesterday), noticed (20 days before), voting (one ballot per
 * matter: the compound's households get floor areas first), or closed.
 */
async function ownersMeetingAt(
  place: Place,
  stage: 'draft' | 'noticed' | 'voting' | 'closed',
): Promise<{ id: string; matterList: { id: string }[] }> {
  const url = `${api}/owners-committees/meetings`;
  const m = (await created(place.staff, url, {
    compoundId: place.compound.id,
    kind: 'regular',
    voteFrom: chinaDay(-1),
    voteUntil: chinaDay(10),
    matters: [{ kind: 'property_company', title: `续聘物业服务企业${++serial}` }],
  })) as unknown as { id: string; matterList: { id: string }[] };
  if (stage === 'draft') return m;
  await created(place.staff, `${url}/${m.id}/notice`, { noticeOn: chinaDay(-20) });
  if (stage === 'noticed') return m;
  await t.deps.db.execute(sql`UPDATE territory_node SET floor_area = 90 WHERE tenant_id = ${place.tenantId} AND kind = 'household'
    AND floor_area IS NULL AND path <@ ${place.compound.path}::ltree`);
  await created(place.staff, `${url}/${m.id}/vote`, {});
  if (stage === 'voting') return m;
  await created(place.staff, `${url}/${m.id}/close`, {});
  return m;
}

/** Home visits run in this quarter, dated today (China time). */
const visitQuarter = (() => {
  const china = new Date(Date.now() + 8 * 3_600_000);
  return `${china.getUTCFullYear()}-Q${Math.floor(china.getUTCMonth() / 3) + 1}`;
})();
const visitDay = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The quarter's visit plan of the place's grid, made by its staff (making plans is idempotent). */
async function planAt(place: Place): Promise<string> {
  await created(place.staff, `${api}/deliberation/visit-plans`, { quarter: visitQuarter });
  const res = await t.app.inject({ url: `${api}/deliberation/visit-plans?quarter=${visitQuarter}`, headers: place.staff.headers });
  const plan = (res.json() as { items: { planId: string; gridId: string }[] }).items.find((i) => i.gridId === place.grid);
  if (!plan) throw new Error(`no visit plan: ${res.body}`);
  return plan.planId;
}

/** A visit of the place's household (in its grid) that raised something, recorded by its staff. */
async function raisedVisitAt(place: Place): Promise<string> {
  const body = { householdId: place.household.id, visitedOn: visitDay, outcome: 'visited', raised: '楼道灯坏了' };
  return (await created(place.staff, `${api}/deliberation/visit-plans/${await planAt(place)}/visits`, body)).id;
}
let homeRaisedVisit: string | undefined;

/** A topic of the place taken into the pool (screened admissible, then pooled) by its staff, with its version. */
async function pooledTopicAt(place: Place): Promise<{ id: string; version: number }> {
  const id = await make('topic', place);
  const screened = await created(place.staff, `${api}/deliberation/topics/${id}/screen`, {
    version: 1,
    outcome: 'admissible',
    kindCode: 'elevator',
  });
  const pooled = await created(place.staff, `${api}/deliberation/topics/${id}/transition`, {
    version: (screened as { version?: number }).version ?? 2,
    action: 'pool',
  });
  return { id, version: (pooled as { version?: number }).version ?? 3 };
}

/** A demand of the home community at a stage the desk may act on. */
async function homeDemand(stage: 'submitted' | 'accepted' | 'dispatched', level: 'compound' | 'subdistrict' = 'compound'): Promise<string> {
  const w = home.world;
  const d = await submitTestDemand(t.deps.db, w, { nodeId: home.household.id });
  if (stage === 'submitted') return d.id;
  await t.deps.db.transaction((tx) => acceptDemand(tx, w.ctx.grid, d.id));
  if (stage === 'accepted') return d.id;
  await t.deps.db.transaction((tx) => dispatchDemand(tx, w.ctx.community, d.id, { level }));
  return d.id;
}

interface Case {
  route: string;
  /** The id fields this case sends (dot paths, `[]` for array items) and the kind of record each names. */
  fields: Record<string, Kind>;
  /** Builds the request from the ids (all from the caller's own community unless the sweep swaps one). */
  request: (ids: Record<string, string>) => Promise<{ url: string; body: unknown }>;
  /** County-wide configuration is the county system admin's, the 12345 import the county staff's; the rest is the community desk's. */
  caller?: 'admin' | 'county' | 'resident';
}

const api = '/api/v1';

// ---- urban-cases: a reported 城管进小区 case and a planned renovation project of the place, made by its staff.
const renovationBodyFor = (compoundId: string, over: Record<string, unknown> = {}) => ({
  name: `老旧小区改造${++serial}`,
  compoundIds: [compoundId],
  scopeItems: ['greening'],
  budget: 100,
  funding: [{ source: 'county', amount: 100 }],
  phases: [],
  ...over,
});
async function urbanCaseAt(p: Place): Promise<string> {
  return (
    await created(p.staff, `${api}/urban-cases/cases`, { kind: 'clutter', nodeId: p.compound.id, description: `楼道堆物${++serial}` })
  ).id;
}
async function renovationAt(p: Place): Promise<string> {
  return (await created(p.staff, `${api}/urban-cases/renovations`, renovationBodyFor(p.compound.id))).id;
}
// ---- property-evaluation: the county's inspection checklist (one item, straight into its table) and an inspection.
async function checklistOf(tenantId: string): Promise<{ itemId: string; passed: boolean }[]> {
  await t.deps.db.execute(sql`INSERT INTO property_inspection_item (tenant_id, id, label, position)
    SELECT ${tenantId}, ${newId()}::uuid, '环境卫生', 0
    WHERE NOT EXISTS (SELECT 1 FROM property_inspection_item WHERE tenant_id = ${tenantId} AND active)`);
  const items = await rows<{ id: string }>(
    t.deps.db,
    sql`SELECT id::text FROM property_inspection_item WHERE tenant_id = ${tenantId} AND active`,
  );
  return items.map((i) => ({ itemId: i.id, passed: true }));
}
async function inspectionAt(p: Place): Promise<string> {
  return (
    await created(p.staff, `${api}/property-evaluation/inspections`, {
      compoundId: p.compound.id,
      inspectedOn: '2026-01-05',
      results: await checklistOf(p.tenantId),
    })
  ).id;
}
/** A reception day (物业经理接待日) in the place's compound, for the company its contract names (made once per place). */
const companyOnFile = new Map<Place, Promise<string>>();
async function receptionAt(p: Place): Promise<string> {
  if (!companyOnFile.has(p)) companyOnFile.set(p, make('propertyContract', p));
  await companyOnFile.get(p);
  return (
    await created(p.staff, `${api}/property/reception-days`, {
      compoundId: p.compound.id,
      heldOn: '2026-12-10',
      hours: '09:00-11:00',
      place: '物业服务中心',
      hostName: '赵经理',
    })
  ).id;
}
/** A reception day in the place's compound with one question; its ids. */
async function receptionQuestionAt(p: Place): Promise<{ id: string; questionId: string }> {
  const id = await receptionAt(p);
  const res = await t.app.inject({
    method: 'POST',
    url: `${api}/property/reception-days/${id}/questions`,
    headers: p.staff.headers,
    payload: { question: `楼道灯坏了${++serial}` },
  });
  const question = (res.json() as { questionList?: { id: string }[] }).questionList?.[0];
  if (res.statusCode !== 201 || !question) throw new Error(`reception question: ${res.statusCode} ${res.body}`);
  return { id, questionId: question.id };
}
const cases: Case[] = [
  {
    route: 'POST /api/v1/property/instructors',
    fields: { nodeId: 'compound', companyId: 'propertyCompany' },
    request: async (ids) => ({
      url: `${api}/property/instructors`,
      body: { name: `指导员${++serial}`, nodeId: ids.nodeId, companyId: ids.companyId, appointedOn: '2025-03-01' },
    }),
  },
  // ---- property reception days: the compound (with its company on file), the household of a question, the demand's category.
  {
    route: 'POST /api/v1/property/reception-days',
    fields: { compoundId: 'compound' },
    request: async (ids) => {
      if (!companyOnFile.has(home)) companyOnFile.set(home, make('propertyContract', home));
      await companyOnFile.get(home);
      return {
        url: `${api}/property/reception-days`,
        body: { compoundId: ids.compoundId, heldOn: '2026-12-10', hours: '09:00-11:00', place: '物业服务中心', hostName: '赵经理' },
      };
    },
  },
  {
    route: 'POST /api/v1/property/reception-days/{id}/questions',
    fields: { householdId: 'household' },
    request: async (ids) => ({
      url: `${api}/property/reception-days/${await receptionAt(home)}/questions`,
      body: { householdId: ids.householdId, question: `停车难${++serial}` },
    }),
  },
  {
    route: 'POST /api/v1/property/reception-days/{id}/questions/{questionId}/demand',
    fields: { categoryId: 'category' },
    request: async (ids) => {
      const q = await receptionQuestionAt(home);
      return { url: `${api}/property/reception-days/${q.id}/questions/${q.questionId}/demand`, body: { categoryId: ids.categoryId } };
    },
  },
  // ---- urban-cases.
  {
    route: 'POST /api/v1/urban-cases/cases',
    fields: { nodeId: 'compound' },
    request: async (ids) => ({
      url: `${api}/urban-cases/cases`,
      body: { kind: 'clutter', nodeId: ids.nodeId, description: `楼道堆物${++serial}` },
    }),
  },
  {
    // A fresh reported case of the home compound for each send: the own send assigns it.
    route: 'POST /api/v1/urban-cases/cases/{id}/assign',
    fields: { departmentId: 'department' },
    request: async (ids) => ({
      url: `${api}/urban-cases/cases/${await urbanCaseAt(home)}/assign`,
      body: { version: 1, departmentId: ids.departmentId },
    }),
  },
  {
    route: 'POST /api/v1/urban-cases/renovations',
    fields: { 'compoundIds[]': 'compound', topicId: 'topic' },
    request: async (ids) => ({
      url: `${api}/urban-cases/renovations`,
      body: renovationBodyFor(ids['compoundIds[]']!, { topicId: ids.topicId }),
    }),
  },
  {
    route: 'PUT /api/v1/urban-cases/renovations/{id}',
    fields: { 'compoundIds[]': 'compound', topicId: 'topic' },
    request: async (ids) => ({
      url: `${api}/urban-cases/renovations/${await renovationAt(home)}`,
      body: { version: 1, ...renovationBodyFor(ids['compoundIds[]']!, { topicId: ids.topicId }) },
    }),
  },
  {
    route: 'POST /api/v1/property/companies',
    fields: { communityId: 'community', partyOrgId: 'communityCommittee' },
    request: async (ids) => ({
      url: `${api}/property/companies`,
      body: { communityId: ids.communityId, partyOrgId: ids.partyOrgId, name: `物业公司${++serial}`, kind: 'market' },
    }),
  },
  {
    route: 'PUT /api/v1/property/companies/{id}',
    fields: { communityId: 'community', partyOrgId: 'communityCommittee' },
    request: async (ids) => ({
      url: `${api}/property/companies/${await make('propertyCompany', home)}`,
      body: { communityId: ids.communityId, partyOrgId: ids.partyOrgId, name: `物业公司${++serial}`, kind: 'market' },
    }),
  },
  {
    route: 'POST /api/v1/property/contracts',
    fields: { companyId: 'propertyCompany', compoundId: 'compound' },
    request: async (ids) => ({
      url: `${api}/property/contracts`,
      body: { companyId: ids.companyId, compoundId: ids.compoundId, startsOn: '2025-01-01', feePerM2Month: 0.5 },
    }),
  },
  {
    route: 'PUT /api/v1/property/compounds/{compoundId}',
    fields: { contractId: 'propertyContract' },
    request: async (ids) => ({ url: `${api}/property/compounds/${home.compound.id}`, body: { contractId: ids.contractId } }),
  },
  {
    route: 'POST /api/v1/property-evaluation/rounds',
    fields: { nodeId: 'community' },
    request: async (ids) => ({
      url: `${api}/property-evaluation/rounds`,
      body: { nodeId: ids.nodeId, period: `${2000 + ++serial}-Q2`, opensOn: '2020-01-01', closesOn: '2099-12-31' },
    }),
  },
  {
    route: 'POST /api/v1/property-evaluation/inspections',
    fields: { compoundId: 'compound' },
    request: async (ids) => ({
      url: `${api}/property-evaluation/inspections`,
      body: { compoundId: ids.compoundId, inspectedOn: '2026-01-05', results: await checklistOf(home.tenantId) },
    }),
  },
  {
    // The resident rates in a round over their own household only: another community's round is unknown to them.
    route: 'POST /api/v1/me/property-evaluation',
    fields: { roundId: 'evaluationRound' },
    caller: 'resident',
    request: async (ids) => ({
      url: `${api}/me/property-evaluation`,
      body: { roundId: ids.roundId, cleaning: 4, security: 4, greening: 4, repairs: 4, manners: 4, fees: 4 },
    }),
  },
  {
    route: 'POST /api/v1/accounts',
    fields: { 'grants[].nodeId': 'compound' },
    request: async (ids) => ({
      url: `${api}/accounts`,
      body: {
        username: `scope.${++serial}`,
        displayName: '测试',
        password: 'Test@2026pass!',
        grants: [{ role: 'grid_worker', nodeId: ids['grants[].nodeId'] }],
      },
    }),
  },
  {
    route: 'POST /api/v1/accounts/{id}/grants',
    fields: { nodeId: 'compound' },
    request: async (ids) => {
      const account = await createAccount(t.deps.db, { tenantId: home.tenantId, username: `grantee.${++serial}` });
      return { url: `${api}/accounts/${account.id}/grants`, body: { role: 'grid_worker', nodeId: ids.nodeId } };
    },
  },
  {
    route: 'POST /api/v1/territory/nodes',
    fields: { parentId: 'community' },
    request: async (ids) => ({
      url: `${api}/territory/nodes`,
      body: { parentId: ids.parentId, kind: 'compound', name: `新小区${++serial}` },
    }),
  },
  {
    route: 'POST /api/v1/territory/nodes/{id}/move',
    fields: { parentId: 'compound' },
    request: async (ids) => {
      const node = await createNode(t.deps.db, {
        tenantId: home.tenantId,
        parentId: home.otherCompound.id,
        kind: 'building',
        name: `楼${++serial}`,
      });
      return { url: `${api}/territory/nodes/${node.id}/move`, body: { parentId: ids.parentId } };
    },
  },
  {
    route: 'POST /api/v1/territory/nodes/{id}/merge',
    fields: { intoId: 'building' },
    request: async (ids) => {
      const node = await createNode(t.deps.db, {
        tenantId: home.tenantId,
        parentId: home.compound.id,
        kind: 'building',
        name: `楼${++serial}`,
      });
      return { url: `${api}/territory/nodes/${node.id}/merge`, body: { intoId: ids.intoId } };
    },
  },
  {
    route: 'POST /api/v1/people/residents',
    fields: { householdId: 'household' },
    request: async (ids) => ({ url: `${api}/people/residents`, body: { householdId: ids.householdId, name: '新居民' } }),
  },
  {
    route: 'PATCH /api/v1/people/residents/{id}',
    fields: { householdId: 'household' },
    request: async (ids) => {
      const r = await insertResident(t.deps.db, home.household, { name: `搬家${++serial}` });
      return { url: `${api}/people/residents/${r.id}`, body: { householdId: ids.householdId } };
    },
  },
  {
    route: 'POST /api/v1/people/leaders',
    fields: { nodeId: 'building', residentId: 'resident' },
    request: async (ids) => ({
      url: `${api}/people/leaders`,
      body: { nodeId: ids.nodeId, residentId: ids.residentId, role: 'building_leader' },
    }),
  },
  {
    route: 'POST /api/v1/party/orgs',
    fields: { parentId: 'communityCommittee', nodeId: 'compound', secretaryId: 'resident' },
    request: async (ids) => ({
      url: `${api}/party/orgs`,
      body: {
        kind: 'compound_branch',
        name: `小区党支部${++serial}`,
        parentId: ids.parentId,
        nodeId: ids.nodeId,
        secretaryId: ids.secretaryId,
      },
    }),
  },
  {
    route: 'POST /api/v1/party/members',
    fields: { residentId: 'resident', orgId: 'communityCommittee' },
    request: async (ids) => ({ url: `${api}/party/members`, body: { residentId: ids.residentId, orgId: ids.orgId } }),
  },
  {
    route: 'POST /api/v1/grids',
    fields: { communityId: 'community', parentId: 'grid', 'buildingIds[]': 'building' },
    request: async (ids) => ({
      url: `${api}/grids`,
      body: {
        communityId: ids.communityId,
        name: `微网格${++serial}`,
        level: 'micro_grid',
        parentId: ids.parentId,
        buildingIds: [ids['buildingIds[]']],
      },
    }),
  },
  {
    route: 'POST /api/v1/grids/{id}/members',
    fields: { accountId: 'account', residentId: 'resident' },
    request: async (ids) => ({
      url: `${api}/grids/${home.grid}/members`,
      body: { role: 'volunteer', name: '网格志愿者', accountId: ids.accountId, residentId: ids.residentId },
    }),
  },
  {
    route: 'POST /api/v1/organisations',
    fields: { nodeId: 'community', 'servedCompoundIds[]': 'compound' },
    request: async (ids) => ({
      url: `${api}/organisations`,
      body: { kind: 'property_company', name: `物业公司${++serial}`, nodeId: ids.nodeId, servedCompoundIds: [ids['servedCompoundIds[]']] },
    }),
  },
  {
    route: 'POST /api/v1/dual-registrations',
    fields: { communityId: 'community', organisationId: 'organisation' },
    request: async (ids) => {
      // A fresh organisation each time, so the baseline never meets an earlier registration.
      const organisationId =
        ids.organisationId === home.organisation
          ? (await insertOrganisation(t.deps.db, { node: home.community, kind: 'enterprise', name: `报到单位${++serial}` })).id
          : ids.organisationId;
      return { url: `${api}/dual-registrations`, body: { communityId: ids.communityId, organisationId } };
    },
  },
  {
    route: 'POST /api/v1/dual-registrations',
    fields: { residentId: 'partyResident' },
    request: async (ids) => ({ url: `${api}/dual-registrations`, body: { communityId: home.community.id, residentId: ids.residentId } }),
  },
  {
    route: 'POST /api/v1/demands',
    fields: { categoryId: 'category', nodeId: 'household', 'attachmentIds[]': 'attachment' },
    request: async (ids) => ({
      url: `${api}/demands`,
      body: {
        channel: 'hotline_12345',
        type: 'complaint',
        categoryId: ids.categoryId,
        description: '楼下夜间施工噪音',
        nodeId: ids.nodeId,
        reporter: { kind: 'anonymous' },
        attachmentIds: [ids['attachmentIds[]']],
      },
    }),
  },
  {
    route: 'POST /api/v1/demand-categories',
    caller: 'admin',
    fields: { parentId: 'category', defaultDepartmentId: 'department' },
    request: async (ids) => ({
      url: `${api}/demand-categories`,
      body: {
        parentId: ids.parentId,
        code: `scope_${++serial}`,
        name: `子类${serial}`,
        defaultLevel: 'department',
        defaultDepartmentId: ids.defaultDepartmentId,
      },
    }),
  },
  {
    route: 'PATCH /api/v1/demand-categories/{id}',
    caller: 'admin',
    fields: { defaultDepartmentId: 'department' },
    request: async (ids) => ({
      url: `${api}/demand-categories/${home.world.categories.noise}`,
      body: { defaultLevel: 'department', defaultDepartmentId: ids.defaultDepartmentId },
    }),
  },
  {
    route: 'POST /api/v1/demands/{id}/dispatch',
    fields: { nodeId: 'compound' },
    request: async (ids) => ({
      url: `${api}/demands/${await homeDemand('accepted')}/dispatch`,
      body: { level: 'compound', nodeId: ids.nodeId },
    }),
  },
  {
    route: 'POST /api/v1/demands/{id}/dispatch',
    fields: { departmentId: 'department' },
    request: async (ids) => ({
      url: `${api}/demands/${await homeDemand('accepted')}/dispatch`,
      body: { level: 'department', departmentId: ids.departmentId },
    }),
  },
  {
    route: 'POST /api/v1/demands/{id}/resolve',
    fields: { 'attachmentIds[]': 'attachment' },
    request: async (ids) => ({
      url: `${api}/demands/${await homeDemand('dispatched')}/resolve`,
      body: { result: '已处理完毕', attachmentIds: [ids['attachmentIds[]']] },
    }),
  },
  {
    route: 'POST /api/v1/demands/{id}/transfer',
    fields: { nodeId: 'community' },
    request: async (ids) => ({
      url: `${api}/demands/${await homeDemand('dispatched')}/transfer`,
      body: { level: 'community', nodeId: ids.nodeId, reason: '属社区事务' },
    }),
  },
  {
    route: 'POST /api/v1/demands/{id}/transfer',
    fields: { departmentId: 'department' },
    request: async (ids) => ({
      url: `${api}/demands/${await homeDemand('dispatched')}/transfer`,
      body: { level: 'department', departmentId: ids.departmentId, reason: '属部门职责' },
    }),
  },
  {
    route: 'POST /api/v1/demands/{id}/escalate',
    fields: { departmentId: 'department' },
    request: async (ids) => ({
      url: `${api}/demands/${await homeDemand('dispatched', 'subdistrict')}/escalate`,
      body: { reason: '需部门处理', departmentId: ids.departmentId },
    }),
  },
  {
    route: 'POST /api/v1/demands/{id}/merge',
    fields: { intoId: 'demand' },
    request: async (ids) => ({ url: `${api}/demands/${await homeDemand('accepted')}/merge`, body: { intoId: ids.intoId } }),
  },
  {
    route: 'POST /api/v1/demand-imports/mappings',
    caller: 'county',
    fields: { 'config.defaults.nodeId': 'community' },
    request: async (ids) => ({ url: `${api}/demand-imports/mappings`, body: mapping(`映射${++serial}`, ids['config.defaults.nodeId']!) }),
  },
  {
    route: 'PUT /api/v1/demand-imports/mappings/{id}',
    caller: 'county',
    fields: { 'config.defaults.nodeId': 'community' },
    request: async (ids) => {
      const created = await t.app.inject({
        method: 'POST',
        url: `${api}/demand-imports/mappings`,
        headers: county.headers,
        payload: mapping(`映射${++serial}`, home.community.id),
      });
      if (created.statusCode !== 201) throw new Error(`mapping: ${created.statusCode} ${created.body}`);
      const { id, version } = created.json() as { id: string; version: number };
      return {
        url: `${api}/demand-imports/mappings/${id}`,
        body: { ...mapping(`映射${++serial}`, ids['config.defaults.nodeId']!), ...(version ? { version } : {}) },
      };
    },
  },
  {
    route: 'POST /api/v1/demands/suggest',
    fields: { nodeId: 'household' },
    request: async (ids) => ({ url: `${api}/demands/suggest`, body: { description: '楼道噪音', nodeId: ids.nodeId } }),
  },
  {
    route: 'POST /api/v1/demand-themes',
    fields: { nodeId: 'community', categoryId: 'category' },
    request: async (ids) => ({
      url: `${api}/demand-themes`,
      body: { month: '2026-05', nodeId: ids.nodeId, categoryId: ids.categoryId, title: `每月一题${++serial}` },
    }),
  },
  // ---- Co-governance modules.
  {
    route: 'POST /api/v1/ballots',
    fields: { placeId: 'compound' },
    request: async (ids) => ({ url: `${api}/ballots`, body: ballotBody(ids.placeId!, { title: `表决${++serial}` }) }),
  },
  {
    route: 'POST /api/v1/ballots',
    fields: { 'subject.id': 'topic' },
    request: async (ids) => ({
      url: `${api}/ballots`,
      body: ballotBody(home.compound.id, {
        title: `表决${++serial}`,
        subject: { kind: 'topic', id: ids['subject.id'], title: '加装电梯' },
      }),
    }),
  },
  {
    route: 'POST /api/v1/deliberation/stations',
    fields: { nodeId: 'compound' },
    request: async (ids) => ({
      url: `${api}/deliberation/stations`,
      body: { nodeId: ids.nodeId, name: `议事站${++serial}`, kind: 'station' },
    }),
  },
  {
    route: 'POST /api/v1/deliberation/topics',
    fields: { nodeId: 'compound', stationId: 'station', demandId: 'demand' },
    request: async (ids) => ({
      url: `${api}/deliberation/topics`,
      body: { nodeId: ids.nodeId, title: `议题${++serial}`, description: '楼道堆物清理', stationId: ids.stationId, demandId: ids.demandId },
    }),
  },
  {
    route: 'POST /api/v1/councils',
    fields: { nodeId: 'compound' },
    request: async (ids) => ({ url: `${api}/councils`, body: { nodeId: ids.nodeId, level: 'compound', name: `议事会${++serial}` } }),
  },
  {
    route: 'POST /api/v1/councils/{id}/seats',
    fields: { residentId: 'resident', partyOrgId: 'communityCommittee', organisationId: 'organisation', departmentId: 'department' },
    request: async (ids) => ({
      url: `${api}/councils/${await make('council', home)}/seats`,
      body: { role: 'member', name: `席位${++serial}`, ...ids },
    }),
  },
  {
    route: 'POST /api/v1/meetings',
    fields: { councilId: 'council', stationId: 'station', 'invitees[].residentId': 'resident' },
    request: async (ids) => ({
      url: `${api}/meetings`,
      body: meetingBody(ids.councilId!, {
        stationId: ids.stationId,
        invitees: [{ kind: 'observer', residentId: ids['invitees[].residentId'] }],
      }),
    }),
  },
  {
    route: 'POST /api/v1/meetings',
    fields: { 'items[].id': 'topic' },
    request: async (ids) => ({
      url: `${api}/meetings`,
      body: meetingBody(await make('council', home), { items: [{ kind: 'topic', id: ids['items[].id'], title: '3号楼加装电梯' }] }),
    }),
  },
  {
    route: 'POST /api/v1/meetings/{id}/invitees',
    fields: { 'invitees[].residentId': 'resident' },
    request: async (ids) => ({
      url: `${api}/meetings/${await make('meeting', home)}/invitees`,
      body: { invitees: [{ kind: 'observer', residentId: ids['invitees[].residentId'] }] },
    }),
  },
  {
    route: 'POST /api/v1/deliberation/station-scope',
    fields: { stationId: 'station' },
    request: async (ids) => ({
      url: `${api}/deliberation/station-scope`,
      body: { stationId: ids.stationId, code: 'elevator', list: 'excluded' },
    }),
  },
  {
    route: 'POST /api/v1/deliberation/topics/{id}/screen',
    fields: { demandCategoryId: 'category' },
    request: async (ids) => ({
      url: `${api}/deliberation/topics/${await make('topic', home)}/screen`,
      body: { version: 1, outcome: 'admissible', kindCode: 'elevator', demandCategoryId: ids.demandCategoryId },
    }),
  },
  {
    // Each send schedules a fresh pooled topic of the home place on the meeting named in the body.
    route: 'POST /api/v1/deliberation/topics/{id}/transition',
    fields: { meetingId: 'meeting' },
    request: async (ids) => {
      const topic = await pooledTopicAt(home);
      return {
        url: `${api}/deliberation/topics/${topic.id}/transition`,
        body: { version: topic.version, action: 'schedule', meetingId: ids.meetingId },
      };
    },
  },
  {
    route: 'POST /api/v1/deliberation/topics/{id}/merge',
    fields: { intoId: 'topic' },
    request: async (ids) => ({
      url: `${api}/deliberation/topics/${await make('topic', home)}/merge`,
      body: { version: 1, intoId: ids.intoId },
    }),
  },
  {
    route: 'POST /api/v1/deliberation/visit-plans',
    fields: { nodeId: 'community' },
    request: async (ids) => ({ url: `${api}/deliberation/visit-plans`, body: { quarter: visitQuarter, nodeId: ids.nodeId } }),
  },
  {
    route: 'POST /api/v1/deliberation/visit-plans/{id}/visits',
    fields: { householdId: 'household' },
    request: async (ids) => ({
      url: `${api}/deliberation/visit-plans/${await planAt(home)}/visits`,
      body: { householdId: ids.householdId, visitedOn: visitDay, outcome: 'visited' },
    }),
  },
  {
    // One topic per visit: the refused sends write nothing, so the home visit stays free for the last, own send.
    route: 'POST /api/v1/deliberation/visits/{id}/topic',
    fields: { stationId: 'station' },
    request: async (ids) => {
      homeRaisedVisit ??= await raisedVisitAt(home);
      return {
        url: `${api}/deliberation/visits/${homeRaisedVisit}/topic`,
        body: { title: `楼道照明${++serial}`, stationId: ids.stationId },
      };
    },
  },
  {
    route: 'POST /api/v1/opinion-map/conversations',
    fields: { nodeId: 'community', topicId: 'topic' },
    request: async (ids) => ({
      url: `${api}/opinion-map/conversations`,
      body: { nodeId: ids.nodeId, title: `观点征集${++serial}`, topicId: ids.topicId },
    }),
  },
  {
    route: 'POST /api/v1/resolutions',
    fields: { nodeId: 'compound', topicId: 'topic', meetingId: 'meeting', 'demandIds[]': 'demand', 'tasks[].ownerAccountId': 'account' },
    request: async (ids) => ({
      url: `${api}/resolutions`,
      body: resolutionBody(ids.nodeId!, {
        // One resolution per topic: each send with the home topic gets a fresh one of the home place.
        topicId: homeTopics.has(ids.topicId!) ? await make('topic', home) : ids.topicId,
        meetingId: ids.meetingId,
        demandIds: [ids['demandIds[]']],
        tasks: [
          {
            title: '更换灯具',
            ownerKind: 'person',
            ownerName: '网格员',
            ownerAccountId: ids['tasks[].ownerAccountId'],
            deadline: '2030-06-30',
          },
        ],
      }),
    }),
  },
  {
    route: 'POST /api/v1/supervision-committees',
    fields: { nodeId: 'compound' },
    request: async (ids) => ({ url: `${api}/supervision-committees`, body: { nodeId: ids.nodeId, name: `监督委员会${++serial}` } }),
  },
  {
    route: 'POST /api/v1/supervision-committees/{id}/members',
    fields: { accountId: 'account' },
    request: async (ids) => ({
      url: `${api}/supervision-committees/${await make('committee', home)}/members`,
      body: { name: `委员${++serial}`, kind: 'resident_rep', accountId: ids.accountId },
    }),
  },
  {
    route: 'POST /api/v1/resolution-publications',
    fields: { nodeId: 'compound' },
    request: async (ids) => ({ url: `${api}/resolution-publications`, body: { nodeId: ids.nodeId, month: '2026-02', objectionDays: 7 } }),
  },
  {
    route: 'POST /api/v1/resolution-ideas',
    fields: { nodeId: 'compound', resolutionId: 'resolution' },
    request: async (ids) => ({
      url: `${api}/resolution-ideas`,
      body: { nodeId: ids.nodeId, kind: 'golden_idea', text: `充电桩收益反哺楼道照明${++serial}`, resolutionId: ids.resolutionId },
    }),
  },
  {
    route: 'POST /api/v1/service-clusters/scenarios',
    fields: { nodeId: 'community' },
    request: async (ids) => ({ url: `${api}/service-clusters/scenarios`, body: { nodeId: ids.nodeId, name: `组团方案${++serial}` } }),
  },
  {
    route: 'POST /api/v1/service-clusters/scenarios/{id}/adopt',
    fields: { 'clusters[].companyId': 'propertyCompany' },
    request: async (ids) => {
      const s = await scenarioAt(home, true);
      return {
        url: `${api}/service-clusters/scenarios/${s.id}/adopt`,
        body: { clusters: [{ clusterId: s.clusterId, companyId: ids['clusters[].companyId'] }] },
      };
    },
  },
  {
    route: 'POST /api/v1/owners-committees',
    fields: { compoundId: 'compound' },
    request: async (ids) => ({
      url: `${api}/owners-committees`,
      body: {
        compoundId: ids.compoundId === home.compound.id ? await freshHomeCompound() : ids.compoundId,
        kind: 'owners_committee',
        formedOn: '2024-05-01',
      },
    }),
  },
  {
    route: 'POST /api/v1/owners-committees/{id}/members',
    fields: { residentId: 'resident' },
    request: async (ids) => ({
      url: `${api}/owners-committees/${await ocCommitteeAt(home)}/members`,
      body: { residentId: ids.residentId, position: 'member', since: '2024-05-01' },
    }),
  },
  {
    route: 'POST /api/v1/owners-committees/elections',
    fields: { compoundId: 'compound' },
    request: async (ids) => ({
      url: `${api}/owners-committees/elections`,
      body: {
        compoundId: ids.compoundId === home.compound.id ? await freshHomeCompound() : ids.compoundId,
        kind: 'owners_committee',
        seats: 5,
      },
    }),
  },
  {
    route: 'POST /api/v1/owners-committees/elections/{id}/candidates',
    fields: { residentId: 'resident' },
    request: async (ids) => ({
      url: `${api}/owners-committees/elections/${(await ocElectionAt(home)).id}/candidates`,
      body: { residentId: ids.residentId },
    }),
  },
  {
    route: 'POST /api/v1/owners-committees/trainings',
    fields: { nodeId: 'community' },
    request: async (ids) => ({
      url: `${api}/owners-committees/trainings`,
      body: { nodeId: ids.nodeId, title: `业委会履职培训${++serial}`, heldOn: '2026-03-01' },
    }),
  },
  // owners' general meetings: each send gets a fresh meeting of the home compound (made by its staff).
  {
    route: 'POST /api/v1/owners-committees/meetings',
    fields: { compoundId: 'compound' },
    request: async (ids) => ({
      url: `${api}/owners-committees/meetings`,
      body: {
        compoundId: ids.compoundId,
        kind: 'regular',
        voteFrom: '2030-05-01',
        voteUntil: '2030-05-10',
        matters: [{ kind: 'fund_use', title: '使用维修资金更换电梯' }],
      },
    }),
  },
  {
    route: 'POST /api/v1/owners-committees/meetings/{id}/proxies',
    fields: { householdId: 'household' },
    request: async (ids) => {
      const m = await ownersMeetingAt(home, 'noticed');
      const doc = await uploaded(home.staff, `${api}/owners-committees/meetings/${m.id}/documents`);
      return {
        url: `${api}/owners-committees/meetings/${m.id}/proxies`,
        body: { householdId: ids.householdId, proxyName: '周律师', documentId: doc.id },
      };
    },
  },
  {
    route: 'POST /api/v1/owners-committees/meetings/{id}/proxies',
    fields: { holderHouseholdId: 'household' },
    request: async (ids) => {
      const m = await ownersMeetingAt(home, 'noticed');
      const doc = await uploaded(home.staff, `${api}/owners-committees/meetings/${m.id}/documents`);
      return {
        url: `${api}/owners-committees/meetings/${m.id}/proxies`,
        body: { householdId: home.household.id, proxyName: '李建国', holderHouseholdId: ids.holderHouseholdId, documentId: doc.id },
      };
    },
  },
  {
    route: 'POST /api/v1/owners-committees/meetings/{id}/paper-ballots',
    fields: { householdId: 'household' },
    request: async (ids) => {
      const m = await ownersMeetingAt(home, 'voting');
      return {
        url: `${api}/owners-committees/meetings/${m.id}/paper-ballots`,
        body: { householdId: ids.householdId, choices: m.matterList.map((x) => ({ matterId: x.id, choice: 'agree' })) },
      };
    },
  },
];

// ---- Records named in the path: /…/{id}/… of another community or county answers like an unknown id.

/** Path parameters that name no record. */
const NOT_RECORDS: Record<string, string> = {
  'PUT /api/v1/demand-calendar/{year} year': 'a calendar year',
  'POST /api/v1/meetings/{id}/photos/{kind} kind': 'the kind of photo (sign-in sheet, the meeting)',
};

type Target = Record<string, string>;
interface PathCase {
  route: string;
  /** The path parameters of a record at `place` (the record the route acts on). */
  target: (place: Place) => Promise<Target>;
  body?: unknown | (() => Promise<unknown>);
  /** A photo upload: the body is a one-pixel PNG as multipart/form-data. */
  upload?: boolean;
  /** Path parameters that name no record (NOT_RECORDS), the same in every request. */
  fixed?: Target;
  /** Residents write through /me: a resident of the home household. */
  caller?: 'admin' | 'county' | 'resident';
}

const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
function photoUpload(): { payload: Buffer; type: string } {
  const boundary = '----referenced-scope-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`),
    onePixelPng,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, type: `multipart/form-data; boundary=${boundary}` };
}

/** A photo upload through the API by `session` that must succeed; its JSON answer. */
async function uploaded(session: Session, url: string): Promise<Record<string, unknown>> {
  const { payload, type } = photoUpload();
  const res = await t.app.inject({ method: 'POST', url, headers: { ...session.headers, 'content-type': type }, payload });
  if (res.statusCode >= 300) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown>;
}

async function one(query: ReturnType<typeof sql>): Promise<string> {
  const [row] = await rows<{ id: string }>(t.deps.db, query);
  if (!row) throw new Error('fixture not found');
  return row.id;
}

const demandTarget = async (place: Place): Promise<Target> => ({ id: await make('demand', place) });
const demandRoute = (action: string, body?: unknown, caller?: 'county'): PathCase => ({
  route: `POST /api/v1/demands/{id}/${action}`,
  target: demandTarget,
  body,
  caller,
});

const pathCases: PathCase[] = [
  {
    route: 'PUT /api/v1/property/companies/{id}',
    target: async (p) => ({ id: await make('propertyCompany', p) }),
    body: async () => ({ communityId: home.community.id, name: `物业公司${++serial}`, kind: 'market' }),
  },
  {
    route: 'POST /api/v1/property/companies/{id}/cross-postings',
    target: async (p) => ({ id: await make('propertyCompany', p) }),
    body: { personName: '张三', companyPost: '项目经理', partyPost: '小区党支部委员', since: '2025-01-01' },
  },
  {
    route: 'DELETE /api/v1/property/companies/{id}/cross-postings/{postingId}',
    target: async (p) => {
      const id = await make('propertyCompany', p);
      // The answer is the company's cross-postings: the new one is the only one of its company.
      const res = await t.app.inject({
        method: 'POST',
        url: `${api}/property/companies/${id}/cross-postings`,
        headers: p.staff.headers,
        payload: { personName: '李四', companyPost: '项目经理', partyPost: '小区党支部委员', since: '2025-01-01' },
      });
      const [posting] = res.json() as { id: string }[];
      if (res.statusCode !== 201 || !posting) throw new Error(`cross-posting: ${res.statusCode} ${res.body}`);
      return { id, postingId: posting.id };
    },
  },
  {
    route: 'POST /api/v1/property/contracts/{id}/collections',
    target: async (p) => ({ id: await make('propertyContract', p) }),
    body: { period: '2025', rate: 0.9 },
  },
  {
    route: 'PUT /api/v1/property/compounds/{compoundId}',
    target: async (p) => ({ compoundId: p.compound.id }),
    body: { floorAreaM2: 12000 },
  },
  {
    route: 'POST /api/v1/property/compounds/{compoundId}/override',
    target: async (p) => ({ compoundId: p.compound.id }),
    body: { status: 'poor', reason: '居民投诉集中' },
  },
  {
    route: 'POST /api/v1/property/instructors/{id}/end',
    target: async (p) => ({
      id: (
        await created(p.staff, `${api}/property/instructors`, {
          name: `指导员${++serial}`,
          nodeId: p.compound.id,
          appointedOn: '2025-03-01',
        })
      ).id,
    }),
    body: { endedOn: '2025-12-31' },
  },
  {
    route: 'POST /api/v1/property/reception-days/{id}/questions',
    target: async (p) => ({ id: await receptionAt(p) }),
    body: { question: '电梯经常停运' },
  },
  {
    route: 'POST /api/v1/property/reception-days/{id}/questions/{questionId}/demand',
    target: async (p) => receptionQuestionAt(p),
    body: async () => ({ categoryId: Object.values(home.world.categories)[0] }),
  },
  {
    route: 'POST /api/v1/property/reception-days/{id}/end',
    target: async (p) => ({ id: await receptionAt(p) }),
    body: { status: 'held', summary: '接待居民 3 人' },
  },
  {
    route: 'POST /api/v1/property-evaluation/rounds/{id}/close',
    target: async (p) => ({ id: await make('evaluationRound', p) }),
  },
  { route: 'POST /api/v1/property-evaluation/inspections/{id}/photos', target: async (p) => ({ id: await inspectionAt(p) }), upload: true },
  {
    route: 'POST /api/v1/property/contracts/{id}/renewal-decisions',
    target: async (p) => ({ id: await make('propertyContract', p) }),
    body: { decision: 'renew', reason: '综合得分达标，续聘' },
  },
  // urban-cases: the case or project is made by the place's staff through the API.
  {
    route: 'POST /api/v1/urban-cases/cases/{id}/assign',
    target: async (p) => ({ id: await urbanCaseAt(p) }),
    body: async () => ({ version: 1, departmentId: Object.values(home.world.departments)[0] }),
  },
  {
    route: 'POST /api/v1/urban-cases/cases/{id}/close',
    target: async (p) => ({ id: await urbanCaseAt(p) }),
    body: { version: 1, quantity: 1 },
  },
  { route: 'POST /api/v1/urban-cases/cases/{id}/photos', target: async (p) => ({ id: await urbanCaseAt(p) }), upload: true },
  {
    route: 'POST /api/v1/me/urban-cases/{id}/photos',
    target: async (p) => ({ id: await urbanCaseAt(p) }),
    upload: true,
    caller: 'resident',
  },
  {
    route: 'PUT /api/v1/urban-cases/renovations/{id}',
    target: async (p) => ({ id: await renovationAt(p) }),
    body: async () => ({ version: 1, ...renovationBodyFor(home.compound.id) }),
  },
  { route: 'POST /api/v1/urban-cases/renovations/{id}/start', target: async (p) => ({ id: await renovationAt(p) }), body: { version: 1 } },
  {
    route: 'POST /api/v1/urban-cases/renovations/{id}/accept',
    target: async (p) => ({ id: await renovationAt(p) }),
    body: { version: 1, acceptedOn: '2026-01-01' },
  },
  { route: 'POST /api/v1/urban-cases/renovations/{id}/photos', target: async (p) => ({ id: await renovationAt(p) }), upload: true },
  { route: 'PATCH /api/v1/accounts/{id}', target: async (p) => ({ id: p.account }), body: { displayName: '改名' } },
  { route: 'POST /api/v1/accounts/{id}/unlock', target: async (p) => ({ id: p.account }) },
  { route: 'POST /api/v1/accounts/{id}/reset-password', target: async (p) => ({ id: p.account }), body: { password: 'Test@2026pass!' } },
  {
    route: 'POST /api/v1/accounts/{id}/grants',
    target: async (p) => ({ id: p.account }),
    body: async () => ({ role: 'volunteer', nodeId: home.compound.id }),
  },
  {
    route: 'DELETE /api/v1/accounts/{id}/grants/{grantId}',
    target: async (p) => ({
      id: p.account,
      grantId: await one(sql`SELECT id::text AS id FROM role_grant WHERE account_id = ${p.account} LIMIT 1`),
    }),
  },
  { route: 'PATCH /api/v1/territory/nodes/{id}', target: async (p) => ({ id: p.building.id }), body: { name: '改名楼' } },
  {
    route: 'POST /api/v1/territory/nodes/{id}/move',
    target: async (p) => ({ id: p.building.id }),
    body: async () => ({ parentId: home.otherCompound.id }),
  },
  {
    route: 'POST /api/v1/territory/nodes/{id}/merge',
    target: async (p) => ({ id: p.building.id }),
    body: async () => ({ intoId: home.building.id }),
  },
  { route: 'PATCH /api/v1/people/residents/{id}', target: async (p) => ({ id: await make('resident', p) }), body: { name: '改名' } },
  { route: 'POST /api/v1/people/residents/{id}/reveal', target: async (p) => ({ id: await make('resident', p) }) },
  {
    route: 'DELETE /api/v1/people/leaders/{id}',
    target: async (p) => {
      const id = newId();
      await t.deps.db.execute(sql`INSERT INTO node_leader (tenant_id, id, node_id, resident_id, role)
        VALUES (${p.tenantId}, ${id}, ${p.building.id}, ${await make('resident', p)}, 'building_leader')`);
      return { id };
    },
  },
  {
    route: 'POST /api/v1/grids/{id}/members',
    target: async (p) => ({ id: p.grid }),
    body: async () => ({ role: 'volunteer', name: '志愿者', accountId: home.account }),
  },
  {
    route: 'DELETE /api/v1/grids/{id}/members/{memberId}',
    target: async (p) => {
      const memberId = newId();
      await t.deps.db.execute(sql`INSERT INTO grid_member (tenant_id, id, grid_id, role, account_id, name)
        VALUES (${p.tenantId}, ${memberId}, ${p.grid}, 'volunteer', ${p.account}, '志愿者')`);
      return { id: p.grid, memberId };
    },
  },
  demandRoute('reveal-contact'),
  demandRoute('accept'),
  demandRoute('reject', { reason: '重复' }),
  demandRoute('dispatch', {}),
  demandRoute('start'),
  demandRoute('resolve', { result: '已处理' }),
  demandRoute('evaluate', { satisfaction: 'satisfied' }),
  demandRoute('close'),
  demandRoute('return', { reason: '不属本单位' }),
  demandRoute('transfer', { reason: '转办' }),
  demandRoute('escalate', { reason: '提级' }),
  demandRoute('extension-request', { until: '2030-01-01T00:00:00.000Z', reason: '需要更多时间' }),
  demandRoute('extension-decision', { approve: true }),
  demandRoute('reopen', { reason: '没有解决' }),
  { route: 'POST /api/v1/demands/{id}/merge', target: demandTarget, body: async () => ({ intoId: await make('demand', home) }) },
  demandRoute('supervise', { note: '请加快办理' }, 'county'),
  demandRoute('callbacks', { reached: true, satisfaction: 'satisfied' }),
  {
    route: 'PATCH /api/v1/demand-categories/{id}',
    caller: 'admin',
    target: async (p) => ({ id: p.world.categories.noise! }),
    body: { name: '噪音' },
  },
  {
    route: 'PUT /api/v1/demand-imports/mappings/{id}',
    caller: 'county',
    target: async (p) => ({ id: await mappingAt(p) }),
    body: async () => ({ ...mapping(`映射${++serial}`, home.community.id), version: 1 }),
  },
  { route: 'DELETE /api/v1/demand-imports/mappings/{id}', caller: 'county', target: async (p) => ({ id: await mappingAt(p) }) },
  {
    route: 'PATCH /api/v1/demand-themes/{id}',
    target: async (p) => {
      const id = newId();
      await t.deps.db.execute(sql`INSERT INTO demand_theme (tenant_id, id, month, node_id, node_path, category_id, title)
        VALUES (${p.tenantId}, ${id}, '2026-05', ${p.community.id}, ${p.community.path}::ltree, ${p.world.categories.noise}, '每月一题')`);
      return { id };
    },
    body: { status: 'closed', outcome: '已解决' },
  },
  { route: 'POST /api/v1/open311-clients/{id}/rotate-key', caller: 'admin', target: async (p) => ({ id: await open311At(p) }) },
  {
    route: 'PATCH /api/v1/open311-clients/{id}',
    caller: 'admin',
    target: async (p) => ({ id: await open311At(p) }),
    body: { active: false },
  },
  {
    route: 'POST /api/v1/notifications/{id}/read',
    target: async (p) => {
      const id = newId();
      await t.deps.db.execute(sql`INSERT INTO notification (tenant_id, id, recipient_id, event_id, event_type, message_key, title, body)
        VALUES (${p.tenantId}, ${id}, ${p.account}, ${newId()}, 'demand.dispatched', 'demand.dispatched', '新的诉求', '请处理')`);
      return { id };
    },
  },
  // ---- Co-governance modules: the record is made by the place's own staff through the API.
  made('POST /api/v1/ballots/{id}/open', 'ballot'),
  made('POST /api/v1/ballots/{id}/close', 'ballot'),
  made('POST /api/v1/ballots/{id}/tally', 'ballot', { cast: { voters: 10 }, options: [{ id: 1, voters: 6 }] }),
  made('PATCH /api/v1/deliberation/stations/{id}', 'station', { version: 1, name: '改名议事站' }),
  made('PUT /api/v1/deliberation/stations/{id}/schedule', 'station', { schedule: null }),
  made('POST /api/v1/deliberation/topics/{id}/escalate', 'topic', { version: 1, reason: '需上级协调' }),
  made('POST /api/v1/deliberation/topics/{id}/transition', 'topic', { version: 1, action: 'pool' }),
  // Supporting a topic is a resident's act (staff are refused whatever the id).
  { ...made('POST /api/v1/deliberation/topics/{id}/support', 'topic'), caller: 'resident' },
  made('POST /api/v1/deliberation/topics/{id}/screen', 'topic', { version: 1, outcome: 'admissible', kindCode: 'elevator' }),
  made('POST /api/v1/deliberation/topics/{id}/advisers', 'topic', { role: 'lawyer', name: '李律师' }),
  {
    route: 'POST /api/v1/deliberation/topics/{id}/merge',
    target: async (p) => ({ id: await make('topic', p) }),
    body: async () => ({ version: 1, intoId: await make('topic', home) }),
  },
  made('POST /api/v1/ballots/{id}/proxies', 'ballot', { grantorId: newId(), holderId: newId() }),
  {
    route: 'POST /api/v1/deliberation/visit-plans/{id}/visits',
    target: async (p) => ({ id: await planAt(p) }),
    body: async () => ({ householdId: home.otherHousehold.id, visitedOn: visitDay, outcome: 'visited' }),
  },
  {
    route: 'POST /api/v1/deliberation/visits/{id}/topic',
    target: async (p) => ({ id: await raisedVisitAt(p) }),
    body: { title: '楼道照明' },
  },
  made('POST /api/v1/deliberation/stations/{id}/rules', 'station', {
    scopeSummary: '小区公共事务',
    procedure: '提议、协商、表决',
    meetingRules: '一人一次发言',
  }),
  made('POST /api/v1/meetings/{id}/check-ins', 'meeting', { inviteeId: newId() }),
  made('POST /api/v1/meetings/{id}/motions', 'meeting', { text: '同意加装电梯', mover: '张三' }),
  {
    route: 'POST /api/v1/resolutions/{id}/tasks/{taskId}/progress',
    target: async (p) => {
      const r = (await created(p.staff, `${api}/resolutions`, resolutionBody(p.compound.id))) as { id: string; tasks?: { id: string }[] };
      return { id: r.id, taskId: r.tasks![0]!.id };
    },
    body: { progress: 50, note: '灯具已采购' },
  },
  {
    route: 'POST /api/v1/opinion-map/statements/{id}/moderation',
    target: async (p) => {
      const c = await make('conversation', p);
      // A resident's statement waits for moderation; a staff one is approved at once — either is a record of the place.
      return { id: (await created(p.staff, `${api}/opinion-map/conversations/${c}/statements`, { body: `观点${++serial}` })).id };
    },
    body: { decision: 'approve' },
  },
  made('PATCH /api/v1/councils/{id}', 'council', { name: '改名议事会' }),
  {
    route: 'DELETE /api/v1/councils/{id}/seats/{seatId}',
    target: async (p) => {
      const id = await make('council', p);
      const council = (await created(p.staff, `${api}/councils/${id}/seats`, { role: 'member', name: '居民代表' })) as {
        id: string;
        seats?: { id: string }[];
      };
      return { id, seatId: council.seats![0]!.id };
    },
  },
  made('POST /api/v1/resolutions/{id}/evaluations', 'resolution', {
    month: '2026-02',
    memberId: newId(),
    progress: 50,
    quality: 'good',
    satisfaction: 'satisfied',
  }),
  made('POST /api/v1/councils/{id}/seats', 'council', { role: 'member', name: '居民代表' }),
  made('POST /api/v1/meetings/{id}/invitees', 'meeting', { invitees: [{ kind: 'observer', name: '列席居民' }] }),
  made('POST /api/v1/meetings/{id}/notice', 'meeting'),
  made('POST /api/v1/meetings/{id}/reminders', 'meeting'),
  made('POST /api/v1/meetings/{id}/open', 'meeting'),
  made('POST /api/v1/meetings/{id}/cancel', 'meeting'),
  made('POST /api/v1/meetings/{id}/close', 'meeting'),
  made('PUT /api/v1/meetings/{id}/minutes', 'meeting', { minutes: '会议纪要' }),
  made('POST /api/v1/opinion-map/conversations/{id}/close', 'conversation'),
  made('POST /api/v1/opinion-map/conversations/{id}/statements', 'conversation', { body: '收费应按车位数分摊' }),
  made('POST /api/v1/opinion-map/conversations/{id}/map', 'conversation'),
  made('POST /api/v1/resolutions/{id}/complete', 'resolution'),
  made('POST /api/v1/supervision-committees/{id}/members', 'committee', { name: '委员', kind: 'resident_rep' }),
  // Photos: the station's wall, a meeting's sign-in sheet, a resolution's milestones.
  { route: 'POST /api/v1/deliberation/stations/{id}/photos', target: async (p) => ({ id: await make('station', p) }), upload: true },
  {
    route: 'DELETE /api/v1/deliberation/stations/{id}/photos/{photoId}',
    target: async (p) => {
      const id = await make('station', p);
      const station = (await uploaded(p.staff, `${api}/deliberation/stations/${id}/photos`)) as { photos: { id: string }[] };
      return { id, photoId: station.photos[0]!.id };
    },
  },
  {
    route: 'POST /api/v1/meetings/{id}/photos/{kind}',
    target: async (p) => ({ id: await make('meeting', p) }),
    fixed: { kind: 'sign_in_sheet' },
    upload: true,
  },
  { route: 'POST /api/v1/resolutions/{id}/photos', target: async (p) => ({ id: await make('resolution', p) }), upload: true },
  // A motion being debated at a meeting that is open.
  {
    route: 'POST /api/v1/meetings/{id}/motions/{motionId}/turns',
    target: motionAt,
    body: async () => ({ attendanceId: newId(), stance: 'for', seconds: 60 }),
  },
  { route: 'POST /api/v1/meetings/{id}/motions/{motionId}/decision', target: motionAt, body: { votesFor: 3, votesAgainst: 1 } },
  // The resident's own writes: a record of another community or county reads like an unknown one.
  {
    route: 'POST /api/v1/me/ballots/{id}/vote',
    caller: 'resident',
    target: async (p) => {
      // An online ballot of the place's households, open for votes (counted by head, no floor areas needed).
      const body = ballotBody(p.compound.id, { title: `表决${++serial}`, rule: 'simple_majority', weighting: 'none' });
      const { id } = await created(p.staff, `${api}/ballots`, body);
      await created(p.staff, `${api}/ballots/${id}/open`, {});
      return { id };
    },
    body: { options: [1], receipt: 'referenced-scope-receipt-0001' },
  },
  {
    route: 'POST /api/v1/me/meetings/{id}/check-in',
    caller: 'resident',
    target: async (p) => {
      // A meeting of the place whose notice is out (a council meets with at least one member).
      const council = await make('council', p);
      await created(p.staff, `${api}/councils/${council}/seats`, { role: 'member', name: '居民代表' });
      const { id } = await created(p.staff, `${api}/meetings`, meetingBody(council));
      await created(p.staff, `${api}/meetings/${id}/notice`, {});
      return { id };
    },
    body: { code: '123456' },
  },
  {
    route: 'PUT /api/v1/me/opinion-statements/{id}/vote',
    caller: 'resident',
    target: async (p) => {
      const c = await make('conversation', p);
      return { id: (await created(p.staff, `${api}/opinion-map/conversations/${c}/statements`, { body: `观点${++serial}` })).id };
    },
    body: { value: 'agree' },
  },
  {
    route: 'POST /api/v1/me/opinion-conversations/{id}/statements',
    caller: 'resident',
    target: async (p) => ({ id: await make('conversation', p) }),
    body: { body: '收费应按车位数分摊' },
  },
  { ...made('POST /api/v1/me/resolutions/{id}/survey', 'resolution', { satisfaction: 'satisfied' }), caller: 'resident' },
  {
    route: 'POST /api/v1/resolution-publications/{id}/objections',
    caller: 'resident',
    target: async (p) => {
      // Each notice its own month, so a place never publishes one month twice.
      const month = new Date(Date.UTC(2026, -++serial, 1)).toISOString().slice(0, 7);
      return { id: (await created(p.staff, `${api}/resolution-publications`, { nodeId: p.compound.id, month, objectionDays: 7 })).id };
    },
    body: { text: '路灯位置不合理' },
  },
  {
    route: 'PATCH /api/v1/service-clusters/scenarios/{id}',
    target: async (p) => ({ id: (await scenarioAt(p)).id }),
    body: { name: '改名' },
  },
  {
    route: 'PUT /api/v1/service-clusters/scenarios/{id}/locks',
    target: async (p) => ({ id: (await scenarioAt(p)).id }),
    body: { locks: [] },
  },
  { route: 'POST /api/v1/service-clusters/scenarios/{id}/solve', target: async (p) => ({ id: (await scenarioAt(p)).id }) },
  { route: 'POST /api/v1/service-clusters/scenarios/{id}/adopt', target: async (p) => ({ id: (await scenarioAt(p, true)).id }), body: {} },
  {
    route: 'POST /api/v1/owners-committees/{id}/end',
    target: async (p) => ({ id: await ocCommitteeAt(p) }),
    body: { status: 'expired', endedOn: '2026-01-01' },
  },
  {
    route: 'POST /api/v1/owners-committees/{id}/members',
    target: async (p) => ({ id: await ocCommitteeAt(p) }),
    body: async () => ({ residentId: await make('resident', home), position: 'member', since: '2024-05-01' }),
  },
  { route: 'POST /api/v1/owners-committees/{id}/members/{memberId}/end', target: ocMemberAt, body: { until: '2026-01-01' } },
  {
    route: 'POST /api/v1/owners-committees/elections/{id}/candidates',
    target: async (p) => ({ id: (await ocElectionAt(p)).id }),
    body: async () => ({ residentId: await make('resident', home) }),
  },
  {
    route: 'POST /api/v1/owners-committees/elections/{id}/candidates/{candidateId}/checks',
    target: ocElectionAt,
    body: { item: 'owner_household', passed: true },
  },
  {
    route: 'POST /api/v1/owners-committees/elections/{id}/vote',
    target: async (p) => ({ id: (await ocElectionAt(p)).id }),
    body: { method: 'tally' },
  },
  { route: 'POST /api/v1/owners-committees/elections/{id}/close', target: async (p) => ({ id: (await ocElectionAt(p)).id }), body: {} },
  {
    route: 'POST /api/v1/owners-committees/trainings/{id}/attendance',
    target: async (p) => ({
      id: (await created(p.staff, `${api}/owners-committees/trainings`, { nodeId: p.community.id, title: '培训', heldOn: '2026-03-01' }))
        .id,
    }),
    body: async () => ({ memberIds: [(await ocMemberAt(home)).memberId] }),
  },
  {
    route: 'POST /api/v1/owners-committees/meetings/{id}/notice',
    target: async (p) => ({ id: (await ownersMeetingAt(p, 'draft')).id }),
    body: { noticeOn: chinaDay(-20) },
  },
  {
    route: 'POST /api/v1/owners-committees/meetings/{id}/vote',
    target: async (p) => ({ id: (await ownersMeetingAt(p, 'noticed')).id }),
    body: {},
  },
  {
    route: 'POST /api/v1/owners-committees/meetings/{id}/documents',
    target: async (p) => ({ id: (await ownersMeetingAt(p, 'draft')).id }),
    upload: true,
  },
  {
    route: 'POST /api/v1/owners-committees/meetings/{id}/proxies',
    target: async (p) => ({ id: (await ownersMeetingAt(p, 'noticed')).id }),
    body: async () => ({ householdId: home.household.id, proxyName: '周律师', documentId: newId() }),
  },
  {
    route: 'POST /api/v1/owners-committees/meetings/{id}/paper-ballots',
    target: async (p) => ({ id: (await ownersMeetingAt(p, 'voting')).id }),
    body: async () => ({ householdId: home.household.id, choices: [{ matterId: newId(), choice: 'agree' }] }),
  },
  {
    route: 'POST /api/v1/owners-committees/meetings/{id}/close',
    target: async (p) => ({ id: (await ownersMeetingAt(p, 'voting')).id }),
    body: {},
  },
  {
    route: 'POST /api/v1/owners-committees/meetings/{id}/publish',
    target: async (p) => ({ id: (await ownersMeetingAt(p, 'closed')).id }),
    body: {},
  },
];

/** A motion of a meeting of the place, opened (the state a motion is debated and decided in). */
async function motionAt(p: Place): Promise<Target> {
  const id = await make('meeting', p);
  const motionId = newId();
  await t.deps.db.execute(sql`UPDATE meeting SET status = 'open', opened_at = now() WHERE tenant_id = ${p.tenantId} AND id = ${id}::uuid`);
  await t.deps.db.execute(sql`INSERT INTO meeting_motion (tenant_id, id, meeting_id, text, mover)
    VALUES (${p.tenantId}, ${motionId}, ${id}::uuid, '同意加装电梯', '张三')`);
  return { id, motionId };
}

/** A write on a record of `kind` that the place's staff made. */
function made(route: string, kind: Kind, body?: unknown): PathCase {
  return { route, target: async (p) => ({ id: await make(kind, p) }), body };
}

async function mappingAt(p: Place): Promise<string> {
  const id = newId();
  await t.deps.db.execute(sql`INSERT INTO demand_import_mapping (tenant_id, id, name, config)
    VALUES (${p.tenantId}, ${id}, ${`映射${++serial}`}, ${JSON.stringify(mapping('x', p.community.id).config)}::jsonb)`);
  return id;
}

async function open311At(p: Place): Promise<string> {
  const id = newId();
  await t.deps.db.execute(sql`INSERT INTO open311_client (tenant_id, id, name, api_key_hash, jurisdiction_id, account_id)
    VALUES (${p.tenantId}, ${id}, ${`客户端${++serial}`}, ${newId().replaceAll('-', '').padEnd(64, '0')}, ${p.tenantId}, ${p.account})`);
  return id;
}

function mapping(name: string, nodeId: string) {
  return {
    name,
    config: {
      columns: { externalId: '工单编号', submittedAt: '受理时间', description: ['诉求内容'] },
      defaults: { channel: 'hotline_12345', type: 'complaint', categoryCode: 'other', nodeId },
      valueMaps: { channel: {}, type: {}, category: {}, status: {} },
      dateFormat: 'iso',
      timeZone: 'Asia/Shanghai',
    },
  };
}

/** Every field of a request body that names a record: *Id, *Ids, and uuid-formatted strings. */
function idFields(doc: OpenApi, schema: unknown, prefix: string, out: Set<string>): void {
  const s = deref(doc, schema);
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) idFields(doc, alt, prefix, out);
  for (const [name, raw] of Object.entries(s.properties ?? {})) {
    const p = deref(doc, raw);
    const items = p.items ? deref(doc, p.items) : undefined;
    const isId = /Ids?$/.test(name) || p.format === 'uuid' || items?.format === 'uuid';
    const path = `${prefix}${name}${p.type === 'array' ? '[]' : ''}`;
    if (isId) out.add(path);
    idFields(doc, p, `${path}.`, out);
    if (items) idFields(doc, items, `${path}.`, out);
  }
}

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, unknown>;
  items?: unknown;
  anyOf?: unknown[];
  oneOf?: unknown[];
  allOf?: unknown[];
}
interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content?: Record<string, { schema?: unknown }> }; parameters?: { in: string; name: string; schema?: Schema }[] }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}
function deref(doc: OpenApi, schema: unknown): Schema {
  const s = (schema ?? {}) as Schema;
  if (s.$ref) return deref(doc, doc.components?.schemas?.[s.$ref.split('/').pop() as string]);
  return s;
}

/**
 * One fingerprint per table of everything stored, but for the bookkeeping every request touches
 * whatever it asks: its session and the rate limiter's windows.
 */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(
    t.deps.db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('session', 'rate_limit_window') ORDER BY 1`,
  );
  // Every insert or update leaves a row version stamped with the writing transaction's id (xmin), newer
  // than every earlier one; a delete lowers the count. So (count, newest xmin) changes with any committed
  // write, even one that rewrites a row with the same values — without hashing every table's contents.
  const parts = tables.map(
    (x) => sql`SELECT ${x.name} AS name, count(*) || ':' || coalesce(max(t.xmin::text::bigint), 0) AS sum FROM ${sql.identifier(x.name)} t`,
  );
  // One scan of ~150 small tables: PostgreSQL would plan it in parallel and start worker processes
  // that each open every table again, which costs more than the scan.
  const sums = await t.deps.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
    return rows<{ name: string; sum: string }>(tx, sql.join(parts, sql` UNION ALL `));
  });
  return Object.fromEntries(sums.map((r) => [r.name, r.sum]));
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await buildDemandWorld(t.deps.db, '370785');
  const b = await buildDemandWorld(t.deps.db, '370786');
  // The caller: a community's desk with every write ability there (staff, account and configuration roles).
  const community = a.tree.communities[0]!;
  const account = await createAccount(t.deps.db, {
    tenantId: '370785',
    username: 'desk',
    grants: [
      { role: 'community_staff', nodeId: community.id },
      { role: 'security_admin', nodeId: community.id },
      { role: 'system_admin', nodeId: community.id },
    ],
  });
  deskId = account.id;
  desk = await login(t.app, 'desk', account.password);
  home = await buildPlace(a, 0, 'home', desk);
  neighbour = await buildPlace(a, 2, 'neighbour'); // another subdistrict's community of the same county
  foreign = await buildPlace(b, 0, 'foreign'); // another county
  await createAccount(t.deps.db, {
    tenantId: '370785',
    username: 'countyadmin',
    grants: [{ role: 'system_admin', nodeId: a.tree.county.id }],
  });
  admin = await login(t.app, 'countyadmin', account.password);
  await createAccount(t.deps.db, {
    tenantId: '370785',
    username: 'countystaff',
    grants: [{ role: 'county_staff', nodeId: a.tree.county.id }],
  });
  county = await login(t.app, 'countystaff', account.password);
  await createAccount(t.deps.db, {
    tenantId: '370785',
    username: 'homeresident',
    grants: [{ role: 'resident', nodeId: home.household.id }],
  });
  resident = await login(t.app, 'homeresident', account.password);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('ids of other records in a write are checked against the caller scope', () => {
  it('every id field of every write route is either swept below or listed as not a reference', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as OpenApi;
    const found: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        const fields = new Set<string>();
        for (const content of Object.values(op.requestBody?.content ?? {})) idFields(doc, content.schema, 'body.', fields);
        for (const p of op.parameters ?? []) {
          if (p.in === 'query' && (/Ids?$/.test(p.name) || p.schema?.format === 'uuid')) fields.add(`query.${p.name}`);
        }
        for (const f of fields) found.push(`${method.toUpperCase()} ${path} ${f}`);
      }
    }
    const covered = new Set(cases.flatMap((c) => Object.keys(c.fields).map((f) => `${c.route} body.${f}`)));
    const unlisted = found.filter((f) => !covered.has(f) && !(f in NOT_REFERENCES));
    expect(unlisted, 'add a case to referenced-scope.test.ts (or list the field in NOT_REFERENCES)').toEqual([]);
    // The list above is not stale: everything it names still exists.
    expect([...covered, ...Object.keys(NOT_REFERENCES)].filter((f) => !found.includes(f))).toEqual([]);
    expect(found.length).toBeGreaterThan(30);
  });

  for (const c of cases) {
    it(`${c.route} (${Object.keys(c.fields).join(', ')})`, async () => {
      const homeIds: Record<string, string> = {};
      for (const [field, kind] of Object.entries(c.fields)) homeIds[field] = await make(kind, home);
      const send = async (ids: Record<string, string>) => {
        const { url, body } = await c.request(ids);
        const before = await snapshot();
        const res = await t.app.inject({
          method: c.route.split(' ')[0] as 'POST',
          url,
          headers: (c.caller === 'admin' ? admin : c.caller === 'county' ? county : c.caller === 'resident' ? resident : desk).headers,
          payload: body as object,
        });
        return { res, before, after: await snapshot() };
      };
      const problems: string[] = [];
      for (const [field, kind] of Object.entries(c.fields)) {
        const unknownId = newId();
        const unknown = await send({ ...homeIds, [field]: unknownId });
        const expected = unknown.res.body.replaceAll(unknownId, '<id>');
        if (unknown.res.statusCode < 400 || unknown.res.statusCode >= 500) {
          problems.push(`${field}: an unknown id answered ${unknown.res.statusCode} ${unknown.res.body.slice(0, 200)}`);
        }
        // County-wide records, and callers whose scope is the whole county, have only another county outside.
        const places = countyWide.includes(kind) || c.caller === 'admin' || c.caller === 'county' ? { foreign } : { neighbour, foreign };
        for (const [where, place] of Object.entries(places)) {
          const id = await make(kind, place);
          const { res, before, after } = await send({ ...homeIds, [field]: id });
          const got = res.body.replaceAll(id, '<id>');
          if (res.statusCode !== unknown.res.statusCode || got !== expected) {
            problems.push(
              `${field} of ${where}: ${res.statusCode} ${got.slice(0, 300)} — unknown id: ${unknown.res.statusCode} ${expected.slice(0, 200)}`,
            );
          }
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length > 0) problems.push(`${field} of ${where}: changed ${changed.join(', ')}`);
        }
      }
      // The same request with the caller's own records goes through: the refusals above were about scope.
      const ok = await send(homeIds);
      if (ok.res.statusCode >= 300) problems.push(`own records: ${ok.res.statusCode} ${ok.res.body.slice(0, 300)}`);
      expect(problems).toEqual([]);
    }, 60_000);
  }
});

describe('records named in the path of a write are checked against the caller scope', () => {
  it('every write route with a path parameter is swept below or listed as naming no record', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as OpenApi;
    const found = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .flatMap((m) => [...path.matchAll(/\{([^}]+)\}/g)].map((x) => `${m.toUpperCase()} ${path} ${x[1]}`)),
    );
    const covered = new Set(pathCases.flatMap((c) => [...c.route.matchAll(/\{([^}]+)\}/g)].map((x) => `${c.route} ${x[1]}`)));
    expect(found.filter((f) => !covered.has(f) && !(f in NOT_RECORDS))).toEqual([]);
    expect([...covered, ...Object.keys(NOT_RECORDS)].filter((f) => !found.includes(f))).toEqual([]);
  });

  for (const c of pathCases) {
    it(c.route, async () => {
      const [method, path] = c.route.split(' ') as [string, string];
      const session = c.caller === 'admin' ? admin : c.caller === 'county' ? county : c.caller === 'resident' ? resident : desk;
      const send = async (target: Target) => {
        const body = typeof c.body === 'function' ? await (c.body as () => Promise<unknown>)() : c.body;
        const upload = c.upload ? photoUpload() : undefined;
        const before = await snapshot();
        const res = await t.app.inject({
          method: method as 'POST',
          url: path.replace(/\{([^}]+)\}/g, (_, name: string) => (c.fixed?.[name] ?? target[name]) as string),
          headers: { ...session.headers, ...(upload ? { 'content-type': upload.type } : {}) },
          ...(upload ? { payload: upload.payload } : body !== undefined ? { payload: body as object } : {}),
        });
        return { res, before, after: await snapshot() };
      };
      const problems: string[] = [];
      const unknownIds = Object.fromEntries(
        [...path.matchAll(/\{([^}]+)\}/g)].filter((x) => !c.fixed?.[x[1] as string]).map((x) => [x[1] as string, newId()]),
      );
      const unknown = await send(unknownIds);
      const changedBy = (x: { before: Record<string, string>; after: Record<string, string> }) =>
        // Sorted: the snapshot's UNION ALL gives its rows in no set order (PostgreSQL may append them in parallel).
        Object.keys(x.after)
          .filter((table) => x.after[table] !== x.before[table])
          .sort();
      // A refused attempt may be audited (a reveal is, allowed or not) — the same way for any id; no data changes.
      const audited = changedBy(unknown);
      if (audited.some((table) => !table.startsWith('audit_'))) problems.push(`an unknown id changed ${audited.join(', ')}`);
      const normalise = (body: string, ids: Target) => Object.values(ids).reduce((b, id) => b.replaceAll(id, '<id>'), body);
      const expected = normalise(unknown.res.body, unknownIds);
      // 404, or 403 where every refused attempt is answered alike (a reveal needs people.pii on the record's place).
      if (![403, 404].includes(unknown.res.statusCode))
        problems.push(`an unknown id answered ${unknown.res.statusCode} ${unknown.res.body.slice(0, 200)}`);
      const places = c.caller === 'admin' || c.caller === 'county' ? { foreign } : { neighbour, foreign };
      for (const [where, place] of Object.entries(places)) {
        const ids = await c.target(place);
        const { res, before, after } = await send(ids);
        const got = normalise(res.body, ids);
        if (res.statusCode !== unknown.res.statusCode || got !== expected) {
          problems.push(
            `${where}: ${res.statusCode} ${got.slice(0, 300)} — unknown id: ${unknown.res.statusCode} ${expected.slice(0, 200)}`,
          );
        }
        const changed = changedBy({ before, after });
        if (changed.join() !== audited.join())
          problems.push(`${where}: changed ${changed.join(', ')} (an unknown id: ${audited.join(', ')})`);
      }
      expect(problems).toEqual([]);
    }, 60_000);
  }
});

// ---- Reads filtered by an id of another record: another community's id reads like an unknown one.

/** Query ids of reads that are filters over the caller's own records, not references. */
const NOT_READ_REFERENCES: Record<string, string> = {
  // The auditor searches the county's whole trail by the id a record had; the trail is the county's.
  'GET /api/v1/audit/events query.targetId': 'a search term over the audit trail',
  'GET /api/v1/audit/events/export.xlsx query.targetId': 'a search term over the audit trail',
};

/** The kind of record a query id names, by route and field (defaults by field name). */
function readKind(route: string, field: string): Kind | 'mapping' {
  if (field === 'parentId') return route.includes('/party/') ? 'communityCommittee' : route.includes('/grids') ? 'grid' : 'community';
  const byName: Record<string, Kind | 'mapping'> = {
    nodeId: 'community',
    communityId: 'community',
    buildingId: 'building',
    orgId: 'communityCommittee',
    categoryId: 'category',
    mappingId: 'mapping',
    placeId: 'community',
    stationId: 'station',
    topicId: 'topic',
    councilId: 'council',
    conversationId: 'conversation',
    resolutionId: 'resolution',
    committeeId: 'committee',
    companyId: 'propertyCompany',
    compoundId: 'compound',
  };
  const kind = byName[field];
  if (!kind) throw new Error(`no kind for ${route} ${field}: add it to readKind or NOT_READ_REFERENCES`);
  return kind;
}

describe('ids in the query of a read are checked against the caller scope', () => {
  it('answers another community’s and another county’s ids exactly like unknown ones', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as OpenApi;
    const problems: string[] = [];
    let swept = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const op = methods.get;
      if (!op || path.includes('{')) continue;
      for (const p of op.parameters ?? []) {
        if (p.in !== 'query' || !(/Ids?$/.test(p.name) || p.schema?.format === 'uuid')) continue;
        if (`GET ${path} query.${p.name}` in NOT_READ_REFERENCES) continue;
        const kind = readKind(path, p.name);
        // Mappings are the county's 12345 import: its staff see the whole county, so only another county is outside.
        const session = kind === 'mapping' ? county : desk;
        const ask = async (id: string) => {
          const res = await t.app.inject({ url: `${path}?${p.name}=${id}`, headers: session.headers });
          const json = (res.headers['content-type'] ?? '').toString().includes('json');
          return { status: res.statusCode, body: json ? res.body.replaceAll(id, '<id>') : '(file)' };
        };
        const unknown = await ask(newId());
        const places = kind === 'mapping' || countyWide.includes(kind as Kind) ? { foreign } : { neighbour, foreign };
        for (const [where, place] of Object.entries(places)) {
          const id = kind === 'mapping' ? await mappingAt(place) : await make(kind as Kind, place);
          const got = await ask(id);
          if (got.status !== unknown.status || got.body !== unknown.body) {
            problems.push(
              `GET ${path} ${p.name} of ${where}: ${got.status} ${got.body.slice(0, 200)} — unknown: ${unknown.status} ${unknown.body.slice(0, 200)}`,
            );
          }
        }
        swept++;
      }
    }
    expect(problems).toEqual([]);
    expect(swept).toBeGreaterThan(30);
  }, 120_000);
});
