import { CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Candidate, Election, ElectionDetail, Notice, VettingCheck } from './contract.ts';
import { isPartyMember } from './party-records.ts';
import {
  type ElectedKind,
  type ElectionStatus,
  type MemberPosition,
  requiredVettingItems,
  type VettingItem,
  type VettingStatus,
} from './vocabulary.ts';

export const ElectionCursor = Type.Tuple([CursorTime, Uuid]);

/** What of the candidates the caller may see: full names (people.roster) and party tags (people.sensitive). */
export interface PersonView {
  roster: string[];
  sensitive: string[];
  /** Where the listed records may lie (the caller's read scope), when the list needs it. */
  scope?: string[];
}

/** SQL of re-elections (换届选举), their candidates, vetting checks and notices; visible where the compound is in scope. */
export class ElectionRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT e.id, e.compound_id AS "compoundId", cp.name AS "compoundName", e.committee_id AS "committeeId",
        oc.name AS "committeeName", e.kind, e.title, e.seats, e.term_years AS "termYears", e.status, e.ballot_id AS "ballotId",
        e.new_committee_id AS "newCommitteeId",
        to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt",
        to_char(e.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "closedAt",
        (SELECT count(*)::int FROM owners_committee_candidate k WHERE k.tenant_id = e.tenant_id AND k.election_id = e.id) AS candidates
      FROM owners_committee_election e
      JOIN ${territorySql.nodes('cp')} ON cp.tenant_id = e.tenant_id AND cp.id = e.compound_id
      LEFT JOIN owners_committee oc ON oc.tenant_id = e.tenant_id AND oc.id = e.committee_id
      WHERE e.tenant_id = ${tenantId} AND ${inScope(sql`cp.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: { nodeId?: string; status?: ElectionStatus },
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Election[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`cp.path`, tenantId, filter.nodeId));
    if (filter.status) c.push(sql`e.status = ${filter.status}`);
    if (page.after) c.push(sql`(e.created_at, e.id) < (${page.after[0]}::timestamptz, ${page.after[1]}::uuid)`);
    const found = await rows<Election>(
      this.db,
      sql`${this.select(tenantId, scope, c)} ORDER BY e.created_at DESC, e.id DESC LIMIT ${page.limit + 1}`,
    );
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [last.createdAt, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<Election | undefined> {
    return one<Election>(this.db, this.select(tenantId, scope, [sql`e.id = ${id}`]));
  }

  async detail(tenantId: string, id: string, scope: string[], view: PersonView): Promise<ElectionDetail | undefined> {
    const e = await this.findById(tenantId, id, scope);
    if (!e) return undefined;
    const stored = await one<{ result: ElectionDetail['result'] }>(
      this.db,
      sql`SELECT result FROM owners_committee_election WHERE tenant_id = ${tenantId} AND id = ${id}`,
    );
    return {
      ...e,
      candidateList: await this.candidates(tenantId, id, view),
      notices: await this.notices(tenantId, id),
      result: stored?.result ?? null,
    };
  }

  /** The election for a write, locked, with its compound's path. */
  lock(tenantId: string, id: string, scope: string[]) {
    return one<{
      id: string;
      compoundId: string;
      compoundPath: string;
      compoundName: string;
      kind: ElectedKind;
      title: string;
      seats: number;
      termYears: number;
      status: ElectionStatus;
      ballotId: string | null;
    }>(
      this.db,
      sql`SELECT e.id, e.compound_id AS "compoundId", cp.path::text AS "compoundPath", cp.name AS "compoundName", e.kind, e.title, e.seats,
            e.term_years AS "termYears", e.status, e.ballot_id AS "ballotId"
          FROM owners_committee_election e JOIN ${territorySql.nodes('cp')} ON cp.tenant_id = e.tenant_id AND cp.id = e.compound_id
          WHERE e.tenant_id = ${tenantId} AND e.id = ${id} AND ${inScope(sql`cp.path`, scope)} FOR UPDATE OF e`,
    );
  }

  running(tenantId: string, compoundId: string) {
    return one<{ id: string }>(
      this.db,
      sql`SELECT id FROM owners_committee_election WHERE tenant_id = ${tenantId} AND compound_id = ${compoundId}
          AND status IN ('preparing', 'voting')`,
    );
  }

  async count(tenantId: string, compoundId: string): Promise<number> {
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM owners_committee WHERE tenant_id = ${tenantId} AND compound_id = ${compoundId}
          AND kind <> 'property_management_committee'`,
    );
    return row?.n ?? 0;
  }

  async insert(
    tenantId: string,
    v: {
      compoundId: string;
      committeeId: string | null;
      kind: ElectedKind;
      title: string;
      seats: number;
      termYears: number;
      createdBy: string;
    },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO owners_committee_election (tenant_id, id, compound_id, committee_id, kind, title, seats, term_years, created_by)
      VALUES (${tenantId}, ${id}, ${v.compoundId}, ${v.committeeId}, ${v.kind}, ${v.title}, ${v.seats}, ${v.termYears}, ${v.createdBy})`);
    return id;
  }

  /**
   * The candidates with their vetting: passed when every required item's latest check passed,
   * failed when any item's latest check failed, else pending. Names and party tags as the caller may see them.
   */
  async candidates(tenantId: string, electionId: string, view: PersonView): Promise<Candidate[]> {
    const list = await rows<Omit<Candidate, 'checks' | 'vetting'> & { partyMember?: boolean | null }>(
      this.db,
      sql`SELECT k.id, k.resident_id AS "residentId",
            CASE WHEN ${inScope(sql`hh.path`, view.roster)} THEN r.name
                 ELSE left(r.name, 1) || repeat('*', GREATEST(1, char_length(r.name) - 1)) END AS name,
            hh.name AS "householdName", k.position,
            CASE WHEN ${inScope(sql`hh.path`, view.sensitive)} THEN ${isPartyMember(sql`k.tenant_id`, sql`k.resident_id`)} END AS "partyMember",
            k.option_no AS "optionNo", k.elected, k.votes, k.area::float8 AS area
          FROM owners_committee_candidate k
          JOIN resident r ON r.tenant_id = k.tenant_id AND r.id = k.resident_id
          LEFT JOIN ${territorySql.nodes('hh')} ON hh.tenant_id = r.tenant_id AND hh.id = r.household_id
          WHERE k.tenant_id = ${tenantId} AND k.election_id = ${electionId}
          ORDER BY k.option_no NULLS LAST, k.created_at, k.id`,
    );
    const checks = await rows<VettingCheck & { candidateId: string }>(
      this.db,
      sql`SELECT v.id, v.candidate_id AS "candidateId", v.item, v.passed, v.note, v.checked_by_name AS "checkedByName",
            to_char(v.checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "checkedAt"
          FROM owners_committee_vetting v JOIN owners_committee_candidate k ON k.tenant_id = v.tenant_id AND k.id = v.candidate_id
          WHERE v.tenant_id = ${tenantId} AND k.election_id = ${electionId} ORDER BY v.checked_at, v.id`,
    );
    return list.map(({ partyMember, ...k }) => {
      const own = checks.filter((c) => c.candidateId === k.id).map(({ candidateId: _, ...c }) => c);
      return { ...k, ...(partyMember === null || partyMember === undefined ? {} : { partyMember }), checks: own, vetting: vettingOf(own) };
    });
  }

  candidateOf(tenantId: string, electionId: string, candidateId: string) {
    return one<{ id: string }>(
      this.db,
      sql`SELECT id FROM owners_committee_candidate WHERE tenant_id = ${tenantId} AND election_id = ${electionId} AND id = ${candidateId}`,
    );
  }

  async isCandidate(tenantId: string, electionId: string, residentId: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM owners_committee_candidate WHERE tenant_id = ${tenantId} AND election_id = ${electionId} AND resident_id = ${residentId}`,
    );
    return row !== undefined;
  }

  /** Full names of the candidates, for the ballot paper and the notices (public documents of the owners' assembly). */
  ballotNames(tenantId: string, electionId: string) {
    return rows<{ id: string; name: string; householdName: string | null; position: MemberPosition; residentId: string }>(
      this.db,
      sql`SELECT k.id, r.name, hh.name AS "householdName", k.position, k.resident_id AS "residentId"
          FROM owners_committee_candidate k
          JOIN resident r ON r.tenant_id = k.tenant_id AND r.id = k.resident_id
          LEFT JOIN ${territorySql.nodes('hh')} ON hh.tenant_id = r.tenant_id AND hh.id = r.household_id
          WHERE k.tenant_id = ${tenantId} AND k.election_id = ${electionId} ORDER BY k.created_at, k.id`,
    );
  }

  async insertCandidate(tenantId: string, v: { electionId: string; residentId: string; position: MemberPosition }): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO owners_committee_candidate (tenant_id, id, election_id, resident_id, position)
      VALUES (${tenantId}, ${id}, ${v.electionId}, ${v.residentId}, ${v.position})`);
    return id;
  }

  async insertCheck(
    tenantId: string,
    v: { candidateId: string; item: VettingItem; passed: boolean; note: string | null; by: string; byName: string },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO owners_committee_vetting (tenant_id, id, candidate_id, item, passed, note, checked_by, checked_by_name)
      VALUES (${tenantId}, ${id}, ${v.candidateId}, ${v.item}, ${v.passed}, ${v.note}, ${v.by}, ${v.byName})`);
    return id;
  }

  async setOptionNo(tenantId: string, candidateId: string, optionNo: number | null): Promise<void> {
    await this.db.execute(
      sql`UPDATE owners_committee_candidate SET option_no = ${optionNo} WHERE tenant_id = ${tenantId} AND id = ${candidateId}`,
    );
  }

  async setVoting(tenantId: string, id: string, ballotId: string): Promise<void> {
    await this.db.execute(
      sql`UPDATE owners_committee_election SET status = 'voting', ballot_id = ${ballotId} WHERE tenant_id = ${tenantId} AND id = ${id}`,
    );
  }

  async setOutcome(tenantId: string, candidateId: string, o: { elected: boolean; votes: number; area: number }): Promise<void> {
    await this.db.execute(sql`UPDATE owners_committee_candidate SET elected = ${o.elected}, votes = ${o.votes}, area = ${o.area}
      WHERE tenant_id = ${tenantId} AND id = ${candidateId}`);
  }

  async close(
    tenantId: string,
    id: string,
    v: { status: 'elected' | 'failed'; newCommitteeId: string | null; result: NonNullable<ElectionDetail['result']> },
  ): Promise<void> {
    await this.db.execute(sql`UPDATE owners_committee_election SET status = ${v.status}, new_committee_id = ${v.newCommitteeId},
        result = ${JSON.stringify(v.result)}::jsonb, closed_at = now() WHERE tenant_id = ${tenantId} AND id = ${id}`);
  }

  notices(tenantId: string, electionId: string): Promise<Notice[]> {
    return rows<Notice>(
      this.db,
      sql`SELECT id, kind, title, body, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "publishedAt"
          FROM owners_committee_notice WHERE tenant_id = ${tenantId} AND election_id = ${electionId} ORDER BY published_at, id`,
    );
  }

  async insertNotice(
    tenantId: string,
    v: { electionId: string; kind: 'candidates' | 'result'; title: string; body: string; by: string },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO owners_committee_notice (tenant_id, id, election_id, kind, title, body, published_by)
      VALUES (${tenantId}, ${id}, ${v.electionId}, ${v.kind}, ${v.title}, ${v.body}, ${v.by})`);
    return id;
  }
}

/** A candidate's vetting from their checks (the latest check of each item counts). */
export function vettingOf(checks: { item: VettingItem; passed: boolean; checkedAt: string }[]): VettingStatus {
  const latest = new Map<VettingItem, boolean>();
  for (const c of [...checks].sort((a, b) => a.checkedAt.localeCompare(b.checkedAt))) latest.set(c.item, c.passed);
  if ([...latest.values()].some((p) => !p)) return 'failed';
  return requiredVettingItems.every((i) => latest.get(i) === true) ? 'passed' : 'pending';
}
