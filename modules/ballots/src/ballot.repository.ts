import { CursorText, CursorTime, inScope, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Ballot, BallotListItem, BallotProxy, BallotResult, TallyEntry } from './contract.ts';
import type { BallotRule } from './decision.ts';

export interface BallotFilter {
  nodeId?: string;
  status?: string;
  subjectKind?: string;
  q?: string;
  sort?: 'title' | '-title' | 'createdAt' | '-createdAt';
}

export const BallotTitleCursor = Type.Tuple([CursorText, Uuid]);
export const BallotTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const cursorFor = (sort: string | undefined) => (sort?.endsWith('title') ? BallotTitleCursor : BallotTimeCursor);

/** The columns a command needs to decide (no names, no scope). */
export interface BallotRow {
  id: string;
  placeId: string;
  placePath: string;
  status: 'draft' | 'open' | 'closed';
  method: 'tally' | 'online';
  voterUnit: 'person' | 'household';
  weighting: 'none' | 'area';
  rule: string;
  quorumNum: number;
  quorumDen: number;
  passNum: number;
  passDen: number;
  passStrict: boolean;
  passBasis: 'votes' | 'voters';
  maxChoices: number;
  maxProxies: number;
  allowChange: boolean;
  anonymous: boolean;
  rollVoters: number | null;
  rollArea: number | null;
  subjectKind: string;
  subjectId: string | null;
  title: string;
}

export function ruleOf(b: BallotRow): BallotRule {
  return {
    quorum: { num: b.quorumNum, den: b.quorumDen },
    pass: { num: b.passNum, den: b.passDen, strict: b.passStrict },
    basis: b.passBasis,
    byArea: b.weighting === 'area',
  };
}

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const rowColumns = sql`b.id, b.place_id AS "placeId", b.place_path::text AS "placePath", b.status, b.method,
  b.voter_unit AS "voterUnit", b.weighting, b.rule, b.quorum_num AS "quorumNum", b.quorum_den AS "quorumDen",
  b.pass_num AS "passNum", b.pass_den AS "passDen", b.pass_strict AS "passStrict", b.pass_basis AS "passBasis",
  b.max_choices AS "maxChoices", b.max_proxies AS "maxProxies", b.allow_change AS "allowChange", b.anonymous,
  b.roll_voters AS "rollVoters", b.roll_area AS "rollArea", b.subject_kind AS "subjectKind", b.subject_id AS "subjectId", b.title`;

const listColumns = sql`b.id, b.title, b.place_id AS "placeId", p.name AS "placeName", b.subject_kind AS "subjectKind",
  b.subject_title AS "subjectTitle", b.method, b.voter_unit AS "voterUnit", b.rule, b.status,
  ${iso(sql`b.created_at`)} AS "createdAt", ${iso(sql`b.closed_at`)} AS "closedAt"`;

/** A voter of the roll and how they appear (a household's name; a resident's household name). */
export interface RollVoter {
  voterId: string;
  householdId: string;
  area: number | null;
  name: string;
}

/** SQL of ballots: the ballot, its options, frozen roll, proxies, participation, choices, totals and typed-in counts. */
export class BallotRepository {
  constructor(private readonly db: Db) {}

  // ---- the ballot

  async insert(
    tenantId: string,
    b: Omit<BallotRow, 'status' | 'rollVoters' | 'rollArea' | 'placePath'> & { subjectTitle: string; createdBy: string },
    options: string[],
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO ballot (tenant_id, id, place_id, place_path, subject_kind, subject_id, subject_title, title,
        method, voter_unit, weighting, rule, quorum_num, quorum_den, pass_num, pass_den, pass_strict, pass_basis,
        max_choices, max_proxies, allow_change, anonymous, created_by)
      VALUES (${tenantId}, ${b.id}, ${b.placeId}, ${territorySql.pathOf(tenantId, b.placeId)}, ${b.subjectKind}, ${b.subjectId},
        ${b.subjectTitle}, ${b.title}, ${b.method}, ${b.voterUnit}, ${b.weighting}, ${b.rule}, ${b.quorumNum}, ${b.quorumDen},
        ${b.passNum}, ${b.passDen}, ${b.passStrict}, ${b.passBasis}, ${b.maxChoices}, ${b.maxProxies}, ${b.allowChange},
        ${b.anonymous}, ${b.createdBy})`);
    await this.db.execute(
      sql`INSERT INTO ballot_option (tenant_id, ballot_id, id, label) VALUES ${sql.join(
        options.map((label, i) => sql`(${tenantId}, ${b.id}, ${i + 1}, ${label})`),
        sql`, `,
      )}`,
    );
  }

  /**
   * The ballot's deciding columns, locked: `share` by a vote (many at once; waits for a close),
   * `update` by open, close and tally entry. In the caller's scope when `scope` is given.
   */
  lock(tenantId: string, id: string, mode: 'share' | 'update', scope?: string[]): Promise<BallotRow | undefined> {
    return one<BallotRow>(
      this.db,
      sql`SELECT ${rowColumns} FROM ballot b WHERE b.tenant_id = ${tenantId} AND b.id = ${id}
        ${scope ? sql`AND ${inScope(sql`b.place_path`, scope)}` : sql``}
        ${mode === 'share' ? sql`FOR SHARE` : sql`FOR UPDATE`}`,
    );
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: BallotFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: BallotListItem[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`b.place_path`, tenantId, filter.nodeId));
    if (filter.status) c.push(sql`b.status = ${filter.status}`);
    if (filter.subjectKind) c.push(sql`b.subject_kind = ${filter.subjectKind}`);
    if (filter.q) c.push(sql`b.title ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    const sort = filter.sort ?? '-createdAt';
    const byTitle = sort.endsWith('title');
    const desc = sort.startsWith('-');
    const key = byTitle ? sql`b.title` : sql`b.created_at`;
    if (page.after) {
      const value = byTitle ? sql`${page.after[0]}` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, b.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, b.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, b.id DESC` : sql`${key}, b.id`;
    const found = await rows<BallotListItem>(
      this.db,
      sql`SELECT ${listColumns} FROM ballot b JOIN ${territorySql.nodes('p')} ON p.tenant_id = b.tenant_id AND p.id = b.place_id
        WHERE b.tenant_id = ${tenantId} AND ${inScope(sql`b.place_path`, scope)} ${c.length ? sql`AND ${sql.join(c, sql` AND `)}` : sql``}
        ORDER BY ${order} LIMIT ${page.limit + 1}`,
    );
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [byTitle ? last.title : last.createdAt, last.id] : null };
  }

  /** The ballot as staff see it (the result only once closed); undefined outside the scope. */
  async detail(tenantId: string, id: string, scope: string[]): Promise<Ballot | undefined> {
    const b = await one<
      Omit<Ballot, 'quorum' | 'pass' | 'options' | 'roll' | 'castSoFar' | 'result'> & BallotRow & { result: BallotResult | null }
    >(
      this.db,
      sql`SELECT ${listColumns}, ${rowColumns}, b.weighting, ${iso(sql`b.opened_at`)} AS "openedAt", b.result
        FROM ballot b JOIN ${territorySql.nodes('p')} ON p.tenant_id = b.tenant_id AND p.id = b.place_id
        WHERE b.tenant_id = ${tenantId} AND b.id = ${id} AND ${inScope(sql`b.place_path`, scope)}`,
    );
    if (!b) return undefined;
    const options = await this.options(tenantId, id);
    const cast = b.status === 'open' && b.method === 'online' ? await this.castCounts(tenantId, id) : null;
    return {
      id: b.id,
      title: b.title,
      placeId: b.placeId,
      placeName: b.placeName,
      subjectKind: b.subjectKind,
      subjectId: b.subjectId,
      subjectTitle: b.subjectTitle,
      method: b.method,
      voterUnit: b.voterUnit,
      weighting: b.weighting,
      rule: b.rule,
      status: b.status,
      createdAt: b.createdAt,
      openedAt: b.openedAt,
      closedAt: b.closedAt,
      quorum: { num: b.quorumNum, den: b.quorumDen },
      pass: { num: b.passNum, den: b.passDen, strict: b.passStrict, basis: b.passBasis },
      maxChoices: b.maxChoices,
      maxProxies: b.maxProxies,
      allowChange: b.allowChange,
      anonymous: b.anonymous,
      options,
      roll: b.rollVoters === null ? null : { voters: b.rollVoters, area: Number(b.rollArea ?? 0) },
      castSoFar: cast ? cast.voters : null,
      result: b.status === 'closed' ? b.result : null,
    };
  }

  options(tenantId: string, id: string): Promise<{ id: number; label: string }[]> {
    return rows(this.db, sql`SELECT id, label FROM ballot_option WHERE tenant_id = ${tenantId} AND ballot_id = ${id} ORDER BY id`);
  }

  /** A closed ballot's stored result (null while it is open), for other modules. */
  async storedResult(tenantId: string, id: string, scope: string[]): Promise<{ status: string; result: BallotResult | null } | undefined> {
    return one(
      this.db,
      sql`SELECT b.status, CASE WHEN b.status = 'closed' THEN b.result END AS result FROM ballot b
        WHERE b.tenant_id = ${tenantId} AND b.id = ${id} AND ${inScope(sql`b.place_path`, scope)}`,
    );
  }

  // ---- opening and closing

  /**
   * Freezes the roll: every household under the place (with its floor area), or every resident
   * living there who has not moved out. Returns its size, area and households without an area.
   */
  async freezeRoll(tenantId: string, b: BallotRow): Promise<{ voters: number; area: number; missingArea: number }> {
    const source =
      b.voterUnit === 'household'
        ? sql`SELECT h.id AS voter_id, h.id AS household_id, h.floor_area AS area FROM ${territorySql.nodes('h')}
            WHERE h.tenant_id = ${tenantId} AND h.kind = 'household' AND h.path <@ ${b.placePath}::ltree`
        : sql`SELECT r.id AS voter_id, r.household_id, NULL::numeric AS area FROM resident r
            JOIN ${territorySql.nodes('h')} ON h.tenant_id = r.tenant_id AND h.id = r.household_id
            WHERE r.tenant_id = ${tenantId} AND r.moved_out_at IS NULL AND h.path <@ ${b.placePath}::ltree`;
    await this.db.execute(sql`INSERT INTO ballot_roll (tenant_id, ballot_id, voter_id, household_id, area)
      SELECT ${tenantId}, ${b.id}, s.voter_id, s.household_id, s.area FROM (${source}) s`);
    const counts = await one<{ voters: number; area: number; missingArea: number }>(
      this.db,
      sql`SELECT count(*)::int AS voters, coalesce(sum(area), 0)::numeric AS area, count(*) FILTER (WHERE area IS NULL)::int AS "missingArea"
        FROM ballot_roll WHERE tenant_id = ${tenantId} AND ballot_id = ${b.id}`,
    );
    return { voters: counts?.voters ?? 0, area: Number(counts?.area ?? 0), missingArea: counts?.missingArea ?? 0 };
  }

  async markOpen(tenantId: string, id: string, roll: { voters: number; area: number }): Promise<void> {
    await this.db.execute(sql`UPDATE ballot SET status = 'open', opened_at = now(), roll_voters = ${roll.voters}, roll_area = ${roll.area}
      WHERE tenant_id = ${tenantId} AND id = ${id}`);
    await this.db.execute(sql`INSERT INTO ballot_total (tenant_id, ballot_id, option_id)
      SELECT tenant_id, ballot_id, id FROM ballot_option WHERE tenant_id = ${tenantId} AND ballot_id = ${id}`);
  }

  async markClosed(tenantId: string, id: string, result: BallotResult): Promise<void> {
    await this.db.execute(sql`UPDATE ballot SET status = 'closed', closed_at = now(), result = ${JSON.stringify(result)}::jsonb
      WHERE tenant_id = ${tenantId} AND id = ${id}`);
  }

  /** Ballots cast online and their floor area (from the roll). */
  async castCounts(tenantId: string, id: string): Promise<{ voters: number; area: number }> {
    const r = await one<{ voters: number; area: number }>(
      this.db,
      sql`SELECT count(*)::int AS voters, coalesce(sum(r.area), 0)::numeric AS area FROM ballot_participation p
        JOIN ballot_roll r ON r.tenant_id = p.tenant_id AND r.ballot_id = p.ballot_id AND r.voter_id = p.voter_id
        WHERE p.tenant_id = ${tenantId} AND p.ballot_id = ${id}`,
    );
    return { voters: r?.voters ?? 0, area: Number(r?.area ?? 0) };
  }

  /** The running totals of each option (online). */
  totals(tenantId: string, id: string): Promise<{ id: number; voters: number; area: number }[]> {
    return rows(
      this.db,
      sql`SELECT option_id AS id, voters, area FROM ballot_total WHERE tenant_id = ${tenantId} AND ballot_id = ${id} ORDER BY option_id`,
    );
  }

  // ---- typed-in counts

  /** The latest version of each line (option 0 = ballots cast). */
  currentTally(tenantId: string, id: string): Promise<{ optionId: number; version: number; voters: number; area: number | null }[]> {
    return rows(
      this.db,
      sql`SELECT DISTINCT ON (option_id) option_id AS "optionId", version, voters, area FROM ballot_tally_entry
        WHERE tenant_id = ${tenantId} AND ballot_id = ${id} ORDER BY option_id, version DESC`,
    );
  }

  async appendTally(
    tenantId: string,
    id: string,
    lines: { optionId: number; version: number; voters: number; area: number | null }[],
    reason: string | null,
    by: { id: string; name: string },
  ): Promise<void> {
    if (lines.length === 0) return;
    await this.db.execute(sql`INSERT INTO ballot_tally_entry (tenant_id, ballot_id, option_id, version, voters, area, reason, entered_by, entered_by_name)
      VALUES ${sql.join(
        lines.map(
          (l) =>
            sql`(${tenantId}, ${id}, ${l.optionId}, ${l.version}, ${l.voters}, ${l.area}, ${l.version === 1 ? null : reason}, ${by.id}, ${by.name})`,
        ),
        sql`, `,
      )}`);
  }

  tallyHistory(tenantId: string, id: string): Promise<TallyEntry[]> {
    return rows(
      this.db,
      sql`SELECT option_id AS "optionId", version, voters, area, reason, entered_by_name AS "enteredByName", ${iso(sql`entered_at`)} AS "enteredAt"
        FROM ballot_tally_entry WHERE tenant_id = ${tenantId} AND ballot_id = ${id} ORDER BY option_id, version`,
    );
  }

  // ---- the roll and proxies

  rollVoter(tenantId: string, ballotId: string, voterId: string): Promise<RollVoter | undefined> {
    return one<RollVoter>(
      this.db,
      sql`SELECT r.voter_id AS "voterId", r.household_id AS "householdId", r.area, h.name FROM ballot_roll r
        JOIN ${territorySql.nodes('h')} ON h.tenant_id = r.tenant_id AND h.id = r.household_id
        WHERE r.tenant_id = ${tenantId} AND r.ballot_id = ${ballotId} AND r.voter_id = ${voterId}::uuid
        FOR UPDATE OF r`,
    );
  }

  proxyOf(tenantId: string, ballotId: string, grantorId: string): Promise<{ holderId: string } | undefined> {
    return one(
      this.db,
      sql`SELECT holder_id AS "holderId" FROM ballot_proxy WHERE tenant_id = ${tenantId} AND ballot_id = ${ballotId} AND grantor_id = ${grantorId}::uuid`,
    );
  }

  async proxyCounts(tenantId: string, ballotId: string, voterId: string): Promise<{ held: number; given: number }> {
    const r = await one<{ held: number; given: number }>(
      this.db,
      sql`SELECT count(*) FILTER (WHERE holder_id = ${voterId}::uuid)::int AS held, count(*) FILTER (WHERE grantor_id = ${voterId}::uuid)::int AS given
        FROM ballot_proxy WHERE tenant_id = ${tenantId} AND ballot_id = ${ballotId}`,
    );
    return { held: r?.held ?? 0, given: r?.given ?? 0 };
  }

  async insertProxy(tenantId: string, ballotId: string, grantorId: string, holderId: string, by: string): Promise<void> {
    await this.db.execute(sql`INSERT INTO ballot_proxy (tenant_id, ballot_id, grantor_id, holder_id, registered_by)
      VALUES (${tenantId}, ${ballotId}, ${grantorId}, ${holderId}, ${by})`);
  }

  proxies(tenantId: string, ballotId: string): Promise<BallotProxy[]> {
    return rows(
      this.db,
      sql`SELECT x.grantor_id AS "grantorId", gh.name AS "grantorName", x.holder_id AS "holderId", hh.name AS "holderName",
          ${iso(sql`x.registered_at`)} AS "registeredAt"
        FROM ballot_proxy x
        JOIN ballot_roll g ON g.tenant_id = x.tenant_id AND g.ballot_id = x.ballot_id AND g.voter_id = x.grantor_id
        JOIN ${territorySql.nodes('gh')} ON gh.tenant_id = g.tenant_id AND gh.id = g.household_id
        JOIN ballot_roll h ON h.tenant_id = x.tenant_id AND h.ballot_id = x.ballot_id AND h.voter_id = x.holder_id
        JOIN ${territorySql.nodes('hh')} ON hh.tenant_id = h.tenant_id AND hh.id = h.household_id
        WHERE x.tenant_id = ${tenantId} AND x.ballot_id = ${ballotId} ORDER BY x.registered_at, x.grantor_id`,
    );
  }

  // ---- voting

  /** Records that a voter took part; false when they already had (the primary key decides, race-free). */
  async insertParticipation(
    tenantId: string,
    ballotId: string,
    voterId: string,
    viaProxy: string | null,
    optionIds: number[] | null,
  ): Promise<boolean> {
    const r = await rows(
      this.db,
      sql`INSERT INTO ballot_participation (tenant_id, ballot_id, voter_id, via_proxy, cast_on, option_ids)
        VALUES (${tenantId}, ${ballotId}, ${voterId}, ${viaProxy}, (now() AT TIME ZONE 'Asia/Shanghai')::date,
          ${
            optionIds === null
              ? null
              : sql`ARRAY[${sql.join(
                  optionIds.map((o) => sql`${o}`),
                  sql`, `,
                )}]::smallint[]`
          })
        ON CONFLICT DO NOTHING RETURNING voter_id`,
    );
    return r.length === 1;
  }

  participation(tenantId: string, ballotId: string, voterId: string): Promise<{ changed: boolean } | undefined> {
    return one(
      this.db,
      sql`SELECT changed FROM ballot_participation WHERE tenant_id = ${tenantId} AND ballot_id = ${ballotId} AND voter_id = ${voterId}::uuid`,
    );
  }

  async markChanged(tenantId: string, ballotId: string, voterId: string, optionIds: number[] | null): Promise<void> {
    await this.db.execute(sql`UPDATE ballot_participation SET changed = true,
        option_ids = ${
          optionIds === null
            ? null
            : sql`ARRAY[${sql.join(
                optionIds.map((o) => sql`${o}`),
                sql`, `,
              )}]::smallint[]`
        }
      WHERE tenant_id = ${tenantId} AND ballot_id = ${ballotId} AND voter_id = ${voterId}::uuid`);
  }

  /** The options stored under a receipt hash (0 = blank); empty when none. */
  async choicesOf(tenantId: string, ballotId: string, receiptHash: string): Promise<number[]> {
    const r = await rows<{ optionId: number }>(
      this.db,
      sql`SELECT option_id AS "optionId" FROM ballot_choice WHERE tenant_id = ${tenantId} AND ballot_id = ${ballotId}
        AND receipt_hash = ${receiptHash} ORDER BY option_id FOR UPDATE`,
    );
    return r.map((x) => x.optionId);
  }

  /** Stores a choice under its receipt hash; false when that hash is already used. */
  async insertChoice(tenantId: string, ballotId: string, receiptHash: string, optionIds: number[]): Promise<boolean> {
    const ids = optionIds.length ? optionIds : [0];
    const r = await rows(
      this.db,
      sql`INSERT INTO ballot_choice (tenant_id, ballot_id, receipt_hash, option_id)
        VALUES ${sql.join(
          ids.map((o) => sql`(${tenantId}, ${ballotId}, ${receiptHash}, ${o})`),
          sql`, `,
        )}
        ON CONFLICT DO NOTHING RETURNING option_id`,
    );
    return r.length === ids.length;
  }

  async deleteChoice(tenantId: string, ballotId: string, receiptHash: string): Promise<void> {
    await this.db.execute(
      sql`DELETE FROM ballot_choice WHERE tenant_id = ${tenantId} AND ballot_id = ${ballotId} AND receipt_hash = ${receiptHash}`,
    );
  }

  /** Adds (sign 1) or takes away (sign −1) one voter and their area on each option, in option order (no deadlock). */
  async addToTotals(tenantId: string, ballotId: string, changes: { optionId: number; sign: 1 | -1 }[], area: number): Promise<void> {
    for (const c of [...changes].sort((a, b) => a.optionId - b.optionId)) {
      if (c.optionId === 0) continue;
      await this.db.execute(sql`UPDATE ballot_total SET voters = voters + ${c.sign}, area = area + ${c.sign * area}
        WHERE tenant_id = ${tenantId} AND ballot_id = ${ballotId} AND option_id = ${c.optionId}`);
    }
  }

  // ---- the resident's side

  /**
   * The caller's votes on open or closed ballots: their households (resident grants) or their
   * resident record on each roll, and the voters whose proxy they hold.
   */
  myVoters(
    tenantId: string,
    accountId: string,
    householdIds: string[],
    ballotId?: string,
  ): Promise<{ ballotId: string; voterId: string; name: string; proxy: boolean; voted: boolean; changed: boolean }[]> {
    const own = sql`SELECT r.ballot_id, r.voter_id FROM ballot_roll r JOIN ballot b ON b.tenant_id = r.tenant_id AND b.id = r.ballot_id
      WHERE r.tenant_id = ${tenantId} AND b.status <> 'draft' ${ballotId ? sql`AND r.ballot_id = ${ballotId}::uuid` : sql``}
        AND ((b.voter_unit = 'household' AND r.voter_id IN (${
          householdIds.length
            ? sql.join(
                householdIds.map((h) => sql`${h}::uuid`),
                sql`, `,
              )
            : sql`NULL`
        }))
          OR (b.voter_unit = 'person' AND r.voter_id IN (SELECT id FROM resident WHERE tenant_id = ${tenantId} AND account_id = ${accountId}::uuid)))`;
    return rows(
      this.db,
      sql`WITH mine AS (${own}),
        held AS (SELECT x.ballot_id, x.grantor_id AS voter_id FROM ballot_proxy x JOIN mine m ON m.ballot_id = x.ballot_id AND m.voter_id = x.holder_id
          WHERE x.tenant_id = ${tenantId}),
        every AS (SELECT ballot_id, voter_id, false AS proxy FROM mine UNION ALL SELECT ballot_id, voter_id, true FROM held)
      SELECT e.ballot_id AS "ballotId", e.voter_id AS "voterId", h.name, e.proxy, p.voter_id IS NOT NULL AS voted, coalesce(p.changed, false) AS changed
        FROM every e
        JOIN ballot_roll r ON r.tenant_id = ${tenantId} AND r.ballot_id = e.ballot_id AND r.voter_id = e.voter_id
        JOIN ${territorySql.nodes('h')} ON h.tenant_id = r.tenant_id AND h.id = r.household_id
        LEFT JOIN ballot_participation p ON p.tenant_id = r.tenant_id AND p.ballot_id = r.ballot_id AND p.voter_id = r.voter_id
        ORDER BY e.proxy, h.name`,
    );
  }

  /** The ballots a resident takes part in (open, or closed within 90 days), newest first. */
  myBallots(
    tenantId: string,
    ids: string[],
  ): Promise<
    {
      id: string;
      title: string;
      subjectTitle: string;
      placeName: string;
      status: string;
      voterUnit: string;
      maxChoices: number;
      allowChange: boolean;
      anonymous: boolean;
      result: BallotResult | null;
    }[]
  > {
    if (ids.length === 0) return Promise.resolve([]);
    return rows(
      this.db,
      sql`SELECT b.id, b.title, b.subject_title AS "subjectTitle", p.name AS "placeName", b.status, b.voter_unit AS "voterUnit",
          b.max_choices AS "maxChoices", b.allow_change AS "allowChange", b.anonymous,
          CASE WHEN b.status = 'closed' THEN b.result END AS result
        FROM ballot b JOIN ${territorySql.nodes('p')} ON p.tenant_id = b.tenant_id AND p.id = b.place_id
        WHERE b.tenant_id = ${tenantId} AND b.id IN (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})
          AND (b.status = 'open' OR b.closed_at > now() - interval '90 days')
        ORDER BY b.status DESC, coalesce(b.closed_at, b.opened_at) DESC`,
    );
  }
}
