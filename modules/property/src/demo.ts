import { type DemoSeedContext, newId, SeededRandom } from '@linli/core';
import { type Db, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { type CompanyKind, computeStatus, creditCodeFrom, defaultCriteria, type ManagementStatus, type ServiceMode } from './vocabulary.ts';

/** The part of the county's demo profile this seeder reads (`PropertyTargets` in @linli/demo). */
interface PropertyTargets {
  compoundsByStatus?: { well: number; poor: number; unmanaged: number; self: number };
  communityServiceCompanies?: number;
  /** Party branches in property companies and compounds: the companies beyond the compound branches name their party organisation. */
  propertyPartyBranches?: number;
  /** Party-building instructors (党建指导员) serving: the companies' ones, and the rest in compounds with a branch. */
  partyInstructors?: number;
}

interface CompoundRow {
  id: string;
  name: string;
  communityId: string;
  communityName: string;
  households: number;
}

interface Company {
  id: string;
  communityId: string;
  name: string;
  kind: CompanyKind;
}

interface Plan {
  compound: CompoundRow;
  status: ManagementStatus;
  company: Company | null;
  fee: number;
  rate: number | null;
  satisfaction: number | null;
  mode: ServiceMode | null;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '胡', '郭', '林', '高'];
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '海燕',
  '国庆',
  '红梅',
  '文斌',
  '玉兰',
  '建军',
  '晓东',
  '春燕',
  '德胜',
  '桂芝',
  '立新',
  '金凤',
];
const MARKET_NAMES = [
  '鸿泰',
  '金鼎',
  '嘉和',
  '恒信',
  '安居',
  '宏达',
  '瑞丰',
  '华美',
  '康泰',
  '顺发',
  '汇通',
  '锦程',
  '益民',
  '和顺',
  '新城',
  '万家',
];
const AREA_CODES: Record<string, string> = { '370785': '0536', '532601': '0876', '341602': '0558' };

/**
 * Demo data of property reform. With the county's targets (`profile.property.compoundsByStatus`,
 * 高密市), every old compound (territory attrs.oldCompound) gets a profile, and companies and
 * contracts with collection rates are made such that the statuses computed by the county's default
 * criteria give exactly the targets; `communityServiceCompanies` community service companies are
 * registered, with state-owned, market and a few self-managed ones. Without targets, a handful of
 * worked examples in the demo community (one compound per status). Bulk inserts, one transaction.
 */
export async function seedPropertyDemo(ctx: DemoSeedContext): Promise<void> {
  const T = ctx.tenantId;
  const targets = (ctx.shared.profile as { property?: PropertyTargets } | undefined)?.property;
  const plan = ctx.shared.plan as { anchors?: { community?: { id: string } } } | undefined;
  const rng = new SeededRandom(Number(T) || 14);
  const db = ctx.database.db;
  const byStatus = targets?.compoundsByStatus;
  const compounds = byStatus
    ? await compoundRows(db, T, sql`n.attrs->>'oldCompound' = 'true'`)
    : plan?.anchors?.community?.id
      ? await compoundRows(db, T, sql`n.parent_id = ${plan.anchors.community.id}::uuid`, 4)
      : [];
  if (compounds.length === 0) return;
  const statuses: ManagementStatus[] = byStatus
    ? shuffled(rng, [
        ...Array<ManagementStatus>(byStatus.well).fill('well'),
        ...Array<ManagementStatus>(byStatus.poor).fill('poor'),
        ...Array<ManagementStatus>(byStatus.unmanaged).fill('unmanaged'),
        ...Array<ManagementStatus>(byStatus.self).fill('self'),
      ])
    : (['well', 'poor', 'unmanaged', 'self'] as const).slice(0, compounds.length);
  if (statuses.length !== compounds.length) {
    throw new RangeError(`property demo: ${compounds.length} old compounds, but the targets classify ${statuses.length}`);
  }

  const county = (
    await rows<{ name: string }>(db, sql`SELECT name FROM ${territorySql.nodes('n')} WHERE n.tenant_id = ${T} AND n.kind = 'county'`)
  )[0];
  const countyName = county?.name ?? '';
  const communities = [...new Map(compounds.map((c) => [c.communityId, c.communityName])).entries()];
  const companies: Company[] = [];
  const company = (communityId: string, name: string, kind: CompanyKind): Company => {
    const c = { id: newId(), communityId, name, kind };
    companies.push(c);
    return c;
  };
  // 社区服务公司: one per community (the targets' count, round the communities when there are more).
  const serviceCount = targets?.communityServiceCompanies ?? (byStatus ? communities.length : 1);
  const serviceOf = new Map<string, Company>();
  for (let i = 0; i < serviceCount; i++) {
    const [communityId, communityName] = communities[i % communities.length] as [string, string];
    const round = Math.floor(i / communities.length);
    const made = company(communityId, `${communityName}${round ? `第${round + 1}` : ''}服务有限公司`, 'community_service');
    if (!serviceOf.has(communityId)) serviceOf.set(communityId, made);
  }
  const anchor = (communities[0] as [string, string])[0];
  const stateOwned = (
    byStatus ? ['城市运营集团物业有限公司', '城投物业服务有限公司', '国有资产物业管理有限公司'] : ['城投物业服务有限公司']
  ).map((n) => company(anchor, `${countyName}${n}`, 'state_owned'));
  const market = MARKET_NAMES.slice(0, byStatus ? 12 : 1).map((n, i) =>
    company((communities[(i * 3) % communities.length] as [string, string])[0], `${countyName}${n}物业服务有限公司`, 'market'),
  );

  const plans: Plan[] = compounds.map((compound, i) => {
    const status = statuses[i] as ManagementStatus;
    const own = serviceOf.get(compound.communityId);
    if (status === 'unmanaged') {
      return {
        compound,
        status,
        company: null,
        fee: 0,
        rate: null,
        satisfaction: null,
        mode: rng.chance(0.6) ? 'community_state_owned' : null,
      };
    }
    if (status === 'self')
      return {
        compound,
        status,
        company: null,
        fee: round2(rng.int(0, 30) / 100),
        rate: rng.int(60, 95) / 100,
        satisfaction: null,
        mode: 'self_managed',
      };
    const draw = rng.next();
    const picked: Company = own && draw < 0.35 ? own : draw < 0.6 ? rng.pick(stateOwned) : rng.pick(market);
    const fee =
      picked.kind === 'market' ? rng.int(60, 120) / 100 : picked.kind === 'state_owned' ? rng.int(50, 90) / 100 : rng.int(30, 60) / 100;
    const well = status === 'well';
    const mode: ServiceMode =
      picked.kind === 'community_service'
        ? 'community_state_owned'
        : picked.kind === 'state_owned'
          ? well
            ? 'market_state_owned'
            : 'state_owned_takeover'
          : well || rng.chance(0.5)
            ? 'market'
            : 'market_state_owned';
    return {
      compound,
      status,
      company: picked,
      fee,
      rate: well ? rng.int(82, 98) / 100 : rng.int(40, 76) / 100,
      satisfaction: well ? rng.int(86, 98) / 100 : rng.int(55, 85) / 100,
      mode,
    };
  });
  // 自管: a few self-managed committees, each keeping the self-managed compounds of its turn.
  const selfPlans = plans.filter((p) => p.status === 'self');
  const selfCompanies = selfPlans
    .slice(0, byStatus ? 6 : 1)
    .map((p) => company(p.compound.communityId, `${p.compound.name}业主自管委员会`, 'self_managed'));
  selfPlans.forEach((p, i) => {
    p.company = selfCompanies[i % selfCompanies.length] as Company;
  });
  for (const p of plans) {
    const computed = computeStatus(
      { hasContract: p.company !== null, companyKind: p.company?.kind ?? null, collectionRate: p.rate, satisfaction: p.satisfaction },
      defaultCriteria,
    );
    if (computed !== p.status) throw new Error(`property demo: ${p.compound.name} computes as ${computed}, planned ${p.status}`);
  }

  const partyOrgs = new Map(
    (
      await rows<{ nodeId: string; id: string }>(
        db,
        sql`SELECT DISTINCT ON (node_id) node_id::text AS "nodeId", id::text AS id FROM party_org
            WHERE tenant_id = ${T} AND kind = 'community_committee' ORDER BY node_id, name`,
      )
    ).map((r) => [r.nodeId, r.id]),
  );
  const person = () => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
  const areaCode = AREA_CODES[T] ?? '0558';
  const contracts: { id: string; plan: Plan; startsOn: string; endsOn: string }[] = plans
    .filter((p) => p.company)
    .map((p) => {
      const year = rng.int(2021, 2025);
      return { id: newId(), plan: p, startsOn: `${year}-01-01`, endsOn: `${year + 3}-12-31` };
    });
  const contractOf = new Map(contracts.map((k) => [k.plan.compound.id, k.id]));

  await db.transaction(async (tx) => {
    await insertMany(
      tx,
      sql`INSERT INTO property_company (tenant_id, id, community_id, name, kind, credit_code, service_phone, party_org_id, instructor_name) VALUES `,
      companies.map(
        (c, i) => sql`(${T}, ${c.id}, ${c.communityId}, ${c.name}, ${c.kind},
          ${creditCodeFrom(`91${T.padEnd(6, '0').slice(0, 6)}MA${String(i + 1).padStart(7, '0')}`)},
          ${`${areaCode}-8${String(100000 + i * 137).slice(-6)}`}, ${c.kind === 'self_managed' ? null : (partyOrgs.get(c.communityId) ?? null)},
          ${c.kind === 'self_managed' ? null : person()})`,
      ),
    );
    await insertMany(
      tx,
      sql`INSERT INTO property_cross_posting (tenant_id, id, company_id, person_name, company_post, party_post, since) VALUES `,
      companies
        .filter((c) => c.kind === 'community_service' || c.kind === 'state_owned')
        .map(
          (c) => sql`(${T}, ${newId()}, ${c.id}, ${person()}, ${c.kind === 'state_owned' ? '党支部书记、总经理' : '党支部书记、执行董事'},
            ${c.kind === 'state_owned' ? '街道党工委兼职委员' : '社区党委副书记'}, ${`${rng.int(2022, 2025)}-0${rng.int(1, 9)}-01`})`,
        ),
    );
    await insertMany(
      tx,
      sql`INSERT INTO property_contract (tenant_id, id, company_id, compound_id, starts_on, ends_on, services, fee_per_m2_month) VALUES `,
      contracts.map(
        (k) => sql`(${T}, ${k.id}, ${k.plan.company?.id}, ${k.plan.compound.id}, ${k.startsOn}::date, ${k.endsOn}::date,
          ${k.plan.status === 'self' ? '{保洁,秩序维护}' : '{保洁,绿化,秩序维护,设施维修}'}::text[], ${k.plan.fee})`,
      ),
    );
    await insertMany(
      tx,
      sql`INSERT INTO property_collection (tenant_id, contract_id, period, rate) VALUES `,
      contracts.flatMap((k) => [
        sql`(${T}, ${k.id}, '2024', ${Math.max(0, round2((k.plan.rate ?? 0) - rng.int(0, 8) / 100))})`,
        sql`(${T}, ${k.id}, '2025', ${k.plan.rate})`,
      ]),
    );
    await insertMany(
      tx,
      sql`INSERT INTO property_profile (tenant_id, compound_id, floor_area_m2, contract_id, company_id, satisfaction, computed_status, status, service_mode) VALUES `,
      plans.map(
        (
          p,
        ) => sql`(${T}, ${p.compound.id}, ${Math.max(1, p.compound.households) * rng.int(70, 110)}, ${contractOf.get(p.compound.id) ?? null}::uuid,
          ${p.company?.id ?? null}::uuid, ${p.satisfaction}, ${p.status}, ${p.status}, ${p.mode})`,
      ),
    );
    // 文山市: party branches in property companies and compounds (249) — the compound branches of the party
    // records, and registered companies naming their party organisation (党组织) for the rest.
    if (targets?.propertyPartyBranches) {
      const counted = await rows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM party_org WHERE tenant_id = ${T} AND kind = 'compound_branch'`,
      );
      const withOrg = companies.filter((c) => c.kind !== 'self_managed' && partyOrgs.has(c.communityId)).length;
      const missing = targets.propertyPartyBranches - Number(counted[0]?.n ?? 0) - withOrg;
      const all = await rows<{ id: string; name: string }>(
        tx,
        sql`SELECT c.id::text AS id, c.name FROM ${territorySql.nodes('c')} WHERE c.tenant_id = ${T} AND c.kind = 'community'
            AND EXISTS (SELECT 1 FROM ${territorySql.nodes('n')} WHERE n.tenant_id = c.tenant_id AND n.parent_id = c.id AND n.kind = 'compound')
            ORDER BY c.path`,
      );
      const placed = all.filter((c) => partyOrgs.has(c.id));
      const extra = Array.from({ length: Math.max(0, missing) }, (_, i) => {
        const c = placed[i % placed.length] as { id: string; name: string };
        const brand = MARKET_NAMES[Math.floor(i / placed.length) % MARKET_NAMES.length];
        return { id: newId(), communityId: c.id, name: `${countyName}${c.name}${brand}物业服务有限公司`, kind: 'market' as const };
      });
      if (placed.length > 0)
        await insertMany(
          tx,
          sql`INSERT INTO property_company (tenant_id, id, community_id, name, kind, credit_code, service_phone, party_org_id, instructor_name) VALUES `,
          extra.map(
            (c, i) => sql`(${T}, ${c.id}, ${c.communityId}, ${c.name}, ${c.kind},
              ${creditCodeFrom(`91${T.padEnd(6, '0').slice(0, 6)}MB${String(i + 1).padStart(7, '0')}`)},
              ${`${areaCode}-7${String(100000 + i * 131).slice(-6)}`}, ${partyOrgs.get(c.communityId) ?? null}, ${person()})`,
          ),
        );
    }
    // 党建指导员: every registered company's instructor, serving its community and the company; with the
    // county's target (文山市 108), the rest sent to compounds that have a compound branch.
    const named = await rows<{ id: string; communityId: string; name: string }>(
      tx,
      sql`SELECT id::text AS id, community_id::text AS "communityId", instructor_name AS name FROM property_company
          WHERE tenant_id = ${T} AND instructor_name IS NOT NULL ORDER BY name, id`,
    );
    const branchCompounds = targets?.partyInstructors
      ? await rows<{ id: string }>(
          tx,
          sql`SELECT DISTINCT node_id::text AS id FROM party_org WHERE tenant_id = ${T} AND kind = 'compound_branch' ORDER BY 1
              LIMIT ${Math.max(0, targets.partyInstructors - named.length)}`,
        )
      : [];
    const units = ['街道党工委', '县委组织部', '县住建局', '社区党委'];
    await insertMany(tx, sql`INSERT INTO property_instructor (tenant_id, id, name, unit, node_id, company_id, appointed_on) VALUES `, [
      ...named.map(
        (c) =>
          sql`(${T}, ${newId()}, ${c.name}, ${rng.pick(units)}, ${c.communityId}::uuid, ${c.id}::uuid, ${`${rng.int(2022, 2025)}-0${rng.int(1, 9)}-01`}::date)`,
      ),
      ...branchCompounds.map(
        (c) =>
          sql`(${T}, ${newId()}, ${person()}, ${rng.pick(units)}, ${c.id}::uuid, NULL, ${`${rng.int(2022, 2025)}-0${rng.int(1, 9)}-01`}::date)`,
      ),
    ]);
    // 物业经理接待日: in the first compounds served by a company, one day held last month with the questions
    // raised and one scheduled next week (dates from today, so the demo always has both).
    const served = plans.filter((p) => p.company && p.company.kind !== 'self_managed').slice(0, byStatus ? 12 : 2);
    const china = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
    const asked = [
      ['电梯每周都要停一两次，维修不及时', '已联系电梯维保单位，下周起每周巡检两次'],
      ['楼道杂物长期堆放，存在消防隐患', '本周内组织清理，并张贴告知'],
      ['小区停车位不够，外来车辆随意停放', '与社区协商施划临时车位，登记业主车辆'],
      ['物业费公示不清楚，想看收支明细', '下月初在公告栏公示上季度收支'],
    ] as const;
    for (const [i, p] of served.entries()) {
      const held = newId();
      const company = p.company as Company;
      await tx.execute(sql`INSERT INTO property_reception_day (tenant_id, id, compound_id, company_id, held_on, hours, place, host_name, status, summary)
        VALUES (${T}, ${held}, ${p.compound.id}, ${company.id}, ${china(-20 - i)}::date, '09:00-11:30', '小区物业服务中心', ${person()}, 'held',
          ${`接待居民 ${rng.int(4, 12)} 人，当场答复 ${rng.int(2, 6)} 个问题`}),
        (${T}, ${newId()}, ${p.compound.id}, ${company.id}, ${china(7 + (i % 5))}::date, '15:00-17:00', '小区物业服务中心', ${person()}, 'scheduled', NULL)`);
      for (const [q, a] of [0, 1].map((k) => asked[(i + k) % asked.length] as readonly [string, string])) {
        await tx.execute(sql`INSERT INTO property_reception_question (tenant_id, id, reception_id, question, answer)
          VALUES (${T}, ${newId()}, ${held}, ${q}, ${a})`);
      }
    }
    await insertMany(
      tx,
      sql`INSERT INTO property_status_change (tenant_id, id, compound_id, source, status_from, status_to, service_mode, company_id, criteria_version, reason) VALUES `,
      plans.map(
        (p) =>
          sql`(${T}, ${newId()}, ${p.compound.id}, 'computed', NULL, ${p.status}, ${p.mode}, ${p.company?.id ?? null}::uuid, 0, '建档')`,
      ),
    );
  });
  ctx.progress(1, 1);
}

async function compoundRows(db: Db, tenantId: string, where: SQL, limit = 100_000): Promise<CompoundRow[]> {
  const found = await rows<CompoundRow>(
    db,
    sql`SELECT n.id::text AS id, n.name, c.id::text AS "communityId", c.name AS "communityName",
        (SELECT count(*)::int FROM ${territorySql.nodes('h')} WHERE h.tenant_id = n.tenant_id AND h.kind = 'household' AND h.path <@ n.path) AS households
      FROM ${territorySql.nodes('n')} JOIN ${territorySql.nodes('c')} ON c.tenant_id = n.tenant_id AND c.id = n.parent_id
      WHERE n.tenant_id = ${tenantId} AND n.kind = 'compound' AND ${where}
      ORDER BY c.path, n.name, n.id LIMIT ${limit}`,
  );
  return found.map((r) => ({ ...r, households: Number(r.households) }));
}

async function insertMany(tx: Db, head: SQL, values: SQL[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) {
    await tx.execute(sql`${head}${sql.join(values.slice(i, i + 500), sql`, `)}`);
  }
}

function shuffled<T>(rng: SeededRandom, items: T[]): T[] {
  return rng.sample(items, items.length);
}

const round2 = (v: number) => Math.round(v * 100) / 100;
