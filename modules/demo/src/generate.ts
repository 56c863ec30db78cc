import { newId, SeededRandom as Random } from '@linli/core';
import { ltreeLabel } from '@linli/db';
import { syntheticIdNumber } from './id-number.ts';
import {
  compoundPrefixes,
  compoundSuffixes,
  dualRegistrationServices,
  dualRegistrationUnits,
  femaleGivenChars,
  maleGivenChars,
  propertyCompanyWords,
  seedCompoundNames,
  stateOwnedPropertyCompanies,
  surnames,
} from './names.ts';

/**
 * The generated part of a demo county, built in memory first and inserted afterwards. For 高密市 the
 * totals its seed text publishes are met exactly: 219 小区党支部, 1,634 楼栋党小组, 5,326 党员中心户,
 * 75 双报到 units, 44 urban communities. Everything else is plausible, not real.
 */
export interface CountyProfile {
  /** The county's division code, also its tenant id and the region of its residents' ID numbers. */
  tenantId: string;
  /** Seed of the generator: the same profile always gives the same county. */
  seed: number;
  targets: {
    compounds: number;
    compoundBranches: number;
    buildings: number;
    buildingGroups: number;
    memberHouseholds: number;
    dualRegistrations: number;
    oldCompounds: number;
  };
  /** How many urban communities (the first by division code) hold the compounds; all of them when absent. */
  communitiesWithCompounds?: number;
  /**
   * The size of its buildings: at least `minPerCompound` buildings per compound (3 when absent), walk-ups
   * of `floors` storeys with `entrances` stairwells. A county of many small old compounds (文山市's 583)
   * gets small buildings, so that it loads in about the time of the others.
   */
  buildings?: { minPerCompound: number; floors: readonly [number, number]; entrances: readonly [number, number] };
  /** South-west corner of the area the compounds are placed in. */
  origin: { lat: number; lng: number };
  /** The street whose first community with compounds anchors the demo accounts. */
  anchorSubdistrict: string;
  /** 市 for a county-level city (市委办公室), 区 for a district (区委办公室). */
  unitPrefix: '市' | '区';
  /** Deliberation records over the last 12 months at the scale of the county's published figures. */
  deliberation: DeliberationTargets;
  /** Property reform records (红色物业 / 大物业) at the scale of the county's published figures. */
  property?: PropertyTargets;
}

/**
 * What the property, urban-cases and owners-committees demo seeders generate for a county (each reads
 * its part from the shared context's `profile.property`), so that `GET /property/kpis` computes the
 * published figures from records. Every part is optional: a county without it gets a few worked examples.
 */
export interface PropertyTargets {
  /** Old compounds classified by management status: 管得好 / 管不好 / 无人管 / 自己管. */
  compoundsByStatus?: { well: number; poor: number; unmanaged: number; self: number };
  /** Community service companies (社区服务公司) in the property company registry. */
  communityServiceCompanies?: number;
  /** Service clusters (组团) of the adopted plan, the first ones named. */
  clusters?: { count: number; names: readonly string[] };
  /** Party branches in property companies and compounds, and party-building instructors (党建指导员). */
  propertyPartyBranches?: number;
  partyInstructors?: number;
  /** Owners' committees (业委会 / 业工委) and property management committees (物业管理委员会). */
  ownersCommittees?: number;
  propertyManagementCommittees?: number;
  /** Micro-grids inside compounds and their members; 红管家 teams. */
  microGrids?: number;
  microGridMembers?: number;
  redStewardTeams?: number;
  /** Compound party service stations, deliberation pavilions (议事亭) and neighbour spaces (邻里空间). */
  compoundStations?: number;
  pavilions?: number;
  neighbourSpaces?: number;
  /** Old compounds renovated (老旧小区改造, accepted). */
  renovatedCompounds?: number;
  /** Urban-management cases in compounds (城管进小区), closed, by what they removed or added. */
  cases?: {
    illegalStructures: number;
    illegalStructureAreaM2: number;
    rubbishTonnes: number;
    parkingSpaces: number;
    chargers: number;
  };
  /** Joint meetings (联席会议) held, by level. */
  jointMeetings?: { county: number; subdistrict: number; community: number };
}

/**
 * What the deliberation, meetings and resolutions demo seeders generate for a county (each reads its
 * part from the shared context's `profile`), so that its dashboard computes the published figures
 * from records.
 */
export interface DeliberationTargets {
  /** Council meetings held over the last 12 months, by council level. */
  meetings: { compound: number; community: number; subdistrict: number };
  /** Topics collected over the last 12 months (excluded ones included), of which resolved. */
  topicsCollected: number;
  topicsResolved: number;
  /** Hard disputes handled as red projects (红色项目) with judges and lawyers. */
  redProjects: number;
  /** Resolutions decided over the last 12 months, of which completed (the completion rate). */
  resolutions: number;
  resolutionsCompleted: number;
  /** Satisfaction survey answers on those resolutions, of which dissatisfied (the satisfaction rate). */
  surveyAnswers: number;
  dissatisfied: number;
  /** Supervision committees (one per compound, the anchor community's first) and their members. */
  committees: number;
  committeeMembers: number;
  /** Good ideas reported to the county (报送). */
  ideasReported: number;
  /** The county's own name for its compound stations (谯城区: 毫议站), added to its list of kinds. */
  stationKind?: { code: string; name: string };
}

/** 高密市: the full demo county. */
export const gaomiProfile: CountyProfile = {
  tenantId: '370785',
  seed: 370785,
  targets: {
    compounds: 225,
    compoundBranches: 219,
    buildings: 1718,
    buildingGroups: 1634,
    memberHouseholds: 5326,
    dualRegistrations: 75,
    oldCompounds: 186,
  },
  origin: { lat: 36.37, lng: 119.72 },
  anchorSubdistrict: '朝阳街道',
  unitPrefix: '市',
  // 416 compound meetings "一事一议", 309 demands collected and 185 small matters solved (its report).
  deliberation: {
    meetings: { compound: 416, community: 40, subdistrict: 12 },
    topicsCollected: 309,
    topicsResolved: 185,
    redProjects: 6,
    resolutions: 120,
    resolutionsCompleted: 112,
    surveyAnswers: 400,
    dissatisfied: 6,
    committees: 24,
    committeeMembers: 150,
    ideasReported: 3,
  },
  // 186 old compounds classified into four kinds (the split is not published: plausible), 10 cluster
  // projects (万顺城, 岭南花园 …), 24 community service companies.
  property: {
    compoundsByStatus: { well: 58, poor: 64, unmanaged: 41, self: 23 },
    communityServiceCompanies: 24,
    clusters: { count: 10, names: ['万顺城', '岭南花园'] },
  },
};

/**
 * 谯城区: the deliberation demo county. Its seed text: 毫议站 in 41 communities and 85 compounds, each
 * compound with its party branch; buildings and households are plausible, smaller than 高密市's.
 */
export const qiaochengProfile: CountyProfile = {
  tenantId: '341602',
  seed: 341602,
  targets: {
    compounds: 85,
    compoundBranches: 85,
    buildings: 425,
    buildingGroups: 400,
    memberHouseholds: 1300,
    dualRegistrations: 30,
    oldCompounds: 40,
  },
  communitiesWithCompounds: 41,
  origin: { lat: 33.82, lng: 115.74 },
  anchorSubdistrict: '花戏楼街道',
  unitPrefix: '区',
  // 168 meetings, 185 problems solved, completion 96.8 % (180 of 186), satisfaction 99.5 % (597 of
  // 600), 15 red projects, 85 supervision committees with 534 members, 4 suggestions to the district.
  deliberation: {
    meetings: { compound: 128, community: 32, subdistrict: 8 },
    topicsCollected: 212,
    topicsResolved: 185,
    redProjects: 15,
    resolutions: 186,
    resolutionsCompleted: 180,
    surveyAnswers: 600,
    dissatisfied: 3,
    committees: 85,
    committeeMembers: 534,
    ideasReported: 4,
    stationKind: { code: 'haoyi', name: '毫议站' },
  },
};

/**
 * 文山市: the property reform demo county. Its seed text: 3 streets and 32 communities with 583
 * compounds, 542 owners' work committees and 37 property management committees, 976 micro-grids, 54
 * renovated compounds, the urban-management figures and the joint meetings; buildings are small and old.
 */
export const wenshanProfile: CountyProfile = {
  tenantId: '532601',
  seed: 532601,
  targets: {
    compounds: 583,
    compoundBranches: 200,
    buildings: 1000,
    buildingGroups: 500,
    memberHouseholds: 1500,
    dualRegistrations: 40,
    oldCompounds: 300,
  },
  communitiesWithCompounds: 32,
  buildings: { minPerCompound: 1, floors: [3, 6], entrances: [1, 2] },
  origin: { lat: 23.35, lng: 104.22 },
  anchorSubdistrict: '开化街道',
  unitPrefix: '市',
  // Its report is about property reform; deliberation runs at a modest scale (plausible, not published).
  deliberation: {
    meetings: { compound: 60, community: 16, subdistrict: 3 },
    topicsCollected: 80,
    topicsResolved: 60,
    redProjects: 2,
    resolutions: 50,
    resolutionsCompleted: 46,
    surveyAnswers: 150,
    dissatisfied: 2,
    committees: 20,
    committeeMembers: 100,
    ideasReported: 1,
  },
  property: {
    ownersCommittees: 542,
    propertyManagementCommittees: 37,
    propertyPartyBranches: 249,
    partyInstructors: 108,
    microGrids: 976,
    microGridMembers: 3261,
    redStewardTeams: 76,
    compoundStations: 65,
    pavilions: 51,
    neighbourSpaces: 34,
    renovatedCompounds: 54,
    cases: { illegalStructures: 855, illegalStructureAreaM2: 90_000, rubbishTonnes: 1516.2, parkingSpaces: 6597, chargers: 630 },
    jointMeetings: { county: 7, subdistrict: 16, community: 97 },
  },
};

/** The 高密市 totals (kept for the tests and the README's figures). */
export const targets = gaomiProfile.targets;

export interface TerritoryRef {
  id: string;
  parentId: string | null;
  name: string;
  code: string;
  path: string;
  subkind: string | null;
}

export interface NodeRow {
  id: string;
  parentId: string;
  kind: 'compound' | 'building' | 'entrance' | 'household';
  subkind: string | null;
  name: string;
  path: string;
  depth: number;
  lat: number | null;
  lng: number | null;
  attrs: Record<string, unknown>;
  sortOrder: number;
  /** 建筑面积 (m²) of a household (the weight of its vote in owners' decisions); absent on other nodes. */
  floorArea?: number;
}

export interface ResidentRow {
  id: string;
  householdId: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  relation: '户主' | '配偶' | '子女' | '父母';
  phone: string;
  idNumber: string;
  tags: string[];
  isPartyMember: boolean;
}

export interface PartyOrgRow {
  id: string;
  parentId: string | null;
  kind: 'subdistrict_committee' | 'community_committee' | 'compound_branch' | 'building_group' | 'member_household';
  name: string;
  nodeId: string;
  path: string;
  secretaryId: string | null;
  establishedOn: string | null;
}

export interface DemoPlan {
  compounds: NodeRow[];
  buildings: NodeRow[];
  entrances: NodeRow[];
  households: NodeRow[];
  residents: ResidentRow[];
  partyOrgs: PartyOrgRow[];
  partyMembers: {
    id: string;
    residentId: string;
    partyOrgId: string;
    joinedOn: string;
    status: 'full' | 'probationary';
    inService: boolean;
  }[];
  nodeLeaders: { id: string; nodeId: string; residentId: string; role: 'building_leader' | 'entrance_leader'; since: string }[];
  grids: { id: string; communityId: string; parentId: string | null; level: 'grid' | 'micro_grid'; name: string; code: string }[];
  gridBuildings: { gridId: string; buildingId: string }[];
  gridMembers: {
    id: string;
    gridId: string;
    role: 'leader' | 'grid_worker' | 'building_leader' | 'party_member' | 'volunteer';
    residentId: string;
    name: string;
  }[];
  organisations: {
    id: string;
    kind:
      | 'property_company'
      | 'owners_committee'
      | 'property_management_committee'
      | 'government_unit'
      | 'school'
      | 'hospital'
      | 'red_steward_team';
    name: string;
    nodeId: string;
    stateOwned: boolean;
    contactName: string;
    phone: string;
    attrs: Record<string, unknown>;
  }[];
  propertyServices: { compoundId: string; organisationId: string; since: string }[];
  dualRegistrations: { id: string; communityId: string; organisationId: string; registeredOn: string; services: string }[];
  /** Where the demo accounts get their grants. */
  anchors: {
    subdistrict: TerritoryRef;
    community: TerritoryRef;
    gridId: string;
    propertyCompound: NodeRow;
    ownersCompound: NodeRow;
    household: NodeRow;
    resident: ResidentRow;
  };
}

const REFERENCE_YEAR = 2026;

interface BuildingInfo {
  node: NodeRow;
  compound: NodeRow;
  entrances: { node: NodeRow; households: { node: NodeRow; residents: ResidentRow[] }[] }[];
}

export function generateDemoPlan(
  input: { county: TerritoryRef; subdistricts: TerritoryRef[]; communities: TerritoryRef[] },
  profile: CountyProfile = gaomiProfile,
): DemoPlan {
  const { targets } = profile;
  const rng = new Random(profile.seed);
  const urban = input.communities
    .filter((c) => c.subkind === 'urban')
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, profile.communitiesWithCompounds);
  const people = new PeopleFactory(rng, profile.tenantId);

  // Compounds (225 in 高密市) spread over the urban communities, at least two each.
  const perCommunity = spread(rng, targets.compounds, urban.length, 2, 5);
  const compoundNames = uniqueCompoundNames(rng, targets.compounds);
  const compounds: NodeRow[] = [];
  const compoundCommunity = new Map<string, TerritoryRef>();
  urban.forEach((community, ci) => {
    const baseLat = profile.origin.lat + rng.next() * 0.06;
    const baseLng = profile.origin.lng + rng.next() * 0.07;
    for (let k = 0; k < (perCommunity[ci] as number); k++) {
      const id = newId();
      const old = compounds.length < targets.oldCompounds;
      const node: NodeRow = {
        id,
        parentId: community.id,
        kind: 'compound',
        subkind: null,
        name: compoundNames[compounds.length] as string,
        path: `${community.path}.${ltreeLabel(id)}`,
        depth: 3,
        lat: round6(baseLat + (rng.next() - 0.5) * 0.01),
        lng: round6(baseLng + (rng.next() - 0.5) * 0.01),
        attrs: { builtYear: old ? rng.int(1985, 2000) : rng.int(2001, 2020), oldCompound: old },
        sortOrder: k + 1,
      };
      compounds.push(node);
      compoundCommunity.set(id, community);
    }
  });
  // Old compounds (老旧小区) are the first 186 generated; shuffle which communities hold them.
  const oldFlags = rng.sample(
    compounds.map((c) => c.attrs.oldCompound as boolean),
    compounds.length,
  );
  compounds.forEach((c, i) => {
    c.attrs.oldCompound = oldFlags[i];
    if (!oldFlags[i] && (c.attrs.builtYear as number) <= 2000) c.attrs.builtYear = rng.int(2001, 2020);
    if (oldFlags[i] && (c.attrs.builtYear as number) > 2000) c.attrs.builtYear = rng.int(1985, 2000);
  });
  const branchless = new Set(rng.sample(compounds, targets.compounds - targets.compoundBranches).map((c) => c.id));

  // Buildings, entrances, households, residents.
  const shape = profile.buildings ?? { minPerCompound: 3, floors: [4, 7] as const, entrances: [2, 4] as const };
  const perCompound = spread(rng, targets.buildings, compounds.length, shape.minPerCompound, 12);
  const buildings: NodeRow[] = [];
  const entrances: NodeRow[] = [];
  const households: NodeRow[] = [];
  const residents: ResidentRow[] = [];
  const infos: BuildingInfo[] = [];
  compounds.forEach((compound, ci) => {
    const old = compound.attrs.oldCompound as boolean;
    for (let b = 1; b <= (perCompound[ci] as number); b++) {
      const highRise = !old && rng.chance(0.35);
      const floors = highRise ? rng.int(11, 18) : rng.int(shape.floors[0], shape.floors[1]);
      const entranceCount = highRise ? 2 : rng.int(shape.entrances[0], shape.entrances[1]);
      const doors = 2;
      const id = newId();
      const building: NodeRow = {
        id,
        parentId: compound.id,
        kind: 'building',
        subkind: highRise ? 'high_rise' : 'walk_up',
        name: `${b}号楼`,
        path: `${compound.path}.${ltreeLabel(id)}`,
        depth: 4,
        lat: round6((compound.lat as number) + (rng.next() - 0.5) * 0.002),
        lng: round6((compound.lng as number) + (rng.next() - 0.5) * 0.002),
        attrs: { floors, doorsPerFloor: doors, entrances: entranceCount },
        sortOrder: b,
      };
      buildings.push(building);
      const info: BuildingInfo = { node: building, compound, entrances: [] };
      for (let e = 1; e <= entranceCount; e++) {
        const eid = newId();
        const entrance: NodeRow = {
          id: eid,
          parentId: id,
          kind: 'entrance',
          subkind: null,
          name: `${e}单元`,
          path: `${building.path}.${ltreeLabel(eid)}`,
          depth: 5,
          lat: null,
          lng: null,
          attrs: {},
          sortOrder: e,
        };
        entrances.push(entrance);
        const entranceInfo: BuildingInfo['entrances'][number] = { node: entrance, households: [] };
        for (let f = 1; f <= floors; f++) {
          for (let d = 1; d <= doors; d++) {
            const hid = newId();
            const room = `${f}${String(d).padStart(2, '0')}`;
            const household: NodeRow = {
              id: hid,
              parentId: eid,
              kind: 'household',
              subkind: null,
              name: `${b}-${e}-${room}`,
              path: `${entrance.path}.${ltreeLabel(hid)}`,
              depth: 6,
              lat: null,
              lng: null,
              attrs: { floor: f, room },
              floorArea: demoFloorArea(b, f, d),
              sortOrder: f * 100 + d,
            };
            households.push(household);
            const members = people.household(hid);
            residents.push(...members);
            entranceInfo.households.push({ node: household, residents: members });
          }
        }
        info.entrances.push(entranceInfo);
      }
      infos.push(info);
    }
  });

  // Party organisation tree.
  const partyOrgs: PartyOrgRow[] = [];
  const partyMembers: DemoPlan['partyMembers'] = [];
  const org = (kind: PartyOrgRow['kind'], name: string, nodeId: string, parent: PartyOrgRow | null, secretaryId: string | null) => {
    const id = newId();
    const row: PartyOrgRow = {
      id,
      parentId: parent?.id ?? null,
      kind,
      name,
      nodeId,
      path: parent ? `${parent.path}.${ltreeLabel(id)}` : ltreeLabel(id),
      secretaryId,
      establishedOn: `${rng.int(2015, 2024)}-${pad2(rng.int(1, 12))}-01`,
    };
    partyOrgs.push(row);
    return row;
  };
  const subdistrictOrg = new Map<string, PartyOrgRow>();
  for (const s of input.subdistricts) {
    const name = s.subkind === 'street' ? `中共${input.county.name}${s.name}工作委员会` : `中共${input.county.name}${s.name}委员会`;
    subdistrictOrg.set(s.id, org('subdistrict_committee', name, s.id, null, null));
  }
  const communityOrg = new Map<string, PartyOrgRow>();
  for (const c of input.communities) {
    const parent = subdistrictOrg.get(c.parentId as string) as PartyOrgRow;
    const name = c.subkind === 'urban' ? `中共${c.name}委员会` : `中共${c.name.replace(/(村民委员会|村委会)$/, '')}支部委员会`;
    communityOrg.set(c.id, org('community_committee', name, c.id, parent, null));
  }
  const compoundOrg = new Map<string, PartyOrgRow>();
  for (const c of compounds) {
    if (branchless.has(c.id)) continue;
    compoundOrg.set(c.id, org('compound_branch', `${c.name}党支部`, c.id, communityOrg.get(c.parentId) as PartyOrgRow, null));
  }
  const groupBuildings = new Set(
    rng
      .sample(
        infos.filter((i) => compoundOrg.has(i.compound.id)),
        targets.buildingGroups,
      )
      .map((i) => i.node.id),
  );
  const groupInfos = infos.filter((i) => groupBuildings.has(i.node.id));
  const memberHouseholdsPerGroup = spread(rng, targets.memberHouseholds, groupInfos.length, 3, 1);
  const partyMemberIds = new Set<string>();
  const joinParty = (r: ResidentRow, orgRow: PartyOrgRow) => {
    partyMemberIds.add(r.id);
    r.isPartyMember = true;
    r.tags.push('党员');
    const joinedYear = Math.min(REFERENCE_YEAR - 1, Number(r.birthDate.slice(0, 4)) + rng.int(20, 40));
    const probationary = joinedYear >= REFERENCE_YEAR - 1 && rng.chance(0.5);
    partyMembers.push({
      id: newId(),
      residentId: r.id,
      partyOrgId: orgRow.id,
      joinedOn: `${joinedYear}-07-01`,
      status: probationary ? 'probationary' : 'full',
      inService: ageOf(r) < 60 && rng.chance(0.6),
    });
  };
  const nodeLeaders: DemoPlan['nodeLeaders'] = [];
  const leader = (nodeId: string, r: ResidentRow, role: 'building_leader' | 'entrance_leader') =>
    nodeLeaders.push({ id: newId(), nodeId, residentId: r.id, role, since: `${rng.int(2018, 2025)}-01-01` });
  const buildingLeader = new Map<string, ResidentRow>();

  groupInfos.forEach((info, gi) => {
    const branch = compoundOrg.get(info.compound.id) as PartyOrgRow;
    // Member households are spread over the entrances (one each first), so most entrance leaders are members.
    const want = memberHouseholdsPerGroup[gi] as number;
    const chosen: { entrance: number; household: BuildingInfo['entrances'][number]['households'][number]; member: ResidentRow }[] = [];
    const pools = info.entrances.map((e) => rng.sample(e.households, e.households.length));
    for (let round = 0; chosen.length < want && round < 100; round++) {
      for (let e = 0; e < pools.length && chosen.length < want; e++) {
        const h = pools[e]?.[round];
        if (!h) continue;
        const member = h.residents.find((r) => ageOf(r) >= 22 && ageOf(r) <= 78 && !partyMemberIds.has(r.id));
        if (member) chosen.push({ entrance: e, household: h, member });
      }
    }
    const group = org('building_group', `${info.node.name}党小组`, info.node.id, branch, null);
    for (const c of chosen) {
      joinParty(c.member, branch);
      org('member_household', `${c.household.node.name}党员中心户`, c.household.node.id, group, c.member.id);
    }
    const first = chosen[0]?.member;
    if (first) {
      group.secretaryId = first.id;
      if (!branch.secretaryId) branch.secretaryId = first.id;
      leader(info.node.id, first, 'building_leader');
      buildingLeader.set(info.node.id, first);
    }
    info.entrances.forEach((e, ei) => {
      const member = chosen.find((c) => c.entrance === ei)?.member ?? adultIn(rng, e.households);
      if (member) leader(e.node.id, member, 'entrance_leader');
    });
  });
  for (const info of infos) {
    if (groupBuildings.has(info.node.id)) continue;
    const someone = adultIn(
      rng,
      info.entrances.flatMap((e) => e.households),
    );
    if (someone) {
      leader(info.node.id, someone, 'building_leader');
      buildingLeader.set(info.node.id, someone);
    }
    for (const e of info.entrances) {
      const r = adultIn(rng, e.households);
      if (r) leader(e.node.id, r, 'entrance_leader');
    }
  }
  // Other party members (about 6 % of adults) belong to their compound's branch, or to the
  // community committee where the compound has none.
  const householdCompound = new Map<string, NodeRow>();
  for (const info of infos) for (const e of info.entrances) for (const h of e.households) householdCompound.set(h.node.id, info.compound);
  for (const r of residents) {
    if (partyMemberIds.has(r.id) || ageOf(r) < 20 || !rng.chance(0.06)) continue;
    const compound = householdCompound.get(r.householdId) as NodeRow;
    joinParty(r, compoundOrg.get(compound.id) ?? (communityOrg.get(compound.parentId) as PartyOrgRow));
  }

  // Grids: 2–4 per urban community over its compounds, one micro-grid per compound.
  const grids: DemoPlan['grids'] = [];
  const gridBuildings: DemoPlan['gridBuildings'] = [];
  const gridMembers: DemoPlan['gridMembers'] = [];
  const infosByCompound = groupBy(infos, (i) => i.compound.id);
  const compoundsByCommunity = groupBy(compounds, (c) => c.parentId);
  const member = (gridId: string, role: DemoPlan['gridMembers'][number]['role'], r: ResidentRow | undefined) => {
    if (r) gridMembers.push({ id: newId(), gridId, role, residentId: r.id, name: r.name });
  };
  // A county profile may count its micro-grids and their members (文山市: 976 with 3,261): compounds of
  // several buildings then get one micro-grid per building (or group of buildings) until the count is
  // met, and each micro-grid a leader, a party member and a volunteer, with building leaders added until
  // the members are met. Without, one micro-grid per compound with up to six members.
  const microTarget = profile.property?.microGrids;
  const microCount = new Map<string, number>();
  if (microTarget !== undefined) {
    let extra = microTarget - compounds.length;
    if (extra < 0 || extra > buildings.length - compounds.length) {
      throw new Error(`cannot make ${microTarget} micro-grids from ${compounds.length} compounds and ${buildings.length} buildings`);
    }
    for (const c of compounds) {
      const n = infosByCompound.get(c.id)?.length ?? 1;
      const more = Math.min(n - 1, extra);
      microCount.set(c.id, 1 + more);
      extra -= more;
    }
  }
  const memberTarget = profile.property?.microGridMembers;
  let extraMembers = memberTarget !== undefined && microTarget !== undefined ? memberTarget - 3 * microTarget : 0;
  for (const community of urban) {
    const cs = compoundsByCommunity.get(community.id) ?? [];
    const gridCount = Math.min(cs.length, rng.int(2, 4));
    const split = spread(rng, cs.length, gridCount, 1, 1);
    let offset = 0;
    for (let g = 0; g < gridCount; g++) {
      const mine = cs.slice(offset, offset + (split[g] as number));
      offset += split[g] as number;
      const gridId = newId();
      const gridCode = `${community.code}${pad2(g + 1)}`;
      grids.push({
        id: gridId,
        communityId: community.id,
        parentId: null,
        level: 'grid',
        name: `第${chineseNumber(g + 1)}网格`,
        code: gridCode,
      });
      const gridResidents = mine.flatMap((c) => (infosByCompound.get(c.id) ?? []).flatMap(residentsOf)).filter((r) => ageOf(r) >= 25);
      // 1 + N: a community cadre leads, with a grid worker, building leaders, party members and a volunteer.
      member(gridId, 'leader', rng.pick(gridResidents.filter((r) => r.isPartyMember).concat(gridResidents)));
      member(gridId, 'grid_worker', rng.pick(gridResidents));
      let microNo = 0;
      mine.forEach((c, mi) => {
        const cInfos = infosByCompound.get(c.id) ?? [];
        for (const info of cInfos) gridBuildings.push({ gridId, buildingId: info.node.id });
        const parts = microCount.get(c.id) ?? 1;
        // (No random draw for a compound of one micro-grid: the other counties' demo stays as it was.)
        const sizes = parts === 1 ? [cInfos.length] : spread(rng, cInfos.length, parts, 1, 0);
        let from = 0;
        for (let part = 0; part < parts; part++) {
          const partInfos = cInfos.slice(from, from + (sizes[part] as number));
          from += sizes[part] as number;
          const microId = newId();
          microNo++;
          grids.push({
            id: microId,
            communityId: community.id,
            parentId: gridId,
            level: 'micro_grid',
            name: parts === 1 ? `${c.name}微网格` : `${c.name}第${chineseNumber(part + 1)}微网格`,
            code: `${gridCode}${pad2(microNo)}`,
          });
          for (const info of partInfos) gridBuildings.push({ gridId: microId, buildingId: info.node.id });
          const leaders = partInfos.map((i) => buildingLeader.get(i.node.id)).filter((r): r is ResidentRow => !!r);
          const partResidents = partInfos.flatMap(residentsOf).filter((r) => ageOf(r) >= 18 && ageOf(r) < 75);
          if (memberTarget === undefined || microTarget === undefined) {
            member(microId, 'leader', leaders[0]);
            for (const l of leaders.slice(1, 4)) member(microId, 'building_leader', l);
            member(microId, 'party_member', rng.pick(partResidents.filter((r) => r.isPartyMember).concat(partResidents)));
            member(microId, 'volunteer', rng.pick(partResidents));
          } else {
            // Exactly three, then building leaders (or neighbours) while the county's total asks for more.
            const pool = rng.sample(partResidents, partResidents.length);
            const first = leaders[0] ?? pool[0];
            const others = pool.filter((r) => r.id !== first?.id);
            const party = others.find((r) => r.isPartyMember) ?? others[0];
            const rest = others.filter((r) => r.id !== party?.id);
            gridMembers.push(
              ...[
                { role: 'leader' as const, r: first },
                { role: 'party_member' as const, r: party },
                { role: 'volunteer' as const, r: rest[0] },
              ].map(({ role, r }) => {
                if (!r) throw new Error(`micro-grid of ${c.name} has too few residents for its members`);
                return { id: newId(), gridId: microId, role, residentId: r.id, name: r.name };
              }),
            );
            for (const r of rest.slice(1, 3)) {
              if (extraMembers <= 0) break;
              member(microId, 'building_leader', r);
              extraMembers--;
            }
          }
        }
        if (mi < 2)
          member(
            gridId,
            'building_leader',
            cInfos.map((i) => buildingLeader.get(i.node.id)).find((r) => !!r),
          );
      });
      member(gridId, 'party_member', rng.pick(gridResidents.filter((r) => r.isPartyMember).concat(gridResidents)));
      member(gridId, 'volunteer', rng.pick(gridResidents));
    }
  }

  // Organisations: property companies (a few state-owned), owners' committees or interim
  // property management committees per compound, and the 75 dual-registration units.
  const organisations: DemoPlan['organisations'] = [];
  const organisation = (o: Omit<DemoPlan['organisations'][number], 'id' | 'contactName' | 'phone'>) => {
    const row = { id: newId(), contactName: people.personName(rng.chance(0.5) ? 'male' : 'female'), phone: people.phone(), ...o };
    organisations.push(row);
    return row;
  };
  const stateOwned = stateOwnedPropertyCompanies.map((name) =>
    organisation({ kind: 'property_company', name: `${input.county.name}${name}`, nodeId: input.county.id, stateOwned: true, attrs: {} }),
  );
  const market = propertyCompanyWords.map((w) =>
    organisation({
      kind: 'property_company',
      name: `${input.county.name}${w}物业服务有限公司`,
      nodeId: input.county.id,
      stateOwned: false,
      attrs: {},
    }),
  );
  const propertyServices: DemoPlan['propertyServices'] = [];
  for (const c of compounds) {
    const roll = rng.next();
    // 管得好 / 管不好 / 无人管 / 自己管; after the reform state-owned companies serve the formerly unmanaged ones.
    const status = roll < 0.62 ? 'well_managed' : roll < 0.8 ? 'poorly_managed' : roll < 0.9 ? 'unmanaged' : 'self_managed';
    c.attrs.managementStatus = status;
    if (status === 'self_managed') continue;
    const company =
      status === 'well_managed' ? rng.pick(market) : status === 'unmanaged' ? rng.pick(stateOwned) : rng.pick([...market, ...stateOwned]);
    propertyServices.push({ compoundId: c.id, organisationId: company.id, since: `${rng.int(2012, 2025)}-01-01` });
  }
  // Owners' committees in about 82 % of the compounds (not the unmanaged ones), interim property
  // management committees in the others — or as many of each as the county's profile counts.
  const owned = profile.property?.ownersCommittees;
  const interim = profile.property?.propertyManagementCommittees;
  const ownersCompounds = new Set(
    rng
      .sample(
        owned === undefined ? compounds.filter((c) => c.attrs.managementStatus !== 'unmanaged') : compounds,
        owned ?? Math.round(compounds.length * 0.82),
      )
      .map((c) => c.id),
  );
  const others = compounds.filter((c) => !ownersCompounds.has(c.id));
  const interimCompounds = new Set((interim === undefined ? others : rng.sample(others, interim)).map((c) => c.id));
  for (const c of compounds) {
    const owners = ownersCompounds.has(c.id);
    if (!owners && !interimCompounds.has(c.id)) continue;
    organisation({
      kind: owners ? 'owners_committee' : 'property_management_committee',
      name: owners ? `${c.name}业主委员会` : `${c.name}物业管理委员会`,
      nodeId: c.id,
      stateOwned: false,
      attrs: owners ? { partyMemberShare: round6(0.5 + rng.next() * 0.3) } : { interim: true },
    });
  }
  // 红管家: resident teams led by party members that help run a compound (文山市: 76).
  for (const c of profile.property?.redStewardTeams ? rng.sample(compounds, profile.property.redStewardTeams) : []) {
    organisation({ kind: 'red_steward_team', name: `${c.name}红管家服务队`, nodeId: c.id, stateOwned: false, attrs: {} });
  }
  const dualRegistrations: DemoPlan['dualRegistrations'] = [];
  for (const unit of dualRegistrationUnits.slice(0, targets.dualRegistrations)) {
    const name = profile.unitPrefix === '市' ? unit.name : unit.name.replace(/^市/, '区').replace('团市委', '团区委');
    const o = organisation({ kind: unit.kind, name, nodeId: input.county.id, stateOwned: false, attrs: {} });
    dualRegistrations.push({
      id: newId(),
      communityId: rng.pick(urban).id,
      organisationId: o.id,
      registeredOn: `${rng.int(2021, 2025)}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`,
      services: rng.sample(dualRegistrationServices, 2).join('、'),
    });
  }

  // Anchors for the demo accounts: the profile's street (or the first street) and its first community with compounds.
  const subdistrict =
    input.subdistricts.find((s) => s.name === profile.anchorSubdistrict) ??
    (input.subdistricts.find((s) => s.subkind === 'street') as TerritoryRef);
  const community = urban.find((c) => c.parentId === subdistrict.id && compoundsByCommunity.has(c.id)) as TerritoryRef;
  const myCompounds = compoundsByCommunity.get(community.id) as NodeRow[];
  const servedIds = new Set(propertyServices.map((p) => p.compoundId));
  const propertyCompound = myCompounds.find((c) => servedIds.has(c.id)) ?? (myCompounds[0] as NodeRow);
  const ownersCompound = myCompounds.find((c) => ownersCompounds.has(c.id)) ?? (myCompounds[0] as NodeRow);
  const firstInfo = infosByCompound.get(myCompounds[0]?.id as string)?.[0] as BuildingInfo;
  const home = firstInfo.entrances[0]?.households.find(
    (h) => h.residents.length >= 2,
  ) as BuildingInfo['entrances'][number]['households'][number];
  const gridId = grids.find((g) => g.communityId === community.id && g.level === 'grid')?.id as string;

  return {
    compounds,
    buildings,
    entrances,
    households,
    residents,
    partyOrgs,
    partyMembers,
    nodeLeaders,
    grids,
    gridBuildings,
    gridMembers,
    organisations,
    propertyServices,
    dualRegistrations,
    anchors: {
      subdistrict,
      community,
      gridId,
      propertyCompound,
      ownersCompound,
      household: home.node,
      resident: home.residents[0] as ResidentRow,
    },
  };
}

/** Residents with names, ages, relations, tags and contact data of one household. */
class PeopleFactory {
  readonly #rng: Random;
  readonly #phones = new Set<string>();
  readonly #idNumbers = new Set<string>();
  /** The county's division code, the region part of its residents' ID numbers. */
  readonly #region: string;

  constructor(rng: Random, region: string) {
    this.#rng = rng;
    this.#region = region;
  }

  household(householdId: string): ResidentRow[] {
    const rng = this.#rng;
    // About 6 % of dwellings hold one elderly person living alone (独居); the rest hold 2–4 people.
    if (rng.chance(0.06)) {
      const r = this.person(householdId, '户主', rng.chance(0.6) ? 'female' : 'male', rng.int(68, 94), this.surname());
      r.tags.push('独居');
      return this.finish([r]);
    }
    const size = rng.pick([2, 2, 3, 3, 3, 4, 4]);
    const headAge = rng.int(26, 82);
    const headGender = rng.chance(0.7) ? 'male' : 'female';
    const familyName = this.surname();
    const head = this.person(householdId, '户主', headGender, headAge, headGender === 'male' ? familyName : this.surname());
    const spouseGender = headGender === 'male' ? 'female' : 'male';
    const members = [
      head,
      this.person(
        householdId,
        '配偶',
        spouseGender,
        clamp(headAge + rng.int(-4, 4), 22, 95),
        spouseGender === 'male' ? familyName : this.surname(),
      ),
    ];
    while (members.length < size) {
      const childAge = headAge - rng.int(24, 34);
      if (headAge < 58 && (childAge < 0 || rng.chance(0.3))) {
        const parentAge = headAge + rng.int(24, 30);
        if (parentAge <= 95 && !members.some((m) => m.relation === '父母' && m.gender === 'male')) {
          members.push(this.person(householdId, '父母', 'male', parentAge, familyName));
          continue;
        }
        members.push(this.person(householdId, '父母', 'female', Math.min(parentAge, 95), this.surname()));
        continue;
      }
      members.push(this.person(householdId, '子女', rng.chance(0.5) ? 'male' : 'female', Math.max(childAge, rng.int(0, 12)), familyName));
    }
    if (rng.chance(0.02)) head.tags.push('低保');
    return this.finish(members);
  }

  personName(gender: 'male' | 'female'): string {
    return this.surname() + this.given(gender);
  }

  /** Clearly synthetic but well-formed mobile numbers: 1[3-9]x 0000 xxxx, each used once. */
  phone(): string {
    for (;;) {
      const p = `1${this.#rng.int(3, 9)}${this.#rng.int(0, 9)}0000${String(this.#rng.int(0, 9999)).padStart(4, '0')}`;
      if (!this.#phones.has(p)) {
        this.#phones.add(p);
        return p;
      }
    }
  }

  private surname(): string {
    return this.#rng.pick(surnames);
  }

  private given(gender: 'male' | 'female'): string {
    const chars = gender === 'male' ? maleGivenChars : femaleGivenChars;
    return this.#rng.chance(0.3) ? this.#rng.pick(chars) : this.#rng.pick(chars) + this.#rng.pick(chars);
  }

  private person(
    householdId: string,
    relation: ResidentRow['relation'],
    gender: 'male' | 'female',
    age: number,
    surname: string,
  ): ResidentRow {
    const rng = this.#rng;
    const birthDate = `${REFERENCE_YEAR - 1 - age}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
    let idNumber: string;
    do idNumber = syntheticIdNumber(this.#region, birthDate, rng.int(0, 499), gender);
    while (this.#idNumbers.has(idNumber));
    this.#idNumbers.add(idNumber);
    const tags: string[] = [];
    if (age >= 80) tags.push('高龄');
    if (rng.chance(age >= 60 ? 0.04 : 0.015)) tags.push('残疾');
    return {
      id: newId(),
      householdId,
      name: surname + this.given(gender),
      gender,
      birthDate,
      relation,
      phone: '',
      idNumber,
      tags,
      isPartyMember: false,
    };
  }

  /** Adults and teenagers have their own phone; young children are reached on the head's. */
  private finish(members: ResidentRow[]): ResidentRow[] {
    const head = members[0] as ResidentRow;
    head.phone = this.phone();
    for (const m of members.slice(1)) m.phone = ageOf(m) >= 14 ? this.phone() : head.phone;
    if (head.tags.includes('低保')) for (const m of members.slice(1)) m.tags.push('低保');
    return members;
  }
}

/** n split into k parts of at least min, around base each, summing exactly to n. */
function spread(rng: Random, n: number, k: number, min: number, jitter: number): number[] {
  const parts = Array.from({ length: k }, () => min);
  let left = n - min * k;
  if (left < 0) throw new Error(`cannot split ${n} into ${k} parts of at least ${min}`);
  // Random weights give uneven but bounded sizes; leftovers go one by one.
  const weights = parts.map(() => 1 + rng.next() * jitter);
  const total = weights.reduce((a, b) => a + b, 0);
  parts.forEach((_, i) => {
    const extra = Math.floor((left * (weights[i] as number)) / total);
    parts[i] = (parts[i] as number) + extra;
  });
  left = n - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % k, left--) parts[i] = (parts[i] as number) + 1;
  return parts;
}

function uniqueCompoundNames(rng: Random, n: number): string[] {
  const names = new Set<string>(seedCompoundNames);
  while (names.size < n) names.add(rng.pick(compoundPrefixes) + rng.pick(compoundSuffixes));
  return rng.sample([...names], n);
}

function residentsOf(info: BuildingInfo): ResidentRow[] {
  return info.entrances.flatMap((e) => e.households.flatMap((h) => h.residents));
}

function adultIn(rng: Random, households: { residents: ResidentRow[] }[]): ResidentRow | undefined {
  const adults = households.flatMap((h) => h.residents).filter((r) => ageOf(r) >= 25 && ageOf(r) <= 75);
  return adults.length ? rng.pick(adults) : undefined;
}

export function ageOf(r: { birthDate: string }): number {
  return REFERENCE_YEAR - 1 - Number(r.birthDate.slice(0, 4));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function chineseNumber(n: number): string {
  return ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n] ?? String(n);
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/**
 * A plausible 建筑面积 (m²) of a demo household from its building, floor and door: the two doors of a
 * floor differ, buildings of a compound differ a little, top floors are larger. No random draw, so
 * the rest of the generated county stays what it was.
 */
export function demoFloorArea(building: number, floor: number, door: number): number {
  const base = door % 2 === 1 ? 89.56 : 118.32;
  return Math.round((base + (building % 6) * 3.15 + (floor >= 6 ? 12.4 : 0)) * 100) / 100;
}
