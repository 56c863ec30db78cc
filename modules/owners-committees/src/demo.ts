import { type DemoSeedContext, demoAccountId, newId, SeededRandom } from '@linli/core';
import type { Db } from '@linli/db';
import { territory } from '@linli/territory';
import { sql } from 'drizzle-orm';
import { seedMeetingsDemo } from './demo-meetings.ts';
import { type CommitteeKind, defaultTermYears, type MemberPosition } from './vocabulary.ts';

// Demo data of owners' committees, from the generated plan (ctx.shared.plan: compounds, households,
// residents, party members and branch secretaries that the foundation seeder inserted). Members are
// real residents of the compound's households; party shares follow from the party records.

interface PlanNode {
  id: string;
  name: string;
  path: string;
  depth: number;
}
interface Plan {
  compounds: PlanNode[];
  households: PlanNode[];
  residents: { id: string; householdId: string; name: string; birthDate: string }[];
  partyMembers: { residentId: string }[];
  partyOrgs: { kind: string; nodeId: string; secretaryId: string | null }[];
  /** The owners' committees and property management committees the organisations register holds (one per compound). */
  organisations?: { kind: string; nodeId: string; attrs: Record<string, unknown> }[];
  anchors?: { community?: { id: string; path: string }; ownersCompound?: PlanNode };
}
interface Targets {
  ownersCommittees?: number;
  propertyManagementCommittees?: number;
}

interface CommitteeRow {
  id: string;
  compoundId: string;
  kind: CommitteeKind;
  name: string;
  formedOn: string;
  termEnd: string;
}
interface MemberRow {
  id: string;
  committeeId: string;
  residentId: string;
  position: MemberPosition;
  since: string;
}

const kindName: Record<CommitteeKind, string> = {
  owners_committee: '业主委员会',
  owners_work_committee: '业主工作委员会',
  property_management_committee: '物业管理委员会',
};

const day = (d: Date) => d.toISOString().slice(0, 10);
const today = () => new Date(Date.now() + 8 * 3_600_000);
const plusDays = (days: number) => day(new Date(today().getTime() + days * 86_400_000));
const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace(/-02-29$/, '-02-28');

async function insertChunks(db: Db, rows: unknown[], insert: (chunk: never[]) => ReturnType<typeof sql>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.execute(insert(rows.slice(i, i + 500) as never[]));
}

/**
 * With the county's targets (`profile.property.ownersCommittees` / `propertyManagementCommittees`)
 * exactly that many active committees, one per compound (owners' committees first, then property
 * management committees in the next compounds), formed over the last seven years, most with half or
 * more party members and the branch secretary as chair, some terms ending within 90 days, and a
 * training batch per street. Without targets, worked examples in the demo community: one committee
 * whose term ends soon with its re-election under way (candidates vetted), one formed after the rule
 * date that misses the party share, and a property management committee.
 */
export async function seedOwnersCommitteesDemo(ctx: DemoSeedContext): Promise<void> {
  const plan = ctx.shared.plan as Plan | undefined;
  if (!plan?.compounds?.length) return;
  const T = ctx.tenantId;
  const db = ctx.database.db;
  const targets = (ctx.shared.profile as { property?: Targets } | undefined)?.property;
  const staff = demoAccountId(ctx, 'community');
  const rand = new SeededRandom(532601);

  // Residents of each compound (adults), party members and the branch secretary of each compound.
  const party = new Set(plan.partyMembers.map((m) => m.residentId));
  const secretaryOf = new Map(
    plan.partyOrgs.filter((o) => o.kind === 'compound_branch' && o.secretaryId).map((o) => [o.nodeId, o.secretaryId as string]),
  );
  const compoundByPath = new Map(plan.compounds.map((c) => [c.path, c]));
  const depth = plan.compounds[0]?.depth ?? 0;
  const compoundOfHousehold = new Map<string, string>();
  for (const h of plan.households) {
    const c = compoundByPath.get(
      h.path
        .split('.')
        .slice(0, depth + 1)
        .join('.'),
    );
    if (c) compoundOfHousehold.set(h.id, c.id);
  }
  const year = today().getUTCFullYear();
  const residentsOf = new Map<string, { id: string; party: boolean; name: string }[]>();
  for (const r of plan.residents) {
    const age = year - Number(r.birthDate.slice(0, 4));
    const c = compoundOfHousehold.get(r.householdId);
    if (!c || age < 25 || age > 75) continue;
    const list = residentsOf.get(c) ?? [];
    list.push({ id: r.id, party: party.has(r.id), name: r.name });
    residentsOf.set(c, list);
  }

  const committees: CommitteeRow[] = [];
  const members: MemberRow[] = [];
  /** A committee of `size` members; `share` of them party members where the compound has enough, the secretary as chair when asked. */
  const form = (
    compound: PlanNode,
    kind: CommitteeKind,
    formedOn: string,
    size: number,
    share: number,
    secretaryChairs: boolean,
    termEnd?: string,
  ) => {
    const id = newId();
    committees.push({
      id,
      compoundId: compound.id,
      kind,
      name: `${compound.name}${kindName[kind]}`,
      formedOn,
      termEnd: termEnd ?? addYears(formedOn, defaultTermYears),
    });
    const pool = residentsOf.get(compound.id) ?? [];
    const secretary = secretaryOf.get(compound.id);
    const wantParty = Math.ceil(size * share);
    const partyPool = rand.sample(
      pool.filter((r) => r.party && r.id !== secretary),
      size,
    );
    const others = rand.sample(
      pool.filter((r) => !r.party),
      size,
    );
    const chosen: string[] = [];
    if (secretaryChairs && secretary && pool.some((r) => r.id === secretary)) chosen.push(secretary);
    for (const r of partyPool) if (chosen.length < wantParty) chosen.push(r.id);
    for (const r of [...others, ...partyPool]) if (chosen.length < size && !chosen.includes(r.id)) chosen.push(r.id);
    for (const [j, residentId] of chosen.entries()) {
      members.push({
        id: newId(),
        committeeId: id,
        residentId,
        position: j === 0 ? 'chair' : j === 1 ? 'vice_chair' : 'member',
        since: formedOn,
      });
    }
    return id;
  };

  const anchorPath = plan.anchors?.community?.path;
  const ordered = [...plan.compounds].sort((a, b) => {
    const inA = anchorPath && a.path.startsWith(`${anchorPath}.`) ? 0 : 1;
    const inB = anchorPath && b.path.startsWith(`${anchorPath}.`) ? 0 : 1;
    return inA - inB || a.path.localeCompare(b.path);
  });
  let electionCompound: PlanNode | undefined;
  if (targets?.ownersCommittees !== undefined || targets?.propertyManagementCommittees !== undefined) {
    // The compounds the organisations register gives a committee (the same counts), else the first compounds.
    const byId = new Map(plan.compounds.map((c) => [c.id, c]));
    const registered = (kind: string) =>
      (plan.organisations ?? [])
        .filter((o) => o.kind === kind && byId.has(o.nodeId))
        .map((o) => ({ compound: byId.get(o.nodeId) as PlanNode, attrs: o.attrs }));
    let owners = registered('owners_committee');
    let interim = registered('property_management_committee');
    if (owners.length !== (targets.ownersCommittees ?? 0) || interim.length !== (targets.propertyManagementCommittees ?? 0)) {
      const oc = Math.min(targets.ownersCommittees ?? 0, ordered.length);
      const pmc = Math.min(targets.propertyManagementCommittees ?? 0, ordered.length - oc);
      owners = ordered.slice(0, oc).map((compound) => ({ compound, attrs: {} }));
      interim = ordered.slice(oc, oc + pmc).map((compound) => ({ compound, attrs: {} }));
    }
    for (const [i, { compound, attrs }] of owners.entries()) {
      // Formed over the last seven years; every ninth term ends within 90 days; one in ten misses the share.
      const formedOn = i % 9 === 4 ? plusDays(-(defaultTermYears * 365 - rand.int(10, 80))) : plusDays(-rand.int(60, 7 * 365 - 200));
      const kind: CommitteeKind = i % 12 === 7 ? 'owners_work_committee' : 'owners_committee';
      const share = i % 10 === 3 ? 0.2 : typeof attrs.partyMemberShare === 'number' ? attrs.partyMemberShare : 0.6;
      form(compound, kind, formedOn, rand.int(5, 7), share, i % 4 !== 1);
    }
    for (const { compound } of interim)
      form(compound, 'property_management_committee', plusDays(-rand.int(30, 900)), rand.int(3, 5), 0.6, true);
  } else {
    const [first, second, third] = ordered;
    if (first) {
      // Term ends in 45 days: its re-election is under way.
      form(first, 'owners_committee', plusDays(-(defaultTermYears * 365 - 45)), 5, 0.6, true, plusDays(45));
      electionCompound = first;
    }
    if (second) form(second, 'owners_committee', '2023-04-18', 5, 0.2, false);
    if (third) form(third, 'property_management_committee', plusDays(-200), 3, 0.67, true);
    const owners = plan.anchors?.ownersCompound;
    if (owners && ![first, second, third].some((c) => c?.id === owners.id)) form(owners, 'owners_committee', '2022-09-01', 7, 0.6, true);
  }
  if (!committees.length) return;

  await db.transaction(async (tx) => {
    await insertChunks(
      tx,
      committees,
      (
        chunk: CommitteeRow[],
      ) => sql`INSERT INTO owners_committee (tenant_id, id, compound_id, kind, name, formed_on, term_start, term_end, created_by)
        VALUES ${sql.join(
          chunk.map(
            (c) =>
              sql`(${T}, ${c.id}, ${c.compoundId}, ${c.kind}, ${c.name}, ${c.formedOn}::date, ${c.formedOn}::date, ${c.termEnd}::date, ${staff})`,
          ),
          sql`, `,
        )}`,
    );
    ctx.progress(1, 4);
    await insertChunks(
      tx,
      members,
      (chunk: MemberRow[]) => sql`INSERT INTO owners_committee_member (tenant_id, id, committee_id, resident_id, position, since)
        VALUES ${sql.join(
          chunk.map((m) => sql`(${T}, ${m.id}, ${m.committeeId}, ${m.residentId}, ${m.position}, ${m.since}::date)`),
          sql`, `,
        )}`,
    );
    ctx.progress(2, 4);
    // Training: a batch per street (or in the demo community) a month ago, attended by about two thirds of the members.
    const anchor = plan.anchors?.community;
    const streets = [
      ...new Set(
        plan.compounds.map((c) =>
          c.path
            .split('.')
            .slice(0, depth - 1)
            .join('.'),
        ),
      ),
    ];
    const batches = anchor && !targets ? [{ id: newId(), node: anchor.id, path: anchor.path }] : [];
    if (targets && streets.length) {
      const nodeIds = await Promise.all(streets.map((p) => territory.ancestorOfKind(tx, T, p, 'subdistrict')));
      for (const [i, n] of nodeIds.entries()) if (n) batches.push({ id: newId(), node: n.id, path: streets[i] as string });
    }
    const committeeCompound = new Map(committees.map((c) => [c.id, plan.compounds.find((x) => x.id === c.compoundId)?.path ?? '']));
    for (const b of batches) {
      await tx.execute(sql`INSERT INTO owners_committee_training (tenant_id, id, node_id, title, held_on, place_text, created_by)
        VALUES (${T}, ${b.id}, ${b.node}, '业委会、物管会成员履职能力培训', ${plusDays(-30)}::date, '党群服务中心', ${staff})`);
      const attended = members.filter((m) => committeeCompound.get(m.committeeId)?.startsWith(`${b.path}.`) && rand.chance(0.67));
      await insertChunks(
        tx,
        attended,
        (chunk: MemberRow[]) => sql`INSERT INTO owners_committee_attendance (tenant_id, training_id, member_id)
          VALUES ${sql.join(
            chunk.map((m) => sql`(${T}, ${b.id}, ${m.id})`),
            sql`, `,
          )}`,
      );
    }
    ctx.progress(3, 4);
    if (electionCompound)
      await seedElection(tx, T, electionCompound, committees[0] as CommitteeRow, residentsOf.get(electionCompound.id) ?? [], staff);
    ctx.progress(4, 4);
  });
  // Owners' general meetings in three of the committees' compounds (published, voting, noticed).
  await seedMeetingsDemo(
    db,
    T,
    staff,
    committees.map((c) => c.compoundId),
  );
}

/** The re-election under way: five candidates, four vetted (one check still missing). */
async function seedElection(
  tx: Db,
  T: string,
  compound: PlanNode,
  committee: CommitteeRow,
  pool: { id: string; party: boolean; name: string }[],
  staff: string | null,
): Promise<void> {
  const id = newId();
  await tx.execute(sql`INSERT INTO owners_committee_election (tenant_id, id, compound_id, committee_id, kind, title, seats, created_by)
    VALUES (${T}, ${id}, ${compound.id}, ${committee.id}, 'owners_committee', ${`${compound.name}第2届业主委员会选举`}, 5, ${staff})`);
  const candidates = [...pool.filter((r) => r.party).slice(0, 3), ...pool.filter((r) => !r.party).slice(0, 3)].slice(0, 6);
  for (const [i, r] of candidates.entries()) {
    const k = newId();
    await tx.execute(sql`INSERT INTO owners_committee_candidate (tenant_id, id, election_id, resident_id, position)
      VALUES (${T}, ${k}, ${id}, ${r.id}, ${i === 0 ? 'chair' : i === 1 ? 'vice_chair' : 'member'})`);
    const items = i === candidates.length - 1 ? ['owner_household'] : ['owner_household', 'no_criminal_record'];
    for (const item of items)
      await tx.execute(sql`INSERT INTO owners_committee_vetting (tenant_id, id, candidate_id, item, passed, note, checked_by, checked_by_name)
        VALUES (${T}, ${newId()}, ${k}, ${item}, true, ${item === 'owner_household' ? '已核对不动产登记' : '已取得无犯罪记录证明'}, ${staff}, '社区工作人员')`);
  }
}
