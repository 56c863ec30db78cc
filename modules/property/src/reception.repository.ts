import { inScope, maskPersonalText, newId } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { ReceptionDay, ReceptionDayDetail, ReceptionQuestion, ReceptionStatus } from './contract.ts';

export interface ReceptionFilterValues {
  nodeId?: string;
  status?: ReceptionStatus;
  from?: string;
  to?: string;
  sort?: 'heldOn' | '-heldOn';
}

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * SQL of the property managers' reception days (物业经理接待日) and the questions raised there; a
 * reception day is visible where its compound is in the caller's scope.
 */
export class ReceptionRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT r.id, r.compound_id AS "compoundId", n.name AS "compoundName", c.name AS "communityName",
        r.company_id AS "companyId", co.name AS "companyName", to_char(r.held_on, 'YYYY-MM-DD') AS "heldOn", r.hours, r.place,
        r.host_name AS "hostName", r.status, r.summary,
        (SELECT count(*)::int FROM property_reception_question q WHERE q.tenant_id = r.tenant_id AND q.reception_id = r.id) AS questions,
        (SELECT count(*)::int FROM property_reception_question q WHERE q.tenant_id = r.tenant_id AND q.reception_id = r.id
           AND q.demand_id IS NOT NULL) AS demands,
        ${iso(sql`r.created_at`)} AS "createdAt"
      FROM property_reception_day r
      JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.compound_id
      JOIN ${territorySql.nodes('c')} ON c.tenant_id = n.tenant_id AND c.id = n.parent_id
      JOIN property_company co ON co.tenant_id = r.tenant_id AND co.id = r.company_id
      WHERE r.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: ReceptionFilterValues,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: ReceptionDay[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    if (filter.status) c.push(sql`r.status = ${filter.status}`);
    if (filter.from) c.push(sql`r.held_on >= ${filter.from}::date`);
    if (filter.to) c.push(sql`r.held_on <= ${filter.to}::date`);
    const desc = (filter.sort ?? '-heldOn').startsWith('-');
    if (page.after) {
      c.push(
        desc
          ? sql`(r.held_on, r.id) < (${page.after[0]}::date, ${page.after[1]}::uuid)`
          : sql`(r.held_on, r.id) > (${page.after[0]}::date, ${page.after[1]}::uuid)`,
      );
    }
    const order = desc ? sql`r.held_on DESC, r.id DESC` : sql`r.held_on, r.id`;
    const found = await rows<ReceptionDay>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [last.heldOn, last.id] : null };
  }

  async findById(tenantId: string, id: string, scope: string[]): Promise<ReceptionDayDetail | undefined> {
    const day = await one<ReceptionDay>(this.db, this.select(tenantId, scope, [sql`r.id = ${id}::uuid`]));
    if (!day) return undefined;
    const questionList = await rows<ReceptionQuestion>(
      this.db,
      sql`SELECT q.id, q.household_id AS "householdId", ${territorySql.namesOnPath(tenantId, sql`h.path`)} AS "householdPlace",
            q.question, q.answer, q.demand_id AS "demandId", q.demand_number AS "demandNumber", ${iso(sql`q.created_at`)} AS "createdAt"
          FROM property_reception_question q
          LEFT JOIN ${territorySql.nodes('h')} ON h.tenant_id = q.tenant_id AND h.id = q.household_id
          WHERE q.tenant_id = ${tenantId} AND q.reception_id = ${id}::uuid ORDER BY q.created_at, q.id`,
    );
    return {
      ...day,
      // Phone and ID numbers a resident spoke into a question are masked on screen (the demand made from it
      // takes the text as said, under the demands module's own rules).
      questionList: questionList.map(({ householdPlace, ...q }: ReceptionQuestion & { householdPlace?: unknown }) => ({
        ...q,
        question: maskPersonalText(q.question),
        answer: q.answer === null ? null : maskPersonalText(q.answer),
        householdName: householdLabel(householdPlace),
      })),
    };
  }

  /** Upcoming scheduled reception days of a compound (for its residents' phones). */
  upcoming(
    tenantId: string,
    compoundId: string,
    today: string,
  ): Promise<{ heldOn: string; hours: string; place: string; hostName: string }[]> {
    return rows(
      this.db,
      sql`SELECT to_char(held_on, 'YYYY-MM-DD') AS "heldOn", hours, place, host_name AS "hostName" FROM property_reception_day
          WHERE tenant_id = ${tenantId} AND compound_id = ${compoundId} AND status = 'scheduled' AND held_on >= ${today}::date
          ORDER BY held_on, id LIMIT 3`,
    );
  }

  /** The day for a write, locked: its compound (path) and state. */
  lock(tenantId: string, id: string, scope: string[]) {
    return one<{ id: string; compoundId: string; compoundPath: string; status: ReceptionStatus; companyName: string; heldOn: string }>(
      this.db,
      sql`SELECT r.id, r.compound_id AS "compoundId", n.path::text AS "compoundPath", r.status, co.name AS "companyName",
            to_char(r.held_on, 'YYYY-MM-DD') AS "heldOn"
          FROM property_reception_day r
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.compound_id
          JOIN property_company co ON co.tenant_id = r.tenant_id AND co.id = r.company_id
          WHERE r.tenant_id = ${tenantId} AND r.id = ${id}::uuid AND ${inScope(sql`n.path`, scope)} FOR UPDATE OF r`,
    );
  }

  async insert(
    tenantId: string,
    input: { compoundId: string; companyId: string; heldOn: string; hours: string; place: string; hostName: string; by: string | null },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO property_reception_day (tenant_id, id, compound_id, company_id, held_on, hours, place, host_name, created_by)
      VALUES (${tenantId}, ${id}, ${input.compoundId}, ${input.companyId}, ${input.heldOn}::date, ${input.hours}, ${input.place},
        ${input.hostName}, ${input.by})`);
    return id;
  }

  async end(tenantId: string, id: string, status: 'held' | 'cancelled', summary: string | null): Promise<void> {
    await this.db.execute(sql`UPDATE property_reception_day SET status = ${status}, summary = ${summary}, updated_at = now()
      WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }

  async addQuestion(
    tenantId: string,
    input: { receptionId: string; householdId: string | null; question: string; answer: string | null; by: string | null },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO property_reception_question (tenant_id, id, reception_id, household_id, question, answer, created_by)
      VALUES (${tenantId}, ${id}, ${input.receptionId}, ${input.householdId}, ${input.question}, ${input.answer}, ${input.by})`);
    return id;
  }

  question(tenantId: string, receptionId: string, questionId: string) {
    return one<{ id: string; question: string; householdId: string | null; demandId: string | null }>(
      this.db,
      sql`SELECT id, question, household_id AS "householdId", demand_id AS "demandId" FROM property_reception_question
          WHERE tenant_id = ${tenantId} AND reception_id = ${receptionId}::uuid AND id = ${questionId}::uuid FOR UPDATE`,
    );
  }

  async linkDemand(tenantId: string, questionId: string, demand: { id: string; number: string }): Promise<void> {
    await this.db.execute(sql`UPDATE property_reception_question SET demand_id = ${demand.id}, demand_number = ${demand.number}
      WHERE tenant_id = ${tenantId} AND id = ${questionId}::uuid`);
  }

  /** Households among the ids that are not households under the compound's path (a question names one of the compound's own). */
  async notHouseholdsOf(tenantId: string, compoundPath: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await rows<{ id: string }>(
      this.db,
      sql`SELECT h.id::text AS id FROM ${territorySql.nodes('h')} WHERE h.tenant_id = ${tenantId} AND h.kind = 'household'
          AND h.path <@ ${compoundPath}::ltree AND h.id IN (${sql.join(
            ids.map((i) => sql`${i}::uuid`),
            sql`, `,
          )})`,
    );
    const ok = new Set(found.map((f) => f.id));
    return ids.filter((i) => !ok.has(i));
  }
}

/** "1号楼 / 1单元 / 101" from the names on the household's path (without the places above the compound). */
function householdLabel(place: unknown): string | null {
  if (!Array.isArray(place)) return typeof place === 'string' ? place : null;
  return (place as string[]).slice(-3).join(' ') || null;
}
