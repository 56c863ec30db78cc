import { CursorText, CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Topic, TopicAdviser, TopicEvent } from './contract.ts';
import { type AdviserRole, finishedStatuses, type Redirect, type TopicLevel, type TopicSource, type TopicStatus } from './vocabulary.ts';

export interface TopicFilter {
  nodeId?: string;
  status?: TopicStatus;
  level?: TopicLevel;
  source?: TopicSource;
  kindCode?: string;
  redProject?: boolean;
  overdue?: boolean;
  q?: string;
  sort?: 'submittedAt' | '-submittedAt' | 'supportCount' | '-supportCount' | 'dueAt' | '-dueAt';
}

export const TopicTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const TopicCountCursor = Type.Tuple([CursorText, Uuid]);
export const topicCursorFor = (sort: string | undefined) => (sort?.endsWith('supportCount') ? TopicCountCursor : TopicTimeCursor);

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** The sort key of a topic without deadline, so the cursor of a list sorted by deadline is a time. */
const NO_DUE = '9999-12-31T00:00:00.000Z';
/** Statuses in which the decision deadline runs. */
const RUNNING = sql`('pooled', 'scheduled', 'deliberated', 'escalated', 'admissible', 'deferred')`;

/** The topic as the runner and the commands need it. */
export interface TopicRecord {
  id: string;
  number: string;
  title: string;
  status: TopicStatus;
  level: TopicLevel;
  nodeId: string;
  nodePath: string;
  redProject: boolean;
  parties: number | null;
  supportCount: number;
  kindCode: string | null;
  demandId: string | null;
  version: number;
  submittedAt: Date;
}

export interface TopicChange {
  status?: TopicStatus;
  level?: TopicLevel;
  kindCode?: string | null;
  exclusionReason?: string | null;
  redirect?: Redirect | null;
  redirectNote?: string | null;
  redirectDemandId?: string | null;
  mergedIntoId?: string | null;
  redProject?: boolean;
  parties?: number | null;
  dueAt?: Date | null;
  screenedAt?: Date;
  decidedAt?: Date;
  resolvedAt?: Date;
  satisfaction?: number | null;
  supportCount?: number;
}

const columns: Record<keyof TopicChange, string> = {
  status: 'status',
  level: 'level',
  kindCode: 'kind_code',
  exclusionReason: 'exclusion_reason',
  redirect: 'redirect',
  redirectNote: 'redirect_note',
  redirectDemandId: 'redirect_demand_id',
  mergedIntoId: 'merged_into_id',
  redProject: 'red_project',
  parties: 'parties',
  dueAt: 'due_at',
  screenedAt: 'screened_at',
  decidedAt: 'decided_at',
  resolvedAt: 'resolved_at',
  satisfaction: 'satisfaction',
  supportCount: 'support_count',
};

export interface TopicInsert {
  title: string;
  description: string;
  source: TopicSource;
  sourceNote: string | null;
  demandId: string | null;
  nodeId: string;
  nodePath: string;
  level: TopicLevel;
  stationId: string | null;
  parties: number | null;
  proposerAccountId: string | null;
  proposerHouseholdId: string | null;
  createdBy: string | null;
  submittedAt: Date;
}

/** All SQL of topics, their sources, supports, advisers and timeline. Reads carry the tenant and the scope. */
export class TopicRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, conditions: SQL[], detail = false): SQL {
    return sql`SELECT t.id, t.number, t.title, t.source, t.status, t.level, t.node_id AS "nodeId", n.name AS "nodeName",
        ARRAY(SELECT a.name FROM ${territorySql.nodes('a')}
              WHERE a.tenant_id = t.tenant_id AND a.id = ANY (string_to_array(t.node_path::text, '.')::uuid[]) AND a.kind <> 'county'
              ORDER BY a.depth) AS "locationPath",
        t.kind_code AS "kindCode", k.name AS "kindName", t.red_project AS "redProject", t.support_count AS "supportCount",
        t.demand_id AS "demandId", t.redirect, t.redirect_demand_id AS "redirectDemandId", t.merged_into_id AS "mergedIntoId",
        ${iso(sql`t.due_at`)} AS "dueAt",
        (t.due_at IS NOT NULL AND t.due_at < now() AND t.status IN ${RUNNING}) AS overdue,
        ${iso(sql`t.submitted_at`)} AS "submittedAt", ${iso(sql`t.decided_at`)} AS "decidedAt", t.version
        ${
          detail
            ? sql`, t.description, t.source_note AS "sourceNote", t.exclusion_reason AS "exclusionReason",
                 t.redirect_note AS "redirectNote", t.parties, t.station_id AS "stationId", t.node_path::text AS "nodePath"`
            : sql``
        }
      FROM deliberation_topic t
      JOIN ${territorySql.nodes('n')} ON n.tenant_id = t.tenant_id AND n.id = t.node_id
      LEFT JOIN deliberation_scope_kind k ON k.tenant_id = t.tenant_id AND k.code = t.kind_code
      WHERE t.tenant_id = ${tenantId} AND ${sql.join(conditions, sql` AND `)}`;
  }

  private conditions(tenantId: string, filter: TopicFilter): SQL[] {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`t.node_path`, tenantId, filter.nodeId));
    if (filter.status) c.push(sql`t.status = ${filter.status}`);
    if (filter.level) c.push(sql`t.level = ${filter.level}`);
    if (filter.source) c.push(sql`t.source = ${filter.source}`);
    if (filter.kindCode) c.push(sql`t.kind_code = ${filter.kindCode}`);
    if (filter.redProject !== undefined) c.push(sql`t.red_project = ${filter.redProject}`);
    if (filter.overdue !== undefined) {
      const overdue = sql`(t.due_at IS NOT NULL AND t.due_at < now() AND t.status IN ${RUNNING})`;
      c.push(filter.overdue ? overdue : sql`NOT ${overdue}`);
    }
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      c.push(sql`(t.title ILIKE ${like} OR t.number ILIKE ${like})`);
    }
    return c;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: TopicFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Topic[]; next: [string, string] | null }> {
    const c = [inScope(sql`t.node_path`, scope), ...this.conditions(tenantId, filter)];
    const sort = filter.sort ?? '-submittedAt';
    const desc = sort.startsWith('-');
    const field = sort.replace('-', '');
    const key =
      field === 'supportCount'
        ? sql`t.support_count`
        : field === 'dueAt'
          ? sql`coalesce(t.due_at, ${NO_DUE}::timestamptz)`
          : sql`t.submitted_at`;
    if (page.after) {
      const value = field === 'supportCount' ? sql`${Number(page.after[0])}::int` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, t.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, t.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, t.id DESC` : sql`${key}, t.id`;
    const found = await rows<Topic>(this.db, sql`${this.select(tenantId, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    const cursorValue = (t: Topic) =>
      field === 'supportCount' ? String(t.supportCount) : field === 'dueAt' ? (t.dueAt ?? NO_DUE) : t.submittedAt;
    return { items, next: last ? [cursorValue(last), last.id] : null };
  }

  /** One topic as lists show it, with the detail's own fields; undefined outside the scope. */
  /** `above`: paths (a resident's compounds) whose topics, and those of the places above them, are visible too. */
  async findDetail(tenantId: string, id: string, scope: string[], above: string[] = []) {
    const visible = above.length
      ? sql`(${inScope(sql`t.node_path`, scope)} OR ${sql.join(
          above.map((p) => sql`t.node_path @> ${p}::ltree`),
          sql` OR `,
        )})`
      : inScope(sql`t.node_path`, scope);
    return one<
      Topic & {
        description: string;
        sourceNote: string | null;
        exclusionReason: string | null;
        redirectNote: string | null;
        parties: number | null;
        stationId: string | null;
        nodePath: string;
      }
    >(this.db, this.select(tenantId, [sql`t.id = ${id}::uuid`, visible], true));
  }

  findSummary(tenantId: string, id: string): Promise<Topic | undefined> {
    return one<Topic>(this.db, this.select(tenantId, [sql`t.id = ${id}::uuid`]));
  }

  /** The topic the runner acts on, locked for the rest of the transaction; undefined outside `scope`. */
  async findRecord(tenantId: string, id: string, scope: string[]): Promise<TopicRecord | undefined> {
    const row = await one<TopicRecord & { submittedAt: string | Date }>(
      this.db,
      sql`SELECT id, number, title, status, level, node_id AS "nodeId", node_path::text AS "nodePath", red_project AS "redProject",
            parties, support_count AS "supportCount", kind_code AS "kindCode", demand_id AS "demandId", version,
            submitted_at AS "submittedAt"
          FROM deliberation_topic WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND ${inScope(sql`node_path`, scope)}
          FOR UPDATE`,
    );
    return row ? { ...row, submittedAt: new Date(row.submittedAt) } : undefined;
  }

  /** The topic, locked, if its place contains one of `paths` (a resident's households). */
  async findRecordAbove(tenantId: string, id: string, paths: string[]): Promise<TopicRecord | undefined> {
    if (paths.length === 0) return undefined;
    const row = await one<TopicRecord & { submittedAt: string | Date }>(
      this.db,
      sql`SELECT id, number, title, status, level, node_id AS "nodeId", node_path::text AS "nodePath", red_project AS "redProject",
            parties, support_count AS "supportCount", kind_code AS "kindCode", demand_id AS "demandId", version,
            submitted_at AS "submittedAt"
          FROM deliberation_topic WHERE tenant_id = ${tenantId} AND id = ${id}::uuid
            AND (${sql.join(
              paths.map((p) => sql`node_path @> ${p}::ltree`),
              sql` OR `,
            )})
          FOR UPDATE`,
    );
    return row ? { ...row, submittedAt: new Date(row.submittedAt) } : undefined;
  }

  /** Next number of the year: YT2026-00001. */
  async insert(tenantId: string, t: TopicInsert): Promise<{ id: string; number: string }> {
    const id = newId();
    const year = new Date(t.submittedAt.getTime() + 8 * 3_600_000).getUTCFullYear();
    const prefix = `YT${year}-`;
    const row = await one<{ number: string }>(
      this.db,
      sql`INSERT INTO deliberation_topic (tenant_id, id, number, title, description, source, source_note, demand_id, node_id, node_path,
            level, station_id, parties, proposer_account_id, proposer_household_id, created_by, submitted_at)
          SELECT ${tenantId}, ${id}::uuid,
            ${prefix} || lpad((coalesce(max(substr(number, ${prefix.length + 1})::int), 0) + 1)::text, 5, '0'),
            ${t.title}, ${t.description}, ${t.source}, ${t.sourceNote}, ${t.demandId}::uuid, ${t.nodeId}::uuid, ${t.nodePath}::ltree,
            ${t.level}, ${t.stationId}::uuid, ${t.parties}, ${t.proposerAccountId}::uuid, ${t.proposerHouseholdId}::uuid, ${t.createdBy}::uuid,
            ${t.submittedAt.toISOString()}::timestamptz
          FROM deliberation_topic WHERE tenant_id = ${tenantId} AND number LIKE ${`${prefix}%`}
          RETURNING number`,
    );
    await this.addSource(tenantId, id, {
      source: t.source,
      note: t.sourceNote,
      demandId: t.demandId,
      recordedBy: t.createdBy,
      at: t.submittedAt,
    });
    return { id, number: row?.number ?? '' };
  }

  /** Applies a change if the topic is still at `version`; false when someone else changed it first. */
  async update(tenantId: string, id: string, version: number, change: TopicChange): Promise<boolean> {
    const sets = (Object.keys(change) as (keyof TopicChange)[])
      .filter((k) => change[k] !== undefined)
      .map((k) => {
        const v = change[k];
        const value = v instanceof Date ? sql`${v.toISOString()}::timestamptz` : sql`${v as string | number | boolean | null}`;
        return sql`${sql.raw(columns[k])} = ${value}`;
      });
    const updated = await rows<{ id: string }>(
      this.db,
      sql`UPDATE deliberation_topic SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
          WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND version = ${version} RETURNING id`,
    );
    return updated.length === 1;
  }

  /** The support count alone: supports do not change the version staff act on. */
  async setSupportCount(tenantId: string, id: string, supportCount: number): Promise<void> {
    await this.db.execute(
      sql`UPDATE deliberation_topic SET support_count = ${supportCount} WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`,
    );
  }

  async appendEvent(
    tenantId: string,
    topicId: string,
    e: {
      actorId: string | null;
      actorName: string | null;
      action: string;
      fromStatus: string | null;
      toStatus: string;
      note?: string | null;
      data?: Record<string, unknown>;
      at?: Date;
    },
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO deliberation_topic_event (tenant_id, topic_id, seq, actor_id, actor_name, action, from_status, to_status, note, data, at)
      SELECT ${tenantId}, ${topicId}::uuid, coalesce(max(seq), 0) + 1, ${e.actorId}::uuid, ${e.actorName}, ${e.action}, ${e.fromStatus},
             ${e.toStatus}, ${e.note ?? null}, ${JSON.stringify(e.data ?? {})}::jsonb, ${(e.at ?? new Date()).toISOString()}::timestamptz
      FROM deliberation_topic_event WHERE tenant_id = ${tenantId} AND topic_id = ${topicId}::uuid`);
  }

  timeline(tenantId: string, topicId: string): Promise<TopicEvent[]> {
    return rows<TopicEvent>(
      this.db,
      sql`SELECT seq, actor_name AS "actorName", action, from_status AS "fromStatus", to_status AS "toStatus", note, data, ${iso(sql`at`)} AS at
          FROM deliberation_topic_event WHERE tenant_id = ${tenantId} AND topic_id = ${topicId}::uuid ORDER BY seq`,
    );
  }

  async addSource(
    tenantId: string,
    topicId: string,
    s: { source: TopicSource; note: string | null; demandId: string | null; recordedBy: string | null; at?: Date },
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO deliberation_topic_source (tenant_id, id, topic_id, source, note, demand_id, recorded_by, recorded_at)
      VALUES (${tenantId}, ${newId()}::uuid, ${topicId}::uuid, ${s.source}, ${s.note}, ${s.demandId}::uuid, ${s.recordedBy}::uuid,
              ${(s.at ?? new Date()).toISOString()}::timestamptz)`);
  }

  sources(tenantId: string, topicId: string) {
    return rows<{ id: string; source: TopicSource; note: string | null; demandId: string | null; recordedAt: string }>(
      this.db,
      sql`SELECT id, source, note, demand_id AS "demandId", ${iso(sql`recorded_at`)} AS "recordedAt"
          FROM deliberation_topic_source WHERE tenant_id = ${tenantId} AND topic_id = ${topicId}::uuid ORDER BY recorded_at, id`,
    );
  }

  advisers(tenantId: string, topicId: string): Promise<TopicAdviser[]> {
    return rows<TopicAdviser>(
      this.db,
      sql`SELECT id, role, name, organisation, ${iso(sql`added_at`)} AS "addedAt"
          FROM deliberation_topic_adviser WHERE tenant_id = ${tenantId} AND topic_id = ${topicId}::uuid ORDER BY added_at, id`,
    );
  }

  async addAdviser(
    tenantId: string,
    topicId: string,
    a: { role: AdviserRole; name: string; organisation: string | null; addedBy: string },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO deliberation_topic_adviser (tenant_id, id, topic_id, role, name, organisation, added_by)
      VALUES (${tenantId}, ${id}::uuid, ${topicId}::uuid, ${a.role}, ${a.name}, ${a.organisation}, ${a.addedBy}::uuid)`);
    return id;
  }

  /** Records one household's support; false when the household already supports the topic. */
  async addSupport(tenantId: string, topicId: string, householdId: string, accountId: string): Promise<boolean> {
    const added = await rows<{ n: number }>(
      this.db,
      sql`INSERT INTO deliberation_topic_support (tenant_id, topic_id, household_id, account_id)
          VALUES (${tenantId}, ${topicId}::uuid, ${householdId}::uuid, ${accountId}::uuid)
          ON CONFLICT DO NOTHING RETURNING 1 AS n`,
    );
    return added.length === 1;
  }

  async supportedBy(tenantId: string, topicId: string, householdIds: string[]): Promise<boolean> {
    if (householdIds.length === 0) return false;
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM deliberation_topic_support WHERE tenant_id = ${tenantId} AND topic_id = ${topicId}::uuid
          AND household_id IN (${sql.join(
            householdIds.map((h) => sql`${h}::uuid`),
            sql`, `,
          )})`,
    );
    return (row?.n ?? 0) > 0;
  }

  /**
   * Moves the duplicate's sources and supports to the survivor (a household supporting both counts
   * once) and returns the survivor's support count.
   */
  async moveToSurvivor(tenantId: string, duplicateId: string, survivorId: string): Promise<number> {
    await this.db.execute(sql`UPDATE deliberation_topic_source SET topic_id = ${survivorId}::uuid
      WHERE tenant_id = ${tenantId} AND topic_id = ${duplicateId}::uuid`);
    await this.db.execute(sql`INSERT INTO deliberation_topic_support (tenant_id, topic_id, household_id, account_id, at)
      SELECT tenant_id, ${survivorId}::uuid, household_id, account_id, at FROM deliberation_topic_support
      WHERE tenant_id = ${tenantId} AND topic_id = ${duplicateId}::uuid ON CONFLICT DO NOTHING`);
    await this.db.execute(sql`DELETE FROM deliberation_topic_support WHERE tenant_id = ${tenantId} AND topic_id = ${duplicateId}::uuid`);
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM deliberation_topic_support WHERE tenant_id = ${tenantId} AND topic_id = ${survivorId}::uuid`,
    );
    return row?.n ?? 0;
  }

  countSupports(tenantId: string, topicId: string): Promise<number> {
    return one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM deliberation_topic_support WHERE tenant_id = ${tenantId} AND topic_id = ${topicId}::uuid`,
    ).then((r) => r?.n ?? 0);
  }

  /** The open topic a demand was escalated to, if any. */
  topicOfDemand(tenantId: string, demandId: string): Promise<{ id: string; number: string } | undefined> {
    return one(
      this.db,
      sql`SELECT id, number FROM deliberation_topic WHERE tenant_id = ${tenantId} AND demand_id = ${demandId}::uuid AND status <> 'merged' LIMIT 1`,
    );
  }

  /**
   * The topics a topic may be merged into, newest first: open (not finished), in scope, at the topic's
   * compound (for a topic of a community or street: its own place) and under it, or at a place above it.
   */
  mergeCandidates(tenantId: string, scope: string[], topic: { id: string; nodePath: string }, limit: number): Promise<Topic[]> {
    const area = sql`subpath(${topic.nodePath}::ltree, 0, least(nlevel(${topic.nodePath}::ltree), 4))`;
    return rows<Topic>(
      this.db,
      sql`${this.select(tenantId, [
        inScope(sql`t.node_path`, scope),
        sql`t.id <> ${topic.id}::uuid`,
        sql`t.status NOT IN (${sql.join(
          finishedStatuses.map((s) => sql`${s}`),
          sql`, `,
        )})`,
        sql`(t.node_path <@ ${area} OR t.node_path @> ${area})`,
      ])} ORDER BY t.submitted_at DESC, t.id DESC LIMIT ${limit}`,
    );
  }

  /** Topics of a compound for its residents (no personal data in a topic row). */
  async ofCompound(tenantId: string, compoundPath: string, limit: number): Promise<Topic[]> {
    return rows<Topic>(
      this.db,
      sql`${this.select(tenantId, [
        sql`(t.node_path <@ ${compoundPath}::ltree OR t.node_path @> ${compoundPath}::ltree)`,
        sql`t.status NOT IN ('submitted', 'excluded', 'merged')`,
      ])} ORDER BY t.submitted_at DESC, t.id DESC LIMIT ${limit}`,
    );
  }
}
