import { maskPersonalText } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import type { BoardEntry, BoardSummary } from './board.contract.ts';

const DONE = sql`('resolved', 'evaluated', 'closed')`;

/**
 * Text shown on the public board with what could identify someone taken out: the reporter's name and
 * everything core's personal-data masker finds (phones, ID numbers, long digit runs, doors, labelled
 * names) — the same masker as Open311.
 */
export function anonymise(text: string, names: readonly string[] = []): string {
  return maskPersonalText(text, names);
}

interface EntryRow {
  number: string;
  category_name: string;
  place: string[];
  title: string;
  result: string | null;
  reporter_name: string | null;
  submitted_at: Date | string;
  resolved_at: Date | string;
  satisfaction: BoardEntry['satisfaction'];
  level: BoardEntry['level'];
}

/**
 * The public notice board of a community (公示栏): its resolved public demands (PUBLISHABLE) without
 * anybody's name, contact or door; the month's figures count every demand (numbers only). A place is named down to the building at most; a demand about a household or an
 * entrance shows its building.
 */
export class BoardRepository {
  constructor(private readonly db: Db) {}

  async community(
    tenantId: string,
    communityId: string,
  ): Promise<{ tenantId: string; id: string; name: string; path: string } | undefined> {
    return one(
      this.db,
      sql`SELECT tenant_id AS "tenantId", id, name, path::text AS path FROM ${territorySql.nodes('tn')}
          WHERE tenant_id = ${tenantId} AND id = ${communityId}::uuid AND kind = 'community'`,
    );
  }

  async entries(c: { tenantId: string; path: string }, options: { limit: number; before?: Date }): Promise<BoardEntry[]> {
    const list = await rows<EntryRow>(
      this.db,
      sql`SELECT d.number, cat.name AS category_name, d.title, d.result, d.reporter_name, d.submitted_at, d.resolved_at,
                 d.satisfaction, d.level,
                 ARRAY(SELECT a.name FROM ${territorySql.nodes('a')}
                       WHERE a.tenant_id = d.tenant_id AND a.path @> d.node_path AND a.path <@ ${c.path}::ltree
                         AND a.kind IN ('compound', 'building')
                       ORDER BY nlevel(a.path)) AS place
          FROM demand d JOIN demand_category cat ON cat.tenant_id = d.tenant_id AND cat.id = d.category_id
          WHERE d.tenant_id = ${c.tenantId} AND d.node_path <@ ${c.path}::ltree AND d.status IN ${DONE}
            AND d.resolved_at IS NOT NULL AND cat.is_public AND NOT d.staff_only
            ${options.before ? sql`AND d.resolved_at < ${options.before.toISOString()}::timestamptz` : sql``}
          ORDER BY d.resolved_at DESC, d.id DESC
          LIMIT ${options.limit}`,
    );
    return list.map((r) => {
      const names = r.reporter_name ? [r.reporter_name] : [];
      return {
        number: r.number,
        category: r.category_name,
        place: r.place,
        title: anonymise(r.title, names),
        result: r.result === null ? null : anonymise(r.result, names),
        submittedAt: new Date(r.submitted_at).toISOString(),
        resolvedAt: new Date(r.resolved_at).toISOString(),
        satisfaction: r.satisfaction,
        level: r.level,
      };
    });
  }

  /** This community's figures over a period: demands taken in, resolved, on time, and satisfaction. */
  async summary(c: { tenantId: string; path: string }, from: Date, to: Date): Promise<BoardSummary> {
    const row = await one<{ received: number; resolved: number; on_time: number; evaluated: number; satisfied: number }>(
      this.db,
      sql`SELECT count(*)::int AS received,
                 count(*) FILTER (WHERE d.resolved_at IS NOT NULL)::int AS resolved,
                 count(*) FILTER (WHERE d.resolved_at IS NOT NULL AND d.resolved_at <= d.resolve_due_at)::int AS on_time,
                 count(*) FILTER (WHERE d.satisfaction IS NOT NULL)::int AS evaluated,
                 count(*) FILTER (WHERE d.satisfaction IN ('satisfied', 'basically_satisfied'))::int AS satisfied
          FROM demand d
          WHERE d.tenant_id = ${c.tenantId} AND d.node_path <@ ${c.path}::ltree AND d.status NOT IN ('rejected', 'merged')
            AND d.submitted_at >= ${from.toISOString()}::timestamptz AND d.submitted_at < ${to.toISOString()}::timestamptz`,
    );
    const r = row ?? { received: 0, resolved: 0, on_time: 0, evaluated: 0, satisfied: 0 };
    const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      received: r.received,
      resolved: r.resolved,
      resolutionRate: rate(r.resolved, r.received),
      onTimeRate: rate(r.on_time, r.resolved),
      satisfactionRate: rate(r.satisfied, r.evaluated),
    };
  }
}
