import { newId } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { AnalysisVote, VoteValue } from './analysis/opinion-analysis.ts';

/** SQL of participants and votes. Callers hold the conversation's lock (ConversationRepository.lock) when writing. */
export class VoteRepository {
  constructor(private readonly db: Db) {}

  participantOf(tenantId: string, conversationId: string, accountId: string): Promise<{ id: string; number: number } | undefined> {
    return one(
      this.db,
      sql`SELECT id, number FROM opinion_participant WHERE tenant_id = ${tenantId} AND conversation_id = ${conversationId} AND account_id = ${accountId}`,
    );
  }

  /**
   * The caller's participant in the conversation, created on first use with the next number. The
   * conversation row is locked by the caller, so numbers are handed out one at a time; the unique
   * (conversation, account) keeps one participant per resident account whatever happens.
   */
  async ensureParticipant(tenantId: string, conversationId: string, accountId: string): Promise<string> {
    const existing = await this.participantOf(tenantId, conversationId, accountId);
    if (existing) return existing.id;
    const id = newId();
    await this.db.execute(sql`INSERT INTO opinion_participant (tenant_id, id, conversation_id, account_id, number)
      SELECT ${tenantId}, ${id}, ${conversationId}, ${accountId}, coalesce(max(number), 0) + 1
      FROM opinion_participant WHERE tenant_id = ${tenantId} AND conversation_id = ${conversationId}`);
    return id;
  }

  /** One vote per participant and statement: a second vote replaces the first. */
  async upsert(
    tenantId: string,
    input: { conversationId: string; statementId: string; participantId: string; value: VoteValue },
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO opinion_vote (tenant_id, statement_id, participant_id, conversation_id, value)
      VALUES (${tenantId}, ${input.statementId}, ${input.participantId}, ${input.conversationId}, ${input.value})
      ON CONFLICT (tenant_id, statement_id, participant_id) DO UPDATE SET value = EXCLUDED.value, voted_at = now()`);
  }

  /** Whether the vote is already exactly this (a repeated tap changes nothing). */
  async current(tenantId: string, statementId: string, participantId: string): Promise<VoteValue | undefined> {
    const found = await one<{ value: VoteValue }>(
      this.db,
      sql`SELECT value FROM opinion_vote WHERE tenant_id = ${tenantId} AND statement_id = ${statementId} AND participant_id = ${participantId}`,
    );
    return found?.value;
  }

  /** The analysis input: approved statements and their votes, participants by id. */
  async analysisInput(tenantId: string, conversationId: string): Promise<{ statementIds: string[]; votes: AnalysisVote[] }> {
    const statements = await rows<{ id: string }>(
      this.db,
      sql`SELECT id FROM opinion_statement WHERE tenant_id = ${tenantId} AND conversation_id = ${conversationId} AND status = 'approved'`,
    );
    const votes = await rows<AnalysisVote>(
      this.db,
      sql`SELECT v.participant_id AS "participantId", v.statement_id AS "statementId", v.value
        FROM opinion_vote v JOIN opinion_statement s ON s.tenant_id = v.tenant_id AND s.id = v.statement_id
        WHERE v.tenant_id = ${tenantId} AND v.conversation_id = ${conversationId} AND s.status = 'approved'`,
    );
    return { statementIds: statements.map((s) => s.id), votes };
  }

  /** Participant numbers by id (the map shows numbers, never accounts). */
  async numbers(tenantId: string, conversationId: string): Promise<Map<string, number>> {
    const found = await rows<{ id: string; number: number }>(
      this.db,
      sql`SELECT id, number FROM opinion_participant WHERE tenant_id = ${tenantId} AND conversation_id = ${conversationId}`,
    );
    return new Map(found.map((p) => [p.id, p.number]));
  }

  async countFor(tenantId: string, conversationId: string, participantId: string): Promise<number> {
    const found = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM opinion_vote v JOIN opinion_statement s ON s.tenant_id = v.tenant_id AND s.id = v.statement_id
        WHERE v.tenant_id = ${tenantId} AND v.conversation_id = ${conversationId} AND v.participant_id = ${participantId} AND s.status = 'approved'`,
    );
    return found?.n ?? 0;
  }
}
