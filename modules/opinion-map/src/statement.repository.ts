import { CursorTime, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Statement, StatementListQuery } from './contract.ts';
import type { AuthorKind, RejectReason, StatementStatus } from './vocabulary.ts';

export type StatementFilter = Omit<StatementListQuery, 'cursor' | 'limit'>;

export const StatementTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const StatementVotesCursor = Type.Tuple([Type.Integer({ minimum: 0 }), Uuid]);
export const statementCursorFor = (sort: string | undefined) => (sort?.endsWith('votes') ? StatementVotesCursor : StatementTimeCursor);

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * SQL of statements. Every read goes through the conversation, whose access the caller checked
 * (ConversationRepository); the statement is then found only inside that conversation.
 */
export class StatementRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, conversationId: string, conditions: SQL[]): SQL {
    return sql`SELECT * FROM (SELECT s.id, s.conversation_id AS "conversationId", s.body, s.author_kind AS "authorKind", s.status,
        s.reject_reason AS "rejectReason", s.moderation_note AS "moderationNote", s.created_at AS "createdTs",
        ${iso(sql`s.created_at`)} AS "createdAt", ${iso(sql`s.moderated_at`)} AS "moderatedAt",
        coalesce(t.agree, 0)::int AS agree, coalesce(t.disagree, 0)::int AS disagree, coalesce(t.pass, 0)::int AS pass,
        coalesce(t.agree + t.disagree + t.pass, 0)::int AS votes
      FROM opinion_statement s
      LEFT JOIN (SELECT v.statement_id, count(*) FILTER (WHERE v.value = 1) AS agree, count(*) FILTER (WHERE v.value = -1) AS disagree,
                        count(*) FILTER (WHERE v.value = 0) AS pass
                 FROM opinion_vote v WHERE v.tenant_id = ${tenantId} AND v.conversation_id = ${conversationId} GROUP BY v.statement_id) t
        ON t.statement_id = s.id
      WHERE s.tenant_id = ${tenantId} AND s.conversation_id = ${conversationId}) x
      ${conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    conversationId: string,
    filter: StatementFilter,
    page: { limit: number; after?: [string, string] | [number, string] },
  ): Promise<{ items: Statement[]; next: [string, string] | [number, string] | null }> {
    const c: SQL[] = [];
    if (filter.status) c.push(sql`x.status = ${filter.status}`);
    if (filter.q) c.push(sql`x.body ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    const sort = filter.sort ?? 'createdAt';
    const byVotes = sort.endsWith('votes');
    const desc = sort.startsWith('-');
    const key = byVotes ? sql`x.votes` : sql`x."createdTs"`;
    if (page.after) {
      const value = byVotes ? sql`${page.after[0]}::int` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, x.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, x.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, x.id DESC` : sql`${key}, x.id`;
    const found = await rows<Statement & { votes: number; createdTs: unknown }>(
      this.db,
      sql`${this.select(tenantId, conversationId, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`,
    );
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return {
      items: items.map(({ votes: _v, createdTs: _t, ...s }) => s),
      next: last ? (byVotes ? [last.votes, last.id] : [last.createdAt, last.id]) : null,
    };
  }

  async findById(tenantId: string, conversationId: string, id: string): Promise<Statement | undefined> {
    const found = await one<Statement & { votes: number; createdTs: unknown }>(
      this.db,
      this.select(tenantId, conversationId, [sql`x.id = ${id}`]),
    );
    if (!found) return undefined;
    const { votes: _v, createdTs: _t, ...s } = found;
    return s;
  }

  /** The conversation a statement belongs to (to check access there first), or undefined. */
  async conversationOf(tenantId: string, id: string): Promise<string | undefined> {
    const found = await one<{ conversationId: string }>(
      this.db,
      sql`SELECT conversation_id AS "conversationId" FROM opinion_statement WHERE tenant_id = ${tenantId} AND id = ${id}`,
    );
    return found?.conversationId;
  }

  /** Locks one statement of the conversation. */
  lock(tenantId: string, conversationId: string, id: string): Promise<{ id: string; status: StatementStatus } | undefined> {
    return one(
      this.db,
      sql`SELECT id, status FROM opinion_statement WHERE tenant_id = ${tenantId} AND conversation_id = ${conversationId} AND id = ${id} FOR UPDATE`,
    );
  }

  /** Whether the conversation already holds the same text (ignoring spaces), not counting rejected ones. */
  async hasText(tenantId: string, conversationId: string, body: string): Promise<boolean> {
    const found = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM opinion_statement WHERE tenant_id = ${tenantId} AND conversation_id = ${conversationId}
        AND status <> 'rejected' AND regexp_replace(body, '\\s', '', 'g') = regexp_replace(${body}, '\\s', '', 'g')`,
    );
    return (found?.n ?? 0) > 0;
  }

  async insert(
    tenantId: string,
    input: {
      conversationId: string;
      body: string;
      authorKind: AuthorKind;
      participantId: string | null;
      status: StatementStatus;
      createdBy: string;
    },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO opinion_statement (tenant_id, id, conversation_id, body, author_kind, participant_id, status, created_by,
        moderated_by, moderated_at)
      VALUES (${tenantId}, ${id}, ${input.conversationId}, ${input.body}, ${input.authorKind}, ${input.participantId}, ${input.status},
        ${input.createdBy}, ${input.status === 'approved' ? input.createdBy : null}, ${input.status === 'approved' ? sql`now()` : null})`);
    return id;
  }

  async moderate(
    tenantId: string,
    id: string,
    input: { status: 'approved' | 'rejected'; reason: RejectReason | null; note: string | null; by: string },
  ): Promise<void> {
    await this.db.execute(sql`UPDATE opinion_statement SET status = ${input.status}, reject_reason = ${input.reason},
        moderation_note = ${input.note}, moderated_by = ${input.by}, moderated_at = now()
      WHERE tenant_id = ${tenantId} AND id = ${id}`);
  }

  /**
   * Approved statements the participant has not voted on: fewest votes first (so new statements catch
   * up, as Pol.is does), then oldest. `participantId` null: none voted yet.
   */
  async toVote(
    tenantId: string,
    conversationId: string,
    participantId: string | null,
    limit: number,
  ): Promise<{ items: { id: string; body: string }[]; remaining: number; voted: number }> {
    const mine = participantId ?? '00000000-0000-0000-0000-000000000000';
    const items = await rows<{ id: string; body: string; remaining: number }>(
      this.db,
      sql`SELECT s.id, s.body, count(*) OVER ()::int AS remaining
        FROM opinion_statement s
        WHERE s.tenant_id = ${tenantId} AND s.conversation_id = ${conversationId} AND s.status = 'approved'
          AND NOT EXISTS (SELECT 1 FROM opinion_vote v WHERE v.tenant_id = s.tenant_id AND v.statement_id = s.id AND v.participant_id = ${mine})
        ORDER BY (SELECT count(*) FROM opinion_vote v WHERE v.tenant_id = s.tenant_id AND v.statement_id = s.id), s.created_at, s.id
        LIMIT ${limit}`,
    );
    const voted = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM opinion_vote v JOIN opinion_statement s ON s.tenant_id = v.tenant_id AND s.id = v.statement_id
        WHERE v.tenant_id = ${tenantId} AND v.conversation_id = ${conversationId} AND v.participant_id = ${mine} AND s.status = 'approved'`,
    );
    return { items: items.map(({ id, body }) => ({ id, body })), remaining: items[0]?.remaining ?? 0, voted: voted?.n ?? 0 };
  }

  /** Bodies of statements by id (for the map's lists). */
  async bodies(tenantId: string, conversationId: string): Promise<Map<string, string>> {
    const found = await rows<{ id: string; body: string }>(
      this.db,
      sql`SELECT id, body FROM opinion_statement WHERE tenant_id = ${tenantId} AND conversation_id = ${conversationId}`,
    );
    return new Map(found.map((s) => [s.id, s.body]));
  }
}
