import { CursorText, CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Conversation, ConversationListQuery, MyConversation } from './contract.ts';
import type { ConversationState } from './vocabulary.ts';

export type ConversationFilter = Omit<ConversationListQuery, 'cursor' | 'limit'>;

/** The cursor of a page sorted by title, and of one sorted by time (the default: newest first). */
export const ConversationTitleCursor = Type.Tuple([CursorText, Uuid]);
export const ConversationTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const conversationCursorFor = (sort: string | undefined) =>
  sort?.endsWith('title') ? ConversationTitleCursor : ConversationTimeCursor;

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** `path` (a place) lies above or at one of the homes (household paths): a resident of it takes part. */
export function aboveHomes(path: SQL, homes: string[]): SQL {
  if (homes.length === 0) return sql`false`;
  return sql`(${sql.join(
    homes.map((h) => sql`${path} @> ${h}::ltree`),
    sql` OR `,
  )})`;
}

/** The row the commands lock and check. */
export interface ConversationRow {
  id: string;
  nodeId: string;
  state: ConversationState;
  dataVersion: number;
}

/**
 * SQL of conversations. A conversation is visible to staff where its place is in the caller's scope,
 * and to a resident where their household lies under its place.
 */
export class ConversationRepository {
  /** A database handle for reads, the write's transaction (a Tx is a Db) for writes. */
  constructor(private readonly db: Db) {}

  private select(tenantId: string, where: SQL, conditions: SQL[] = []): SQL {
    return sql`SELECT c.id, c.node_id AS "nodeId", n.name AS "nodeName", c.topic_id AS "topicId", c.title, c.description, c.state,
        ${iso(sql`c.created_at`)} AS "createdAt", ${iso(sql`c.closed_at`)} AS "closedAt",
        (SELECT count(*)::int FROM opinion_statement s WHERE s.tenant_id = c.tenant_id AND s.conversation_id = c.id AND s.status = 'approved') AS "statementCount",
        (SELECT count(*)::int FROM opinion_statement s WHERE s.tenant_id = c.tenant_id AND s.conversation_id = c.id AND s.status = 'pending') AS "pendingCount",
        (SELECT count(*)::int FROM opinion_participant p WHERE p.tenant_id = c.tenant_id AND p.conversation_id = c.id) AS "participantCount",
        (SELECT count(*)::int FROM opinion_vote v WHERE v.tenant_id = c.tenant_id AND v.conversation_id = c.id) AS "voteCount"
      FROM opinion_conversation c JOIN ${territorySql.nodes('n')} ON n.tenant_id = c.tenant_id AND n.id = c.node_id
      WHERE c.tenant_id = ${tenantId} AND ${where}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: ConversationFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Conversation[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    if (filter.state) c.push(sql`c.state = ${filter.state}`);
    if (filter.q) c.push(sql`c.title ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    const sort = filter.sort ?? '-createdAt';
    const byTitle = sort.endsWith('title');
    const desc = sort.startsWith('-');
    const key = byTitle ? sql`c.title` : sql`c.created_at`;
    if (page.after) {
      const value = byTitle ? sql`${page.after[0]}` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, c.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, c.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, c.id DESC` : sql`${key}, c.id`;
    const found = await rows<Conversation>(
      this.db,
      sql`${this.select(tenantId, inScope(sql`n.path`, scope), c)} ORDER BY ${order} LIMIT ${page.limit + 1}`,
    );
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [byTitle ? last.title : last.createdAt, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<Conversation | undefined> {
    return one<Conversation>(this.db, this.select(tenantId, inScope(sql`n.path`, scope), [sql`c.id = ${id}`]));
  }

  /** Locks the conversation (FOR UPDATE) when it is in scope (staff) or above one of the homes (resident). */
  lock(tenantId: string, id: string, access: { scope: string[] } | { homes: string[] }): Promise<ConversationRow | undefined> {
    const where = 'scope' in access ? inScope(sql`n.path`, access.scope) : aboveHomes(sql`n.path`, access.homes);
    return one<ConversationRow>(
      this.db,
      sql`SELECT c.id, c.node_id AS "nodeId", c.state, c.data_version AS "dataVersion"
        FROM opinion_conversation c JOIN ${territorySql.nodes('n')} ON n.tenant_id = c.tenant_id AND n.id = c.node_id
        WHERE c.tenant_id = ${tenantId} AND c.id = ${id} AND ${where}
        FOR UPDATE OF c`,
    );
  }

  /** The data version and state, without a lock (for reads of the cached map). */
  version(tenantId: string, id: string, access: { scope: string[] } | { homes: string[] }): Promise<ConversationRow | undefined> {
    const where = 'scope' in access ? inScope(sql`n.path`, access.scope) : aboveHomes(sql`n.path`, access.homes);
    return one<ConversationRow>(
      this.db,
      sql`SELECT c.id, c.node_id AS "nodeId", c.state, c.data_version AS "dataVersion"
        FROM opinion_conversation c JOIN ${territorySql.nodes('n')} ON n.tenant_id = c.tenant_id AND n.id = c.node_id
        WHERE c.tenant_id = ${tenantId} AND c.id = ${id} AND ${where}`,
    );
  }

  async insert(
    tenantId: string,
    input: { nodeId: string; title: string; description: string | null; topicId: string | null; createdBy: string },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO opinion_conversation (tenant_id, id, node_id, topic_id, title, description, created_by)
      VALUES (${tenantId}, ${id}, ${input.nodeId}, ${input.topicId}, ${input.title}, ${input.description}, ${input.createdBy})`);
    return id;
  }

  async close(tenantId: string, id: string, by: string): Promise<void> {
    await this.db.execute(sql`UPDATE opinion_conversation SET state = 'closed', closed_at = now(), closed_by = ${by}
      WHERE tenant_id = ${tenantId} AND id = ${id}`);
  }

  /** The votes or the approved statements changed: the cached map is stale from now on. */
  async touch(tenantId: string, id: string): Promise<void> {
    await this.db.execute(
      sql`UPDATE opinion_conversation SET data_version = data_version + 1 WHERE tenant_id = ${tenantId} AND id = ${id}`,
    );
  }

  /** Open and closed conversations of the places above the resident's homes, open ones first, with the caller's vote count. */
  forResident(tenantId: string, homes: string[], accountId: string): Promise<MyConversation[]> {
    return rows<MyConversation>(
      this.db,
      sql`SELECT c.id, c.title, c.description, n.name AS "nodeName", c.state,
          (SELECT count(*)::int FROM opinion_statement s WHERE s.tenant_id = c.tenant_id AND s.conversation_id = c.id AND s.status = 'approved') AS "statementCount",
          (SELECT count(*)::int FROM opinion_vote v JOIN opinion_participant p ON p.tenant_id = v.tenant_id AND p.id = v.participant_id
             WHERE v.tenant_id = c.tenant_id AND v.conversation_id = c.id AND p.account_id = ${accountId}) AS "votedCount"
        FROM opinion_conversation c JOIN ${territorySql.nodes('n')} ON n.tenant_id = c.tenant_id AND n.id = c.node_id
        WHERE c.tenant_id = ${tenantId} AND ${aboveHomes(sql`n.path`, homes)}
        ORDER BY c.state = 'open' DESC, c.created_at DESC, c.id DESC
        LIMIT 100`,
    );
  }
}
