import { CursorText, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Evaluation, Milestone, Resolution, ResolutionStatus, Task, TaskInput } from './contract.ts';

export interface ResolutionFilter {
  nodeId?: string;
  status?: ResolutionStatus;
  q?: string;
  sort?: 'decidedOn' | '-decidedOn' | 'progress' | '-progress' | 'title' | '-title';
}

/** Every sort's cursor is its value as text and the id (a date, a number and a title all fit). */
export const ResolutionCursor = Type.Tuple([CursorText, Uuid]);

/** A date or timestamp column as ISO text in SQL (the same on PGlite and PostgreSQL). */
export const isoTime = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoDate = (column: SQL) => sql`to_char(${column}, 'YYYY-MM-DD')`;

/** The evaluation's state: due (not yet, before its date), late, on time, or evaluated after its date. */
export const evaluationState = (e: string) => sql`CASE
    WHEN ${sql.raw(e)}.evaluated_at IS NULL AND ${sql.raw(e)}.due_on < current_date THEN 'late'
    WHEN ${sql.raw(e)}.evaluated_at IS NULL THEN 'due'
    WHEN (${sql.raw(e)}.evaluated_at AT TIME ZONE 'Asia/Shanghai')::date <= ${sql.raw(e)}.due_on THEN 'on_time'
    ELSE 'evaluated_late' END`;

/**
 * SQL of resolutions and their tasks, milestones, photos and surveys. A resolution is visible where
 * its place is in the caller's scope (staff), or where the caller's household lies under its place
 * (residents following their compound, community and subdistrict: `follower`).
 */
export class ResolutionRepository {
  constructor(private readonly db: Db) {}

  /** The visibility condition on the place alias `n`. */
  static visible(scope: string[], follower = false): SQL {
    return follower
      ? sql`EXISTS (SELECT 1 FROM unnest(${`{${scope.join(',')}}`}::ltree[]) AS h(p) WHERE h.p <@ n.path)`
      : inScope(sql`n.path`, scope);
  }

  private select(tenantId: string, visible: SQL, conditions: SQL[]): SQL {
    return sql`SELECT r.id, r.node_id AS "nodeId", n.name AS "nodeName", n.kind AS "nodeKind", r.committee_id AS "committeeId",
        r.title, r.content, r.topic_id AS "topicId", r.meeting_id AS "meetingId", r.demand_ids::text[] AS "demandIds",
        r.proposed_rule AS "proposedRule", r.status, r.progress, ${isoDate(sql`r.decided_on`)} AS "decidedOn",
        ${isoTime(sql`r.completed_at`)} AS "completedAt",
        (SELECT count(*)::int FROM resolution_task t WHERE t.tenant_id = r.tenant_id AND t.resolution_id = r.id) AS "taskCount",
        (SELECT ${isoDate(sql`min(t.deadline)`)} FROM resolution_task t
          WHERE t.tenant_id = r.tenant_id AND t.resolution_id = r.id AND t.progress < 100) AS "nextDeadline",
        ${isoTime(sql`r.created_at`)} AS "createdAt"
      FROM resolution r JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
      WHERE r.tenant_id = ${tenantId} AND ${visible}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    visible: SQL,
    filter: ResolutionFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Resolution[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    if (filter.status) c.push(sql`r.status = ${filter.status}`);
    if (filter.q) c.push(sql`r.title ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    const sort = filter.sort ?? '-decidedOn';
    const desc = sort.startsWith('-');
    const field = sort.replace('-', '');
    const key = field === 'title' ? sql`r.title` : field === 'progress' ? sql`r.progress` : sql`r.decided_on`;
    if (page.after) {
      const value =
        field === 'title'
          ? sql`${page.after[0]}`
          : field === 'progress'
            ? sql`${Number(page.after[0]) || 0}::int`
            : sql`${page.after[0]}::date`;
      c.push(desc ? sql`(${key}, r.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, r.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, r.id DESC` : sql`${key}, r.id`;
    const found = await rows<Resolution>(this.db, sql`${this.select(tenantId, visible, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    const cursorValue = (r: Resolution) => (field === 'title' ? r.title : field === 'progress' ? String(r.progress) : r.decidedOn);
    return { items, next: last ? [cursorValue(last), last.id] : null };
  }

  find(tenantId: string, id: string, visible: SQL): Promise<Resolution | undefined> {
    return one<Resolution>(this.db, this.select(tenantId, visible, [sql`r.id = ${id}::uuid`]));
  }

  /** The resolution's row, locked for a write (tasks and progress change under it). */
  lock(tenantId: string, id: string, scope: string[]) {
    return one<{ id: string; status: ResolutionStatus; nodeId: string; committeeId: string | null; title: string; demandIds: string[] }>(
      this.db,
      sql`SELECT r.id, r.status, r.node_id AS "nodeId", r.committee_id AS "committeeId", r.title, r.demand_ids::text[] AS "demandIds"
          FROM resolution r
          WHERE r.tenant_id = ${tenantId} AND r.id = ${id}::uuid AND ${territorySql.nodeInScope(tenantId, sql`r.node_id`, scope)}
          FOR UPDATE`,
    );
  }

  async insert(
    tenantId: string,
    r: {
      nodeId: string;
      committeeId: string | null;
      title: string;
      content?: string;
      topicId?: string;
      meetingId?: string;
      demandIds: string[];
      proposedRule?: string;
      decidedOn: string;
      createdBy: string;
    },
    tasks: TaskInput[],
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO resolution (tenant_id, id, node_id, committee_id, title, content, topic_id, meeting_id, demand_ids,
        proposed_rule, decided_on, created_by)
      VALUES (${tenantId}, ${id}, ${r.nodeId}, ${r.committeeId}, ${r.title}, ${r.content ?? null}, ${r.topicId ?? null}, ${r.meetingId ?? null},
        ${`{${r.demandIds.join(',')}}`}::uuid[], ${r.proposedRule ?? null}, ${r.decidedOn}::date, ${r.createdBy})`);
    for (const [i, t] of tasks.entries()) {
      await this.db.execute(sql`INSERT INTO resolution_task (tenant_id, id, resolution_id, position, title, owner_kind, owner_name,
          owner_account_id, owner_member_id, deadline, funding_note)
        VALUES (${tenantId}, ${newId()}, ${id}, ${i + 1}, ${t.title.trim()}, ${t.ownerKind}, ${t.ownerName.trim()}, ${t.ownerAccountId ?? null},
          ${t.ownerMemberId ?? null}, ${t.deadline}::date, ${t.fundingNote ?? null})`);
    }
    return id;
  }

  task(tenantId: string, taskId: string) {
    return one<{ id: string; resolutionId: string; progress: number }>(
      this.db,
      sql`SELECT id, resolution_id AS "resolutionId", progress FROM resolution_task WHERE tenant_id = ${tenantId} AND id = ${taskId}::uuid`,
    );
  }

  /** Records a milestone and sets the task's progress, then rolls the resolution’s progress up from its tasks (their mean, rounded down: 100 only when every task is done). */
  async recordMilestone(
    tenantId: string,
    m: { resolutionId: string; taskId: string; note: string; progress: number; photoIds: string[]; recordedBy: string },
  ): Promise<number> {
    await this.db.execute(sql`INSERT INTO resolution_milestone (tenant_id, id, resolution_id, task_id, note, progress, photo_ids, recorded_by)
      VALUES (${tenantId}, ${newId()}, ${m.resolutionId}, ${m.taskId}, ${m.note}, ${m.progress}, ${`{${m.photoIds.join(',')}}`}::uuid[], ${m.recordedBy})`);
    await this.db.execute(
      sql`UPDATE resolution_task SET progress = ${m.progress} WHERE tenant_id = ${tenantId} AND id = ${m.taskId}::uuid`,
    );
    return this.rollUp(tenantId, m.resolutionId);
  }

  async rollUp(tenantId: string, resolutionId: string): Promise<number> {
    const row = await one<{ progress: number }>(
      this.db,
      sql`UPDATE resolution r SET progress = coalesce((SELECT floor(avg(t.progress))::int FROM resolution_task t
            WHERE t.tenant_id = r.tenant_id AND t.resolution_id = r.id), 0)
          WHERE r.tenant_id = ${tenantId} AND r.id = ${resolutionId}::uuid RETURNING r.progress`,
    );
    return row?.progress ?? 0;
  }

  async setStatus(tenantId: string, id: string, status: ResolutionStatus): Promise<void> {
    await this.db.execute(sql`UPDATE resolution SET status = ${status},
        completed_at = CASE WHEN ${status} = 'completed' THEN now() ELSE NULL END
      WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }

  async tasks(tenantId: string, resolutionId: string): Promise<Task[]> {
    const tasks = await rows<Omit<Task, 'milestones'>>(
      this.db,
      sql`SELECT id, position, title, owner_kind AS "ownerKind", owner_name AS "ownerName", owner_member_id AS "ownerMemberId",
            ${isoDate(sql`deadline`)} AS deadline, funding_note AS "fundingNote", progress
          FROM resolution_task WHERE tenant_id = ${tenantId} AND resolution_id = ${resolutionId}::uuid ORDER BY position`,
    );
    const milestones = await rows<Milestone & { taskId: string }>(
      this.db,
      sql`SELECT id, task_id AS "taskId", note, progress, photo_ids::text[] AS "photoIds", ${isoTime(sql`recorded_at`)} AS "recordedAt"
          FROM resolution_milestone WHERE tenant_id = ${tenantId} AND resolution_id = ${resolutionId}::uuid ORDER BY recorded_at, id`,
    );
    return tasks.map((t) => ({
      ...t,
      milestones: milestones.filter((m) => m.taskId === t.id).map(({ taskId: _t, ...m }) => m),
    }));
  }

  evaluations(tenantId: string, resolutionId: string): Promise<Evaluation[]> {
    return rows<Evaluation>(
      this.db,
      sql`SELECT e.id, to_char(e.month, 'YYYY-MM') AS month, ${isoDate(sql`e.due_on`)} AS "dueOn", m.name AS "memberName", e.progress, e.quality,
            e.satisfaction, e.comment, e.photo_ids::text[] AS "photoIds", ${isoTime(sql`e.evaluated_at`)} AS "evaluatedAt",
            ${evaluationState('e')} AS state
          FROM resolution_evaluation e LEFT JOIN supervision_member m ON m.tenant_id = e.tenant_id AND m.id = e.member_id
          WHERE e.tenant_id = ${tenantId} AND e.resolution_id = ${resolutionId}::uuid ORDER BY e.month DESC`,
    );
  }

  async survey(tenantId: string, resolutionId: string): Promise<{ answers: number; satisfactionRate: number | null }> {
    const row = await one<{ answers: number; satisfactionRate: number | null }>(
      this.db,
      sql`SELECT count(*)::int AS answers,
            round(avg(CASE WHEN satisfaction = 'dissatisfied' THEN 0 ELSE 1 END) * 1000) / 10.0 AS "satisfactionRate"
          FROM resolution_survey WHERE tenant_id = ${tenantId} AND resolution_id = ${resolutionId}::uuid`,
    );
    return { answers: row?.answers ?? 0, satisfactionRate: row?.answers ? Number(row.satisfactionRate) : null };
  }

  async answerSurvey(tenantId: string, resolutionId: string, accountId: string, satisfaction: string): Promise<void> {
    await this.db.execute(sql`INSERT INTO resolution_survey (tenant_id, resolution_id, account_id, satisfaction)
      VALUES (${tenantId}, ${resolutionId}, ${accountId}, ${satisfaction})
      ON CONFLICT (tenant_id, resolution_id, account_id) DO UPDATE SET satisfaction = EXCLUDED.satisfaction, answered_at = now()`);
  }

  async insertPhoto(
    tenantId: string,
    p: { resolutionId: string; storageKey: string; fileName: string; contentType: string; size: number; uploadedBy: string },
    id = newId(),
  ): Promise<string> {
    await this.db.execute(sql`INSERT INTO resolution_photo (tenant_id, id, resolution_id, storage_key, file_name, content_type, size_bytes, uploaded_by)
      VALUES (${tenantId}, ${id}, ${p.resolutionId}, ${p.storageKey}, ${p.fileName}, ${p.contentType}, ${p.size}, ${p.uploadedBy})`);
    return id;
  }

  /** Photo ids of the list that are not photos of this resolution. */
  async foreignPhotos(tenantId: string, resolutionId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await rows<{ id: string }>(
      this.db,
      sql`SELECT id FROM resolution_photo WHERE tenant_id = ${tenantId} AND resolution_id = ${resolutionId}::uuid
          AND id = ANY (${`{${ids.join(',')}}`}::uuid[])`,
    );
    return ids.filter((id) => !found.some((f) => f.id === id));
  }

  /** A photo whose resolution is visible to the caller. */
  photo(tenantId: string, id: string, visible: SQL) {
    return one<{ id: string; storageKey: string; fileName: string; contentType: string }>(
      this.db,
      sql`SELECT p.id, p.storage_key AS "storageKey", p.file_name AS "fileName", p.content_type AS "contentType"
          FROM resolution_photo p JOIN resolution r ON r.tenant_id = p.tenant_id AND r.id = p.resolution_id
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          WHERE p.tenant_id = ${tenantId} AND p.id = ${id}::uuid AND ${visible}`,
    );
  }
}
