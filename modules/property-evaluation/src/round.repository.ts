import { CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { MyEvaluation, RankingRow, Round } from './contract.ts';
import { type Dimension, dimensions, scoreOf } from './vocabulary.ts';

export const RoundCursor = Type.Tuple([CursorTime, Uuid]);

export interface RoundFilter {
  nodeId?: string;
  status?: 'open' | 'closed';
  sort?: 'createdAt' | '-createdAt';
}

type Stars = Record<Dimension, number>;

/**
 * SQL of evaluation rounds and their ratings (one aggregate: a rating belongs to its round). A round is
 * visible where its place is in the caller's scope; a resident sees the rounds above their household.
 */
export class RoundRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT r.id, r.node_id AS "nodeId", n.name AS "nodeName", r.period, r.opens_on::text AS "opensOn",
        r.closes_on::text AS "closesOn", r.status,
        (SELECT count(*)::int FROM property_evaluation_rating x WHERE x.tenant_id = r.tenant_id AND x.round_id = r.id) AS ratings,
        to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"
      FROM property_evaluation_round r JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
      WHERE r.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: RoundFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Round[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    if (filter.status) c.push(sql`r.status = ${filter.status}`);
    const desc = (filter.sort ?? '-createdAt').startsWith('-');
    if (page.after) {
      const [at, id] = page.after;
      c.push(
        desc
          ? sql`(r.created_at, r.id) < (${at}::timestamptz, ${id}::uuid)`
          : sql`(r.created_at, r.id) > (${at}::timestamptz, ${id}::uuid)`,
      );
    }
    const order = desc ? sql`r.created_at DESC, r.id DESC` : sql`r.created_at, r.id`;
    const found = await rows<Round>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [last.createdAt, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<Round | undefined> {
    return one<Round>(this.db, this.select(tenantId, scope, [sql`r.id = ${id}`]));
  }

  async periodTaken(tenantId: string, nodeId: string, period: string): Promise<boolean> {
    const row = await one<{ taken: boolean }>(
      this.db,
      sql`SELECT EXISTS (SELECT 1 FROM property_evaluation_round WHERE tenant_id = ${tenantId} AND node_id = ${nodeId} AND period = ${period}) AS taken`,
    );
    return row?.taken === true;
  }

  async insert(tenantId: string, input: { nodeId: string; period: string; opensOn: string; closesOn: string; createdBy?: string }) {
    const id = newId();
    await this.db.execute(sql`INSERT INTO property_evaluation_round (tenant_id, id, node_id, period, opens_on, closes_on, created_by)
      VALUES (${tenantId}, ${id}, ${input.nodeId}, ${input.period}, ${input.opensOn}::date, ${input.closesOn}::date, ${input.createdBy ?? null})
      ON CONFLICT DO NOTHING`);
    return id;
  }

  /** Closes an open round; false when it was closed already. */
  async close(tenantId: string, id: string): Promise<boolean> {
    const done = await rows<{ id: string }>(
      this.db,
      sql`UPDATE property_evaluation_round SET status = 'closed', closed_at = now()
          WHERE tenant_id = ${tenantId} AND id = ${id} AND status = 'open' RETURNING id`,
    );
    return done.length === 1;
  }

  /** The open round over a household (the nearest place first), within its dates on the China day `today`. */
  openRoundOver(
    tenantId: string,
    householdPath: string,
    today: string,
  ): Promise<{ id: string; period: string; closesOn: string } | undefined> {
    return one(
      this.db,
      sql`SELECT r.id, r.period, r.closes_on::text AS "closesOn" FROM property_evaluation_round r
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          WHERE r.tenant_id = ${tenantId} AND r.status = 'open' AND ${householdPath}::ltree <@ n.path
            AND r.opens_on <= ${today}::date AND r.closes_on >= ${today}::date
          ORDER BY nlevel(n.path) DESC, r.opens_on DESC LIMIT 1`,
    );
  }

  /** The round, if open, over this household path (for rating): its status and dates. */
  roundOver(tenantId: string, roundId: string, householdPath: string) {
    return one<{ id: string; period: string; status: 'open' | 'closed'; opensOn: string; closesOn: string }>(
      this.db,
      sql`SELECT r.id, r.period, r.status, r.opens_on::text AS "opensOn", r.closes_on::text AS "closesOn" FROM property_evaluation_round r
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          WHERE r.tenant_id = ${tenantId} AND r.id = ${roundId} AND ${householdPath}::ltree <@ n.path`,
    );
  }

  /** The company serving a compound now (from its property profile), if any. */
  companyOf(tenantId: string, compoundId: string): Promise<{ id: string; name: string } | undefined> {
    return one(
      this.db,
      sql`SELECT c.id, c.name FROM property_profile p JOIN property_company c ON c.tenant_id = p.tenant_id AND c.id = p.company_id
          WHERE p.tenant_id = ${tenantId} AND p.compound_id = ${compoundId}`,
    );
  }

  /**
   * Whether the account took a handling action (start 开始办理, resolve 办结) on a demand located in the
   * compound (path) between the two China days. Reads demand and demand_event (declared in the manifest's
   * reads): the demands interface has no question "who handled this place's demands", and this is one
   * EXISTS on the timeline's primary key per rating.
   */
  async handledDemandsIn(tenantId: string, accountId: string, compoundPath: string, from: string, to: string): Promise<boolean> {
    const row = await one<{ handled: boolean }>(
      this.db,
      sql`SELECT EXISTS (SELECT 1 FROM demand d JOIN demand_event e ON e.tenant_id = d.tenant_id AND e.demand_id = d.id
            WHERE d.tenant_id = ${tenantId} AND d.node_path <@ ${compoundPath}::ltree
              AND e.actor_id = ${accountId}::uuid AND e.action IN ('start', 'resolve')
              AND e.at >= ${`${from}T00:00:00+08:00`}::timestamptz AND e.at < ${`${to}T00:00:00+08:00`}::timestamptz + interval '1 day') AS handled`,
    );
    return row?.handled === true;
  }

  /** Adds a household's rating; false when the household has rated in this round already. */
  async addRating(
    tenantId: string,
    input: Stars & {
      roundId: string;
      compoundId: string;
      householdId: string;
      accountId: string | null;
      company: { id: string; name: string } | undefined;
      comment: string | null;
    },
  ): Promise<boolean> {
    const added = await rows<{ id: string }>(
      this.db,
      sql`INSERT INTO property_evaluation_rating (tenant_id, id, round_id, compound_id, household_id, account_id, company_id, company_name,
            cleaning, security, greening, repairs, manners, fees, comment)
          VALUES (${tenantId}, ${newId()}, ${input.roundId}, ${input.compoundId}, ${input.householdId}, ${input.accountId},
            ${input.company?.id ?? null}, ${input.company?.name ?? null}, ${input.cleaning}, ${input.security}, ${input.greening},
            ${input.repairs}, ${input.manners}, ${input.fees}, ${input.comment})
          ON CONFLICT (tenant_id, round_id, household_id) DO NOTHING RETURNING id`,
    );
    return added.length === 1;
  }

  myRating(tenantId: string, roundId: string, householdId: string): Promise<MyEvaluation['myRating'] | undefined> {
    return one(
      this.db,
      sql`SELECT cleaning, security, greening, repairs, manners, fees, comment,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"
          FROM property_evaluation_rating WHERE tenant_id = ${tenantId} AND round_id = ${roundId} AND household_id = ${householdId}`,
    );
  }

  /** The last closed round over a household path. */
  lastClosedOver(tenantId: string, householdPath: string): Promise<{ id: string; period: string; placeName: string } | undefined> {
    return one(
      this.db,
      sql`SELECT r.id, r.period, n.name AS "placeName" FROM property_evaluation_round r JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          WHERE r.tenant_id = ${tenantId} AND r.status = 'closed' AND ${householdPath}::ltree <@ n.path
          ORDER BY r.closes_on DESC, nlevel(n.path) DESC LIMIT 1`,
    );
  }

  /**
   * The round's ranking by compound or by company: ratings, households and coverage, the average of
   * every dimension and the score out of 100, ranked by score (ties: more ratings first, then name).
   */
  async ranking(
    tenantId: string,
    roundId: string,
    by: 'compound' | 'company',
    filter: { nodeId?: string; minRatings?: number },
  ): Promise<RankingRow[]> {
    const sums = sql.join(
      dimensions.map((d) => sql`sum(x.${sql.identifier(d)})::int AS ${sql.identifier(d)}`),
      sql`, `,
    );
    const place = filter.nodeId ? sql`AND ${territorySql.underNode(sql`k.path`, tenantId, filter.nodeId)}` : sql``;
    // One row per compound and company rated (a compound changing company within a round rates both).
    const groups = await rows<Record<string, unknown>>(
      this.db,
      sql`SELECT k.id::text AS "compoundId", k.name AS "compoundName", c.name AS "communityName",
            x.company_id::text AS "companyId", max(x.company_name) AS "companyName", count(*)::int AS ratings,
            (SELECT count(*)::int FROM ${territorySql.nodes('h')} WHERE h.tenant_id = k.tenant_id AND h.kind = 'household' AND h.path <@ k.path) AS households,
            ${sums}
          FROM property_evaluation_rating x
          JOIN ${territorySql.nodes('k')} ON k.tenant_id = x.tenant_id AND k.id = x.compound_id
          JOIN ${territorySql.nodes('c')} ON c.tenant_id = k.tenant_id AND c.id = k.parent_id
          WHERE x.tenant_id = ${tenantId} AND x.round_id = ${roundId} ${place}
          GROUP BY k.tenant_id, k.id, k.name, k.path, c.name, x.company_id`,
    );
    interface Acc {
      id: string;
      name: string;
      communityName: string;
      compounds: Map<string, number>;
      ratings: number;
      sums: Stars;
    }
    const acc = new Map<string, Acc>();
    for (const g of groups) {
      const key = by === 'compound' ? String(g.compoundId) : String(g.companyId ?? '');
      let a = acc.get(key);
      if (!a) {
        a = {
          id: key,
          name: by === 'compound' ? String(g.compoundName) : String(g.companyName ?? ''),
          communityName: by === 'compound' ? String(g.communityName) : '',
          compounds: new Map(),
          ratings: 0,
          sums: Object.fromEntries(dimensions.map((d) => [d, 0])) as Stars,
        };
        acc.set(key, a);
      }
      a.compounds.set(String(g.compoundId), Number(g.households));
      a.ratings += Number(g.ratings);
      for (const d of dimensions) a.sums[d] += Number(g[d]);
    }
    const shaped: RankingRow[] = [...acc.values()]
      .map((a) => {
        const averages = Object.fromEntries(dimensions.map((d) => [d, Math.round((a.sums[d] / a.ratings) * 100) / 100])) as Stars;
        const households = [...a.compounds.values()].reduce((n, h) => n + h, 0);
        return {
          rank: 0,
          id: a.id,
          name: a.name,
          communityName: a.communityName,
          compounds: a.compounds.size,
          ratings: a.ratings,
          households,
          coverage: households > 0 ? Math.round((a.ratings / households) * 1000) / 1000 : null,
          averages,
          score: scoreOf(dimensions.map((d) => a.sums[d] / a.ratings)),
        };
      })
      .filter((r) => r.ratings >= (filter.minRatings ?? 0));
    shaped.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.ratings - a.ratings || a.name.localeCompare(b.name, 'zh-CN'));
    shaped.forEach((r, i) => {
      r.rank = i + 1;
    });
    return shaped;
  }
}
