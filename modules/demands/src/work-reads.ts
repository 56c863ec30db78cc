import { type Actor, maskPersonalText } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import { PUBLISHABLE, visibleTo } from './demand.repository.ts';
import type { DemandStatus } from './vocabulary.ts';

/**
 * Short reads for a person's home page (the staff workbench, the resident's phone home): what is
 * due in a window and a reporter's open demands. Names and contacts of reporters are never read.
 */

/** A demand whose current deadline falls in the window: the response deadline before acceptance, then the resolution deadline. */
export interface DueDemand {
  id: string;
  number: string;
  title: string;
  status: DemandStatus;
  categoryName: string;
  placeName: string;
  deadline: 'response' | 'resolution';
  dueAt: string;
}

/** A demand of the reporter that is not finished for them: still being handled, or resolved and waiting for their evaluation. */
export interface ReporterOpenDemand {
  id: string;
  number: string;
  title: string;
  status: DemandStatus;
  categoryName: string;
  submittedAt: string;
}

const WITH_DEADLINE = sql`('submitted', 'accepted', 'returned', 'dispatched', 'in_progress')`;
const CURRENT_DUE = sql`(CASE WHEN d.status = 'submitted' THEN d.response_due_at ELSE d.resolve_due_at END)`;
const REPORTER_OPEN = sql`('submitted', 'accepted', 'returned', 'dispatched', 'in_progress', 'resolved')`;

/** A demand of a place that the public may read (a public category, not kept for staff), still being handled: no name, contact or door. */
export interface PublicOpenDemand {
  number: string;
  title: string;
  status: DemandStatus;
  categoryName: string;
  submittedAt: string;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/**
 * The caller's inbox demands (the same visibility as the staff inbox) whose current deadline is in
 * [from, to), earliest first, at most `limit`, with how many there are in all.
 */
export async function demandsDueBetween(
  db: Db,
  actor: Actor,
  window: { from: Date; to: Date },
  limit: number,
): Promise<{ total: number; items: DueDemand[] }> {
  const where = sql`d.tenant_id = ${actor.tenantId} AND d.status IN ${WITH_DEADLINE}
    AND ${CURRENT_DUE} >= ${window.from.toISOString()}::timestamptz AND ${CURRENT_DUE} < ${window.to.toISOString()}::timestamptz
    AND ${visibleTo(actor, { asReporter: false })}`;
  const [count, list] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM demand d WHERE ${where}`),
    rows<{
      id: string;
      number: string;
      title: string;
      status: DemandStatus;
      category_name: string;
      place_name: string;
      due_at: Date | string;
    }>(
      db,
      sql`SELECT d.id, d.number, d.title, d.status, c.name AS category_name, n.name AS place_name, ${CURRENT_DUE} AS due_at
          FROM demand d
          JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = d.tenant_id AND n.id = d.node_id
          WHERE ${where}
          ORDER BY ${CURRENT_DUE}, d.id
          LIMIT ${limit}`,
    ),
  ]);
  return {
    total: count?.n ?? 0,
    items: list.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      categoryName: r.category_name,
      placeName: r.place_name,
      deadline: r.status === 'submitted' ? 'response' : 'resolution',
      dueAt: iso(r.due_at),
    })),
  };
}

/** The reporter's open demands (newest first, at most `limit`) and how many there are in all. */
export async function openDemandsOfReporter(
  db: Db,
  tenantId: string,
  accountId: string,
  limit: number,
): Promise<{ total: number; items: ReporterOpenDemand[] }> {
  const where = sql`d.tenant_id = ${tenantId} AND d.reporter_account_id = ${accountId}::uuid AND d.status IN ${REPORTER_OPEN}`;
  const [count, list] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM demand d WHERE ${where}`),
    rows<{ id: string; number: string; title: string; status: DemandStatus; category_name: string; submitted_at: Date | string }>(
      db,
      sql`SELECT d.id, d.number, d.title, d.status, c.name AS category_name, d.submitted_at
          FROM demand d JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
          WHERE ${where}
          ORDER BY d.submitted_at DESC, d.id DESC
          LIMIT ${limit}`,
    ),
  ]);
  return {
    total: count?.n ?? 0,
    items: list.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      categoryName: r.category_name,
      submittedAt: iso(r.submitted_at),
    })),
  };
}

/**
 * The publishable demands located in the subtree at `path` that are still being handled (newest
 * first, at most `limit`) and how many there are: what an owners' committee may see of its compound
 * besides the board. Titles pass the same personal-data masker as the board and Open311.
 */
export async function openPublicDemandsIn(
  db: Db,
  tenantId: string,
  path: string,
  limit: number,
): Promise<{ total: number; items: PublicOpenDemand[] }> {
  const where = sql`d.tenant_id = ${tenantId} AND d.node_path <@ ${path}::ltree AND d.status IN ${WITH_DEADLINE} AND ${PUBLISHABLE}`;
  const [count, list] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM demand d WHERE ${where}`),
    rows<{
      number: string;
      title: string;
      status: DemandStatus;
      category_name: string;
      submitted_at: Date | string;
      reporter_name: string | null;
    }>(
      db,
      sql`SELECT d.number, d.title, d.status, c.name AS category_name, d.submitted_at, d.reporter_name
          FROM demand d JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
          WHERE ${where}
          ORDER BY d.submitted_at DESC, d.id DESC
          LIMIT ${limit}`,
    ),
  ]);
  return {
    total: count?.n ?? 0,
    items: list.map((r) => ({
      number: r.number,
      title: maskPersonalText(r.title, [r.reporter_name]),
      status: r.status,
      categoryName: r.category_name,
      submittedAt: iso(r.submitted_at),
    })),
  };
}
