import { CursorText, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Committee, CommitteeListFilter, CommitteeMember, ComplianceRow } from './contract.ts';
import { isBranchSecretary, isPartyMember } from './party-records.ts';
import { ruleDateSql } from './settings.repository.ts';
import type { CommitteeKind, CommitteeStatus, MemberPosition } from './vocabulary.ts';

/** Every list of committees is sorted by a text (a date or a name) and the id. */
export const CommitteeCursor = Type.Tuple([CursorText, Uuid]);

/** Today in China (terms end on Chinese calendar days). */
export const todaySql = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/** Where the committee's compound is: in `scope`, and under `nodeId` when given. */
export function committeePlace(tenantId: string, scope: string[], nodeId?: string): SQL {
  return sql`${inScope(sql`cp.path`, scope)} ${nodeId ? sql`AND ${territorySql.underNode(sql`cp.path`, tenantId, nodeId)}` : sql``}`;
}

/**
 * The committees of a tenant with their live figures (members, party members from the party
 * records, chair = branch secretary, trained members of the current term), one row each; `where`
 * narrows on c (committee) and cp (compound).
 */
export function committeeRows(tenantId: string, where: SQL): SQL {
  const T = sql`m.tenant_id`;
  return sql`SELECT c.id, c.compound_id AS "compoundId", cp.name AS "compoundName", cm.id AS "communityId", cm.name AS "communityName",
      sd.id AS "subdistrictId", sd.name AS "subdistrictName", c.kind, c.name,
      to_char(c.formed_on, 'YYYY-MM-DD') AS "formedOn", to_char(c.term_start, 'YYYY-MM-DD') AS "termStart",
      to_char(c.term_end, 'YYYY-MM-DD') AS "termEnd", c.status, to_char(c.ended_on, 'YYYY-MM-DD') AS "endedOn", c.note,
      (c.term_end - ${todaySql})::int AS "daysToTermEnd",
      to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt",
      s.members, s.party AS "partyMembers", s.trained, s.chair_secretary AS "chairIsSecretary",
      (s.members > 0 AND s.party * 2 >= s.members) AS met, (c.formed_on >= ${ruleDateSql(tenantId)}) AS "ruleApplies"
    FROM owners_committee c
    JOIN ${territorySql.nodes('cp')} ON cp.tenant_id = c.tenant_id AND cp.id = c.compound_id
    LEFT JOIN ${territorySql.nodes('cm')} ON cm.tenant_id = cp.tenant_id AND cm.kind = 'community' AND cm.path @> cp.path
    LEFT JOIN ${territorySql.nodes('sd')} ON sd.tenant_id = cp.tenant_id AND sd.kind = 'subdistrict' AND sd.path @> cp.path
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS members,
        count(*) FILTER (WHERE ${isPartyMember(T, sql`m.resident_id`)})::int AS party,
        COALESCE(bool_or(m.position = 'chair' AND ${isBranchSecretary(T, sql`m.resident_id`, sql`c.compound_id`)}), false) AS chair_secretary,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM owners_committee_attendance a
          JOIN owners_committee_training t ON t.tenant_id = a.tenant_id AND t.id = a.training_id
          WHERE a.tenant_id = m.tenant_id AND a.member_id = m.id AND t.held_on >= c.term_start))::int AS trained
      FROM owners_committee_member m WHERE m.tenant_id = c.tenant_id AND m.committee_id = c.id AND m.until IS NULL) s
    WHERE c.tenant_id = ${tenantId} AND ${where}`;
}

interface CommitteeRow {
  id: string;
  compoundId: string;
  compoundName: string;
  communityId: string | null;
  communityName: string | null;
  subdistrictId: string | null;
  subdistrictName: string | null;
  kind: CommitteeKind;
  name: string;
  formedOn: string;
  termStart: string;
  termEnd: string;
  status: CommitteeStatus;
  endedOn: string | null;
  note: string | null;
  daysToTermEnd: number;
  createdAt: string;
  members: number;
  partyMembers: number;
  trained: number;
  chairIsSecretary: boolean;
  met: boolean;
  ruleApplies: boolean;
}

const present = (r: CommitteeRow): Committee => ({
  id: r.id,
  compoundId: r.compoundId,
  compoundName: r.compoundName,
  communityId: r.communityId,
  communityName: r.communityName,
  subdistrictName: r.subdistrictName,
  kind: r.kind,
  name: r.name,
  formedOn: r.formedOn,
  termStart: r.termStart,
  termEnd: r.termEnd,
  status: r.status,
  endedOn: r.endedOn,
  note: r.note,
  daysToTermEnd: r.daysToTermEnd,
  trainedShare: r.members > 0 ? r.trained / r.members : null,
  party: {
    members: r.members,
    partyMembers: r.partyMembers,
    share: r.members > 0 ? r.partyMembers / r.members : null,
    met: r.met,
    ruleApplies: r.ruleApplies,
    chairIsSecretary: r.chairIsSecretary,
  },
  createdAt: r.createdAt,
});

const like = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** SQL of committees and their members; a committee is visible where its compound is in the caller's scope. */
export class CommitteeRepository {
  constructor(private readonly db: Db) {}

  async list(
    tenantId: string,
    scope: string[],
    filter: CommitteeListFilter & { endingWithinDays?: number },
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Committee[]; next: [string, string] | null }> {
    const inner: SQL[] = [committeePlace(tenantId, scope, filter.nodeId)];
    if (filter.kind) inner.push(sql`c.kind = ${filter.kind}`);
    if (filter.status) inner.push(sql`c.status = ${filter.status}`);
    if (filter.q) inner.push(sql`(c.name ILIKE ${like(filter.q)} OR cp.name ILIKE ${like(filter.q)})`);
    if (filter.endingWithinDays !== undefined)
      inner.push(sql`c.status = 'active' AND c.term_end <= ${todaySql} + ${filter.endingWithinDays}::int`);
    const outer: SQL[] = [];
    if (filter.partyShareMet !== undefined) outer.push(sql`x.met = ${filter.partyShareMet}`);
    const sort = filter.sort ?? (filter.endingWithinDays !== undefined ? 'termEnd' : '-formedOn');
    const desc = sort.startsWith('-');
    const key = sql.raw(`x."${sort.replace(/^-/, '')}"`);
    if (page.after) {
      outer.push(
        desc
          ? sql`(${key}, x.id) < (${page.after[0]}, ${page.after[1]}::uuid)`
          : sql`(${key}, x.id) > (${page.after[0]}, ${page.after[1]}::uuid)`,
      );
    }
    const found = await rows<CommitteeRow>(
      this.db,
      sql`SELECT * FROM (${committeeRows(tenantId, sql.join(inner, sql` AND `))}) x
          ${outer.length ? sql`WHERE ${sql.join(outer, sql` AND `)}` : sql``}
          ORDER BY ${key} ${desc ? sql`DESC` : sql``}, x.id ${desc ? sql`DESC` : sql``} LIMIT ${page.limit + 1}`,
    );
    const items = found.slice(0, page.limit).map(present);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    const field = sort.replace(/^-/, '') as 'formedOn' | 'termEnd' | 'name';
    return { items, next: last ? [last[field], last.id] : null };
  }

  async findById(tenantId: string, id: string, scope: string[]): Promise<Committee | undefined> {
    const row = await one<CommitteeRow>(this.db, committeeRows(tenantId, sql`c.id = ${id} AND ${committeePlace(tenantId, scope)}`));
    return row ? present(row) : undefined;
  }

  /** The committee for a write: its compound and state, locked. */
  lock(tenantId: string, id: string, scope: string[]) {
    return one<{ id: string; compoundId: string; compoundPath: string; kind: CommitteeKind; status: CommitteeStatus; termStart: string }>(
      this.db,
      sql`SELECT c.id, c.compound_id AS "compoundId", cp.path::text AS "compoundPath", c.kind, c.status,
            to_char(c.term_start, 'YYYY-MM-DD') AS "termStart"
          FROM owners_committee c JOIN ${territorySql.nodes('cp')} ON cp.tenant_id = c.tenant_id AND cp.id = c.compound_id
          WHERE c.tenant_id = ${tenantId} AND c.id = ${id} AND ${inScope(sql`cp.path`, scope)} FOR UPDATE OF c`,
    );
  }

  /** The compound's active committee, if any. */
  activeOf(tenantId: string, compoundId: string) {
    return one<{ id: string; kind: CommitteeKind; name: string }>(
      this.db,
      sql`SELECT id, kind, name FROM owners_committee WHERE tenant_id = ${tenantId} AND compound_id = ${compoundId} AND status = 'active'`,
    );
  }

  async insert(
    tenantId: string,
    v: {
      compoundId: string;
      kind: CommitteeKind;
      name: string;
      formedOn: string;
      termStart: string;
      termEnd: string;
      note?: string | null;
      predecessorId?: string | null;
      createdBy?: string;
    },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO owners_committee (tenant_id, id, compound_id, kind, name, formed_on, term_start, term_end, note,
        predecessor_id, created_by)
      VALUES (${tenantId}, ${id}, ${v.compoundId}, ${v.kind}, ${v.name}, ${v.formedOn}::date, ${v.termStart}::date, ${v.termEnd}::date,
        ${v.note ?? null}, ${v.predecessorId ?? null}, ${v.createdBy ?? null})`);
    return id;
  }

  async end(tenantId: string, id: string, status: 'expired' | 'dissolved', endedOn: string, note: string | null): Promise<void> {
    await this.db.execute(sql`UPDATE owners_committee SET status = ${status}, ended_on = ${endedOn}::date,
        note = COALESCE(${note}, note), updated_at = now() WHERE tenant_id = ${tenantId} AND id = ${id}`);
    await this.db.execute(sql`UPDATE owners_committee_member SET until = GREATEST(since, ${endedOn}::date)
      WHERE tenant_id = ${tenantId} AND committee_id = ${id} AND until IS NULL`);
  }

  /**
   * The members of a committee (current first, then former). Names are masked (王**) unless the
   * caller holds people.roster on the member's household; party tags are given only where the
   * caller holds people.sensitive there (docs/privacy-matrix.md).
   */
  members(tenantId: string, committeeId: string, see: { roster: string[]; sensitive: string[] }): Promise<CommitteeMember[]> {
    return rows<CommitteeMember>(
      this.db,
      sql`SELECT m.id, m.resident_id AS "residentId",
            CASE WHEN ${inScope(sql`hh.path`, see.roster)} THEN r.name
                 ELSE left(r.name, 1) || repeat('*', GREATEST(1, char_length(r.name) - 1)) END AS name,
            hh.name AS "householdName", m.position, to_char(m.since, 'YYYY-MM-DD') AS since, to_char(m.until, 'YYYY-MM-DD') AS until,
            CASE WHEN ${inScope(sql`hh.path`, see.sensitive)} THEN ${isPartyMember(sql`m.tenant_id`, sql`m.resident_id`)} END AS "partyMember",
            CASE WHEN ${inScope(sql`hh.path`, see.sensitive)} THEN ${isBranchSecretary(sql`m.tenant_id`, sql`m.resident_id`, sql`c.compound_id`)} END
              AS "branchSecretary",
            (SELECT count(*)::int FROM owners_committee_attendance a WHERE a.tenant_id = m.tenant_id AND a.member_id = m.id) AS trainings
          FROM owners_committee_member m
          JOIN owners_committee c ON c.tenant_id = m.tenant_id AND c.id = m.committee_id
          JOIN resident r ON r.tenant_id = m.tenant_id AND r.id = m.resident_id
          LEFT JOIN ${territorySql.nodes('hh')} ON hh.tenant_id = r.tenant_id AND hh.id = r.household_id
          WHERE m.tenant_id = ${tenantId} AND m.committee_id = ${committeeId}
          ORDER BY m.until IS NOT NULL, array_position(ARRAY['chair', 'vice_chair', 'member'], m.position), m.since, m.id`,
    ).then((list) =>
      list.map((m) => {
        const { partyMember, branchSecretary, ...rest } = m;
        return partyMember === null || partyMember === undefined ? rest : { ...rest, partyMember, branchSecretary };
      }),
    );
  }

  currentMember(tenantId: string, committeeId: string, residentId: string) {
    return one<{ id: string }>(
      this.db,
      sql`SELECT id FROM owners_committee_member WHERE tenant_id = ${tenantId} AND committee_id = ${committeeId}
          AND resident_id = ${residentId} AND until IS NULL`,
    );
  }

  currentChair(tenantId: string, committeeId: string) {
    return one<{ id: string }>(
      this.db,
      sql`SELECT id FROM owners_committee_member WHERE tenant_id = ${tenantId} AND committee_id = ${committeeId}
          AND position = 'chair' AND until IS NULL`,
    );
  }

  memberOf(tenantId: string, committeeId: string, memberId: string) {
    return one<{ id: string; since: string; until: string | null }>(
      this.db,
      sql`SELECT id, to_char(since, 'YYYY-MM-DD') AS since, to_char(until, 'YYYY-MM-DD') AS until FROM owners_committee_member
          WHERE tenant_id = ${tenantId} AND committee_id = ${committeeId} AND id = ${memberId} FOR UPDATE`,
    );
  }

  async insertMember(
    tenantId: string,
    v: { committeeId: string; residentId: string; position: MemberPosition; since: string },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO owners_committee_member (tenant_id, id, committee_id, resident_id, position, since)
      VALUES (${tenantId}, ${id}, ${v.committeeId}, ${v.residentId}, ${v.position}, ${v.since}::date)`);
    return id;
  }

  async endMember(tenantId: string, memberId: string, until: string): Promise<void> {
    await this.db.execute(
      sql`UPDATE owners_committee_member SET until = ${until}::date WHERE tenant_id = ${tenantId} AND id = ${memberId}`,
    );
  }

  /**
   * Compliance per street (or per community of one street): active committees, those the rule
   * applies to and how many of them meet it, chairs who are branch secretaries, members, party
   * members and trained members.
   */
  async compliance(tenantId: string, scope: string[], groupKind: 'subdistrict' | 'community', nodeId?: string): Promise<ComplianceRow[]> {
    const g = groupKind === 'subdistrict' ? sql.raw('x."subdistrictId"') : sql.raw('x."communityId"');
    const gn = groupKind === 'subdistrict' ? sql.raw('x."subdistrictName"') : sql.raw('x."communityName"');
    return rows<ComplianceRow>(
      this.db,
      sql`SELECT ${g} AS "nodeId", ${gn} AS "nodeName", count(*)::int AS committees,
            count(*) FILTER (WHERE x.kind <> 'property_management_committee')::int AS "ownersCommittees",
            count(*) FILTER (WHERE x.kind = 'property_management_committee')::int AS "propertyManagementCommittees",
            count(*) FILTER (WHERE x."ruleApplies")::int AS "underRule",
            count(*) FILTER (WHERE x."ruleApplies" AND x.met)::int AS "underRuleMet",
            count(*) FILTER (WHERE x.met)::int AS "partyShareMet",
            count(*) FILTER (WHERE x."chairIsSecretary")::int AS "chairIsSecretary",
            COALESCE(sum(x.members), 0)::int AS members, COALESCE(sum(x."partyMembers"), 0)::int AS "partyMembers",
            COALESCE(sum(x.trained), 0)::int AS "trainedMembers"
          FROM (${committeeRows(tenantId, sql`c.status = 'active' AND ${committeePlace(tenantId, scope, nodeId)}`)}) x
          WHERE ${g} IS NOT NULL
          GROUP BY ${g}, ${gn} ORDER BY ${gn}, ${g}`,
    );
  }
}
