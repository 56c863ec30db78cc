import { inScope, newId } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { Committee, CommitteeMember, DueEvaluation, Idea, LateEvaluation, MonthGrid, NoticeEntry, Publication } from './contract.ts';
import { evaluationState, isoTime } from './resolution.repository.ts';

/** 'YYYY-MM' → the first day of the month, 'YYYY-MM-01'. */
export const monthStart = (month: string) => `${month}-01`;

/**
 * SQL of the supervision committees (小区事务监督委员会), their members, the monthly evaluations
 * (一事一月一评), the notices with their objections (一公示) and the good ideas. A committee, a
 * notice and an idea are visible where their place is in the caller's scope.
 */
export class SupervisionRepository {
  constructor(private readonly db: Db) {}

  async committees(tenantId: string, scope: string[], nodeId?: string): Promise<Committee[]> {
    const list = await rows<Omit<Committee, 'members'>>(
      this.db,
      sql`SELECT c.id, c.node_id AS "nodeId", n.name AS "nodeName", c.name,
            (SELECT count(*)::int FROM resolution r WHERE r.tenant_id = c.tenant_id AND r.committee_id = c.id AND r.status = 'in_progress')
              AS "openResolutions"
          FROM supervision_committee c JOIN ${territorySql.nodes('n')} ON n.tenant_id = c.tenant_id AND n.id = c.node_id
          WHERE c.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
          ${nodeId ? sql`AND ${territorySql.underNode(sql`n.path`, tenantId, nodeId)}` : sql``}
          ORDER BY ${territorySql.naturalKey(sql`n.name`)}, c.id LIMIT 1000`,
    );
    if (list.length === 0) return [];
    const members = await rows<CommitteeMember & { committeeId: string }>(
      this.db,
      sql`SELECT id, committee_id AS "committeeId", name, kind, account_id IS NOT NULL AS "hasAccount", active
          FROM supervision_member WHERE tenant_id = ${tenantId} AND committee_id = ANY (${`{${list.map((c) => c.id).join(',')}}`}::uuid[])
          ORDER BY created_at, id`,
    );
    return list.map((c) => ({ ...c, members: members.filter((m) => m.committeeId === c.id).map(({ committeeId: _c, ...m }) => m) }));
  }

  committee(tenantId: string, id: string, scope: string[]) {
    return one<{ id: string; nodeId: string; name: string }>(
      this.db,
      sql`SELECT c.id, c.node_id AS "nodeId", c.name FROM supervision_committee c
          WHERE c.tenant_id = ${tenantId} AND c.id = ${id}::uuid AND ${territorySql.nodeInScope(tenantId, sql`c.node_id`, scope)}`,
    );
  }

  /** The committee of the compound at or above `path` (a resolution of a compound, or of a place in it). */
  committeeOver(tenantId: string, path: string) {
    return one<{ id: string }>(
      this.db,
      sql`SELECT c.id FROM supervision_committee c JOIN ${territorySql.nodes('n')} ON n.tenant_id = c.tenant_id AND n.id = c.node_id
          WHERE c.tenant_id = ${tenantId} AND n.path @> ${path}::ltree ORDER BY nlevel(n.path) DESC LIMIT 1`,
    );
  }

  async insertCommittee(tenantId: string, c: { nodeId: string; name: string; createdBy: string }): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO supervision_committee (tenant_id, id, node_id, name, created_by)
      VALUES (${tenantId}, ${id}, ${c.nodeId}, ${c.name}, ${c.createdBy})`);
    return id;
  }

  async insertMember(tenantId: string, m: { committeeId: string; name: string; kind: string; accountId?: string }): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO supervision_member (tenant_id, id, committee_id, name, kind, account_id)
      VALUES (${tenantId}, ${id}, ${m.committeeId}, ${m.name}, ${m.kind}, ${m.accountId ?? null})`);
    return id;
  }

  /** The accounts of a committee's active members (who a reminder or an objection notice is for). */
  async memberAccounts(tenantId: string, committeeId: string): Promise<string[]> {
    const found = await rows<{ accountId: string }>(
      this.db,
      sql`SELECT account_id AS "accountId" FROM supervision_member
          WHERE tenant_id = ${tenantId} AND committee_id = ${committeeId}::uuid AND active AND account_id IS NOT NULL ORDER BY account_id`,
    );
    return found.map((f) => f.accountId);
  }

  member(tenantId: string, id: string) {
    return one<{ id: string; committeeId: string; accountId: string | null; active: boolean; name: string }>(
      this.db,
      sql`SELECT id, committee_id AS "committeeId", account_id AS "accountId", active, name FROM supervision_member
          WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`,
    );
  }

  /**
   * Does the member (or the account recording for them) own a task of the resolution? Ownership is
   * the task's owner member, or its owner account being the member's or the recorder's.
   */
  async ownsTask(tenantId: string, resolutionId: string, memberId: string, recorderId: string): Promise<boolean> {
    const row = await one<{ owns: boolean }>(
      this.db,
      sql`SELECT EXISTS (SELECT 1 FROM resolution_task t
            LEFT JOIN supervision_member m ON m.tenant_id = t.tenant_id AND m.id = ${memberId}::uuid
            WHERE t.tenant_id = ${tenantId} AND t.resolution_id = ${resolutionId}::uuid
              AND (t.owner_member_id = ${memberId}::uuid OR t.owner_account_id = m.account_id OR t.owner_account_id = ${recorderId}::uuid)) AS owns`,
    );
    return row?.owns === true;
  }

  /**
   * Schedules the month's evaluation of every resolution under way in scope that has a committee
   * and was decided before the month ended; idempotent (one row per resolution and month). Returns
   * the rows made now, so reminders go out once.
   */
  schedule(tenantId: string, scope: string[], month: string) {
    const first = monthStart(month);
    return rows<{ id: string; resolutionId: string; committeeId: string; title: string }>(
      this.db,
      sql`INSERT INTO resolution_evaluation (tenant_id, id, resolution_id, committee_id, month, due_on)
          SELECT r.tenant_id, gen_random_uuid(), r.id, r.committee_id, ${first}::date, (${first}::date + interval '1 month' - interval '1 day')::date
          FROM resolution r JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          WHERE r.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)} AND r.status = 'in_progress' AND r.committee_id IS NOT NULL
            AND r.decided_on < (${first}::date + interval '1 month')
          ON CONFLICT (tenant_id, resolution_id, month) DO NOTHING
          RETURNING id, resolution_id AS "resolutionId", committee_id AS "committeeId",
            (SELECT title FROM resolution x WHERE x.tenant_id = resolution_evaluation.tenant_id AND x.id = resolution_evaluation.resolution_id) AS title`,
    );
  }

  async scheduledCount(tenantId: string, scope: string[], month: string): Promise<number> {
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM resolution_evaluation e JOIN resolution r ON r.tenant_id = e.tenant_id AND r.id = e.resolution_id
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          WHERE e.tenant_id = ${tenantId} AND e.month = ${monthStart(month)}::date AND ${inScope(sql`n.path`, scope)}`,
    );
    return row?.n ?? 0;
  }

  evaluationOf(tenantId: string, resolutionId: string, month: string) {
    return one<{ id: string; evaluatedAt: string | null }>(
      this.db,
      sql`SELECT id, evaluated_at AS "evaluatedAt" FROM resolution_evaluation
          WHERE tenant_id = ${tenantId} AND resolution_id = ${resolutionId}::uuid AND month = ${monthStart(month)}::date FOR UPDATE`,
    );
  }

  /** Records the evaluation; the owner rule is in the statement too, so no path writes an owner's evaluation. */
  async recordEvaluation(
    tenantId: string,
    e: {
      id: string;
      memberId: string;
      recordedBy: string;
      progress: number;
      quality: string;
      satisfaction: string;
      comment?: string;
      photoIds: string[];
    },
  ): Promise<boolean> {
    const row = await one<{ id: string }>(
      this.db,
      sql`UPDATE resolution_evaluation e SET member_id = ${e.memberId}, recorded_by = ${e.recordedBy}, progress = ${e.progress},
            quality = ${e.quality}, satisfaction = ${e.satisfaction}, comment = ${e.comment ?? null},
            photo_ids = ${`{${e.photoIds.join(',')}}`}::uuid[], evaluated_at = now()
          WHERE e.tenant_id = ${tenantId} AND e.id = ${e.id}::uuid AND e.evaluated_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM resolution_task t JOIN supervision_member m ON m.tenant_id = t.tenant_id AND m.id = ${e.memberId}::uuid
              WHERE t.tenant_id = e.tenant_id AND t.resolution_id = e.resolution_id
                AND (t.owner_member_id = m.id OR t.owner_account_id = m.account_id OR t.owner_account_id = ${e.recordedBy}::uuid))
          RETURNING e.id`,
    );
    return row !== undefined;
  }

  /**
   * The evaluations an account owes as an active member of a committee: this month's of every
   * resolution of the committee under way (scheduled or not yet), and the earlier months' still
   * missing, with the member's seat and whether they own one of its tasks. Only resolutions
   * `visible` (on the place alias n) to the caller as an evaluator, as evaluate-resolution.ts reads them.
   */
  dueFor(tenantId: string, accountId: string, visible: SQL): Promise<DueEvaluation[]> {
    const thisMonth = sql`date_trunc('month', current_date)::date`;
    return rows<DueEvaluation>(
      this.db,
      sql`SELECT r.id AS "resolutionId", r.title, n.name AS "nodeName", r.progress, to_char(mo.month, 'YYYY-MM') AS month,
            to_char(coalesce(e.due_on, (mo.month + interval '1 month' - interval '1 day')::date), 'YYYY-MM-DD') AS "dueOn",
            CASE WHEN e.id IS NULL THEN 'due' ELSE ${evaluationState('e')} END AS state,
            ${isoTime(sql`e.evaluated_at`)} AS "evaluatedAt", c.name AS "committeeName", m.id AS "memberId",
            EXISTS (SELECT 1 FROM resolution_task t WHERE t.tenant_id = r.tenant_id AND t.resolution_id = r.id
              AND (t.owner_member_id = m.id OR t.owner_account_id = m.account_id)) AS "ownsTask"
          FROM supervision_member m
          JOIN supervision_committee c ON c.tenant_id = m.tenant_id AND c.id = m.committee_id
          JOIN resolution r ON r.tenant_id = m.tenant_id AND r.committee_id = m.committee_id
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          CROSS JOIN LATERAL (
            SELECT ${thisMonth} AS month WHERE r.decided_on < ${thisMonth} + interval '1 month'
            UNION
            SELECT x.month FROM resolution_evaluation x
            WHERE x.tenant_id = r.tenant_id AND x.resolution_id = r.id AND x.evaluated_at IS NULL AND x.month < ${thisMonth}
          ) mo
          LEFT JOIN resolution_evaluation e ON e.tenant_id = r.tenant_id AND e.resolution_id = r.id AND e.month = mo.month
          WHERE m.tenant_id = ${tenantId} AND m.account_id = ${accountId}::uuid AND m.active
            AND r.status = 'in_progress' AND ${visible}
          ORDER BY mo.month DESC, r.decided_on, r.id LIMIT 500`,
    );
  }

  /** Evaluations whose month ended without one (the state 'late'), oldest first. */
  late(tenantId: string, scope: string[], nodeId?: string): Promise<LateEvaluation[]> {
    return rows<LateEvaluation>(
      this.db,
      sql`SELECT e.id AS "evaluationId", r.id AS "resolutionId", r.title, n.name AS "nodeName", c.name AS "committeeName",
            to_char(e.month, 'YYYY-MM') AS month, to_char(e.due_on, 'YYYY-MM-DD') AS "dueOn", (current_date - e.due_on)::int AS "daysLate"
          FROM resolution_evaluation e JOIN resolution r ON r.tenant_id = e.tenant_id AND r.id = e.resolution_id
          JOIN supervision_committee c ON c.tenant_id = e.tenant_id AND c.id = e.committee_id
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          WHERE e.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)} AND e.evaluated_at IS NULL AND e.due_on < current_date
          ${nodeId ? sql`AND ${territorySql.underNode(sql`n.path`, tenantId, nodeId)}` : sql``}
          ORDER BY e.due_on, r.title, e.id LIMIT 5000`,
    );
  }

  /** Resolutions × months: each scheduled evaluation's state. */
  async grid(tenantId: string, scope: string[], q: { nodeId?: string; from: string; to: string }): Promise<MonthGrid> {
    const found = await rows<{
      resolutionId: string;
      title: string;
      nodeName: string;
      status: MonthGrid['rows'][number]['status'];
      month: string;
      state: MonthGrid['rows'][number]['cells'][number]['state'];
      evaluationId: string;
    }>(
      this.db,
      sql`SELECT r.id AS "resolutionId", r.title, n.name AS "nodeName", r.status, to_char(e.month, 'YYYY-MM') AS month,
            ${evaluationState('e')} AS state, e.id AS "evaluationId"
          FROM resolution_evaluation e JOIN resolution r ON r.tenant_id = e.tenant_id AND r.id = e.resolution_id
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          WHERE e.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
            AND e.month BETWEEN ${monthStart(q.from)}::date AND ${monthStart(q.to)}::date
          ${q.nodeId ? sql`AND ${territorySql.underNode(sql`n.path`, tenantId, q.nodeId)}` : sql``}
          ORDER BY r.decided_on DESC, r.id, e.month LIMIT 20000`,
    );
    const months: string[] = [];
    for (
      let [y, m] = q.from.split('-').map(Number) as [number, number];
      `${y}-${String(m).padStart(2, '0')}` <= q.to && months.length < 36;
    ) {
      months.push(`${y}-${String(m).padStart(2, '0')}`);
      m += 1;
      if (m > 12) [y, m] = [y + 1, 1];
    }
    const byId = new Map<string, MonthGrid['rows'][number]>();
    for (const f of found) {
      const row = byId.get(f.resolutionId) ?? {
        resolutionId: f.resolutionId,
        title: f.title,
        nodeName: f.nodeName,
        status: f.status,
        cells: [],
      };
      row.cells.push({ month: f.month, state: f.state, evaluationId: f.evaluationId });
      byId.set(f.resolutionId, row);
    }
    return { months, rows: [...byId.values()] };
  }

  async insertPublication(
    tenantId: string,
    p: { nodeId: string; month: string; objectionDays: number; publishedBy: string },
  ): Promise<string | undefined> {
    const row = await one<{ id: string }>(
      this.db,
      sql`INSERT INTO resolution_publication (tenant_id, id, node_id, month, objection_until, published_by)
          VALUES (${tenantId}, ${newId()}, ${p.nodeId}, ${monthStart(p.month)}::date, now() + make_interval(days => ${p.objectionDays}), ${p.publishedBy})
          ON CONFLICT (tenant_id, node_id, month) DO NOTHING RETURNING id`,
    );
    return row?.id;
  }

  /** Notices visible under `visible` (on the place alias n), newest month first, with their entries. */
  async publications(tenantId: string, visible: SQL, conditions: SQL[] = []): Promise<Publication[]> {
    const list = await rows<Omit<Publication, 'entries'> & { path: string }>(
      this.db,
      sql`SELECT p.id, p.node_id AS "nodeId", n.name AS "nodeName", n.path::text AS path, to_char(p.month, 'YYYY-MM') AS month,
            ${isoTime(sql`p.published_at`)} AS "publishedAt", ${isoTime(sql`p.objection_until`)} AS "objectionUntil",
            p.objection_until > now() AS open,
            (SELECT count(*)::int FROM resolution_objection o WHERE o.tenant_id = p.tenant_id AND o.publication_id = p.id) AS objections
          FROM resolution_publication p JOIN ${territorySql.nodes('n')} ON n.tenant_id = p.tenant_id AND n.id = p.node_id
          WHERE p.tenant_id = ${tenantId} AND ${visible} ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}
          ORDER BY p.month DESC, p.id LIMIT 200`,
    );
    const out: Publication[] = [];
    for (const { path, ...p } of list) out.push({ ...p, entries: await this.noticeEntries(tenantId, path, p.month) });
    return out;
  }

  /** What a place's notice of a month shows: every resolution under the place that was under way in the month, with its evaluation. */
  async noticeEntries(tenantId: string, path: string, month: string): Promise<NoticeEntry[]> {
    const found = await rows<
      NoticeEntry & {
        evaluatedAt: string | null;
        eProgress: number | null;
        quality: string | null;
        satisfaction: string | null;
        comment: string | null;
      }
    >(
      this.db,
      sql`SELECT r.id AS "resolutionId", r.title, n.name AS "nodeName", r.status, r.progress, e.evaluated_at AS "evaluatedAt",
            e.progress AS "eProgress", e.quality, e.satisfaction, e.comment
          FROM resolution r JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
          LEFT JOIN resolution_evaluation e ON e.tenant_id = r.tenant_id AND e.resolution_id = r.id AND e.month = ${monthStart(month)}::date
          WHERE r.tenant_id = ${tenantId} AND n.path <@ ${path}::ltree AND r.status <> 'cancelled'
            AND r.decided_on < (${monthStart(month)}::date + interval '1 month')
            AND (r.completed_at IS NULL OR r.completed_at >= ${monthStart(month)}::date)
          ORDER BY r.decided_on, r.id LIMIT 500`,
    );
    return found.map((f) => ({
      resolutionId: f.resolutionId,
      title: f.title,
      nodeName: f.nodeName,
      status: f.status,
      progress: f.progress,
      evaluation: f.evaluatedAt
        ? {
            progress: f.eProgress,
            quality: f.quality as 'good' | 'fair' | 'poor' | null,
            satisfaction: f.satisfaction as 'satisfied' | null,
            comment: f.comment,
          }
        : null,
    }));
  }

  /** A notice the caller may see, locked when objecting (its window is read in the same transaction). */
  publication(tenantId: string, id: string, visible: SQL) {
    return one<{
      id: string;
      nodeId: string;
      nodeName: string;
      path: string;
      month: string;
      open: boolean;
      objectionUntil: string;
      publishedAt: string;
    }>(
      this.db,
      sql`SELECT p.id, p.node_id AS "nodeId", n.name AS "nodeName", n.path::text AS path, to_char(p.month, 'YYYY-MM') AS month,
            p.objection_until > now() AS open, to_char(p.objection_until AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS "objectionUntil",
            to_char(p.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "publishedAt"
          FROM resolution_publication p JOIN ${territorySql.nodes('n')} ON n.tenant_id = p.tenant_id AND n.id = p.node_id
          WHERE p.tenant_id = ${tenantId} AND p.id = ${id}::uuid AND ${visible}`,
    );
  }

  async insertObjection(
    tenantId: string,
    o: { publicationId: string; resolutionId?: string; accountId: string; text: string },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO resolution_objection (tenant_id, id, publication_id, resolution_id, account_id, text)
      VALUES (${tenantId}, ${id}, ${o.publicationId}, ${o.resolutionId ?? null}, ${o.accountId}, ${o.text})`);
    return id;
  }

  objections(tenantId: string, publicationId: string) {
    return rows<{ id: string; publicationId: string; resolutionId: string | null; text: string; createdAt: string }>(
      this.db,
      sql`SELECT id, publication_id AS "publicationId", resolution_id AS "resolutionId", text, ${isoTime(sql`created_at`)} AS "createdAt"
          FROM resolution_objection WHERE tenant_id = ${tenantId} AND publication_id = ${publicationId}::uuid ORDER BY created_at, id`,
    );
  }

  async insertIdea(
    tenantId: string,
    i: { nodeId: string; kind: string; text: string; resolutionId?: string; createdBy: string },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO resolution_idea (tenant_id, id, node_id, kind, text, resolution_id, created_by)
      VALUES (${tenantId}, ${id}, ${i.nodeId}, ${i.kind}, ${i.text}, ${i.resolutionId ?? null}, ${i.createdBy})`);
    return id;
  }

  ideas(tenantId: string, scope: string[], nodeId?: string): Promise<Idea[]> {
    return rows<Idea>(
      this.db,
      sql`SELECT i.id, n.name AS "nodeName", i.kind, i.text, r.title AS "resolutionTitle", to_char(i.reported_on, 'YYYY-MM-DD') AS "reportedOn",
            ${isoTime(sql`i.created_at`)} AS "createdAt"
          FROM resolution_idea i JOIN ${territorySql.nodes('n')} ON n.tenant_id = i.tenant_id AND n.id = i.node_id
          LEFT JOIN resolution r ON r.tenant_id = i.tenant_id AND r.id = i.resolution_id
          WHERE i.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
          ${nodeId ? sql`AND ${territorySql.underNode(sql`n.path`, tenantId, nodeId)}` : sql``}
          ORDER BY i.created_at DESC, i.id LIMIT 5000`,
    );
  }

  async markReported(tenantId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.execute(sql`UPDATE resolution_idea SET reported_on = current_date
      WHERE tenant_id = ${tenantId} AND reported_on IS NULL AND id = ANY (${`{${ids.join(',')}}`}::uuid[])`);
  }
}
