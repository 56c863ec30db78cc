import { CALENDAR_STAMP } from '@linli/calendar';
import {
  type Actor,
  type AuditEntry,
  auditAppendCte,
  CursorTime,
  type DomainEvent,
  emitEventCte,
  inScope,
  maskName,
  maskPersonalText,
  scopePaths,
  Uuid,
} from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { type TerritoryRef, territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { type Static, Type } from 'typebox';
import { type CategoryRef, deadlineRuleSql } from './category.repository.ts';
import type { Demand, DemandDetail, DemandSort, InboxTab, TimelineEntry } from './contract.ts';
import { type DeadlineRule, DUE_SOON_HOURS } from './deadlines.ts';
import type { DemandFacts, DemandStatus, HandlingLevel } from './state-machine.ts';

/** The stored demand with what a transition needs to decide and to update. */
export interface DemandRecord extends DemandFacts {
  id: string;
  tenantId: string;
  number: string;
  version: number;
  level: HandlingLevel;
  categoryId: string;
  type: string;
  urgency: string;
  nodeId: string;
  handlingNodeId: string | null;
  handlingDepartmentId: string | null;
  resolveDueAt: Date;
  /** Tenant setting: days a dissatisfied resident may reopen after evaluating. */
  reopenWindowDays: number | null;
}

export interface DemandFilter {
  tab?: InboxTab;
  status?: DemandStatus;
  categoryId?: string;
  channel?: string;
  level?: string;
  q?: string;
  phoneHash?: string | null;
  nodeId?: string;
  sort?: DemandSort;
}

/** Lists give their total only up to this many rows. */
export const TOTAL_CAP = 2000;

/** Cursor of a demand list: the sort value (a time) and id of the last row. */
export const DemandCursor = Type.Tuple([CursorTime, Uuid]);
export type DemandCursor = Static<typeof DemandCursor>;

export interface DemandInsert {
  tenantId: string;
  id: string;
  /** Year (Asia/Shanghai) of the number, e.g. 2026 → 2026-000123. */
  year: string;
  channel: string;
  type: string;
  categoryId: string;
  urgency: string;
  title: string;
  description: string;
  nodeId: string;
  nodePath: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  reporterKind: string;
  reporterAccountId: string | null;
  reporterName: string | null;
  reporterPhone: { enc: string | null; hash: string | null; masked: string | null };
  /** The resident's choice 仅工作人员可见: never published (board, Open311). */
  staffOnly: boolean;
  externalId: string | null;
  level: string;
  responseDueAt: Date;
  resolveDueAt: Date;
  submittedAt: Date;
  createdBy: string | null;
}

/** Demands the public may read (the notice board, Open311): a public category, and not kept for staff by the reporter (migration 0016). */
export const PUBLISHABLE = sql`(d.staff_only = false AND EXISTS (SELECT 1 FROM demand_category pc
  WHERE pc.tenant_id = d.tenant_id AND pc.id = d.category_id AND pc.is_public))`;

/**
 * Who may see a demand, inside the SQL: its location in the caller's demand.read scope, its first
 * receiver inside that scope (首接负责制: the accepting unit follows it wherever it goes), its
 * handling unit in the caller's demand.handle scope (property staff see what is dispatched to
 * their compound), or — for detail and actions, not the staff inbox — the caller reported it.
 */
export function visibleTo(actor: Actor, options: { asReporter: boolean } = { asReporter: true }): SQL {
  const read = scopePaths(actor, 'demand.read');
  const handle = scopePaths(actor, 'demand.handle');
  const parts = [inScope(sql`d.node_path`, read), inScope(sql`d.first_receiver_path`, read), inScope(sql`d.handling_path`, handle)];
  if (options.asReporter) parts.push(sql`d.reporter_account_id = ${actor.accountId}::uuid`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** A time a transition stamps: the statement's clock. */
export type Stamp = 'now';

/**
 * What a transition changes on a demand (version and updated_at always move): named fields, never
 * SQL — the repository writes the columns. `null` clears a column.
 */
export interface DemandChange {
  status?: DemandStatus;
  level?: HandlingLevel;
  /** The handling unit (派单, 转办, 提级), or none (退单). */
  handling?: { nodeId: string | null; departmentId: string | null; path: string } | null;
  firstReceiver?: { nodeId: string; path: string };
  respondedAt?: Stamp;
  dispatchedAt?: Stamp;
  closedAt?: Stamp;
  evaluatedAt?: Stamp | null;
  resolvedAt?: Date | null;
  result?: string | null;
  satisfaction?: string | null;
  rejectReason?: string;
  /** A new resolution deadline, or the extension that was asked for (延期审批 approved). */
  resolveDueAt?: Date | 'requested_extension';
  /** A waiting extension request (延期申请), or none. */
  extension?: { until: Date; reason: string } | null;
  mergedIntoId?: string;
  supervised?: true;
  escalations?: 'one_more';
  reopenings?: 'one_more';
}

function at(value: Date | Stamp | null): SQL {
  if (value === null) return sql`NULL`;
  return value === 'now' ? sql`now()` : sql`${value.toISOString()}::timestamptz`;
}

/** The column assignments of a change. */
function setOf(c: DemandChange): SQL[] {
  const set: SQL[] = [];
  if (c.status !== undefined) set.push(sql`status = ${c.status}`);
  if (c.level !== undefined) set.push(sql`level = ${c.level}`);
  if (c.handling !== undefined) {
    const h = c.handling;
    set.push(
      sql`handling_node_id = ${h?.nodeId ?? null}::uuid`,
      sql`handling_department_id = ${h?.departmentId ?? null}::uuid`,
      sql`handling_path = ${h?.path ?? null}::ltree`,
    );
  }
  if (c.firstReceiver !== undefined) {
    set.push(sql`first_receiver_node_id = ${c.firstReceiver.nodeId}::uuid`, sql`first_receiver_path = ${c.firstReceiver.path}::ltree`);
  }
  if (c.respondedAt !== undefined) set.push(sql`responded_at = ${at(c.respondedAt)}`);
  if (c.dispatchedAt !== undefined) set.push(sql`dispatched_at = ${at(c.dispatchedAt)}`);
  if (c.closedAt !== undefined) set.push(sql`closed_at = ${at(c.closedAt)}`);
  if (c.evaluatedAt !== undefined) set.push(sql`evaluated_at = ${at(c.evaluatedAt)}`);
  if (c.resolvedAt !== undefined) set.push(sql`resolved_at = ${at(c.resolvedAt)}`);
  if (c.result !== undefined) set.push(sql`result = ${c.result}`);
  if (c.satisfaction !== undefined) set.push(sql`satisfaction = ${c.satisfaction}`);
  if (c.rejectReason !== undefined) set.push(sql`reject_reason = ${c.rejectReason}`);
  if (c.resolveDueAt !== undefined) {
    set.push(
      c.resolveDueAt === 'requested_extension'
        ? sql`resolve_due_at = extension_requested_until`
        : sql`resolve_due_at = ${at(c.resolveDueAt)}`,
    );
  }
  if (c.extension !== undefined) {
    set.push(
      sql`extension_requested_until = ${c.extension ? at(c.extension.until) : sql`NULL`}`,
      sql`extension_reason = ${c.extension?.reason ?? null}`,
    );
  }
  if (c.mergedIntoId !== undefined) set.push(sql`merged_into_id = ${c.mergedIntoId}::uuid`);
  if (c.supervised) set.push(sql`supervised = true`);
  if (c.escalations) set.push(sql`escalation_count = escalation_count + 1`);
  if (c.reopenings) set.push(sql`reopen_count = reopen_count + 1`);
  return set;
}

/**
 * Which demands a list shows: the staff inbox (visibleTo without the reporter's own), or the
 * caller's own demands as their reporter. A caller names a view, never SQL: every view carries the
 * visibility rule, so no list can be asked for past it.
 */
export type DemandView = 'inbox' | 'mine';

function seenIn(actor: Actor, view: DemandView): SQL {
  if (view === 'mine') return sql`(d.reporter_account_id = ${actor.accountId}::uuid AND ${visibleTo(actor)})`;
  return visibleTo(actor, { asReporter: false });
}

const ACTIVE = sql`('accepted', 'returned', 'dispatched', 'in_progress')`;
/** Statuses with a current deadline (CURRENT_DUE is NULL for the others). */
const WITH_DEADLINE = sql`('submitted', 'accepted', 'returned', 'dispatched', 'in_progress')`;
/** The deadline that matters now: the response deadline before acceptance, then the resolution deadline. */
const CURRENT_DUE = sql`(CASE WHEN d.status = 'submitted' THEN d.response_due_at
  WHEN d.status IN ${ACTIVE} THEN d.resolve_due_at END)`;
/**
 * A deadline is near (due soon) in the last quarter of the time allowed for it, and at most in its
 * last DUE_SOON_HOURS: a demand filed a minute ago with 24 hours to answer is not near its deadline,
 * one with 5 hours left of 5 days is. Both deadlines run from the submission.
 */
const NEAR_DUE = sql`${CURRENT_DUE} < now() + least(make_interval(hours => ${DUE_SOON_HOURS}), (${CURRENT_DUE} - d.submitted_at) / 4)`;

const sortColumns: Record<string, SQL> = { submittedAt: sql`d.submitted_at`, resolveDueAt: sql`d.resolve_due_at` };

interface DemandRow {
  id: string;
  number: string;
  title: string;
  channel: Demand['channel'];
  type: Demand['type'];
  category_id: string;
  category_name: string;
  urgency: Demand['urgency'];
  status: Demand['status'];
  level: Demand['level'];
  node_id: string;
  location_path: string[];
  address: string | null;
  handling_node_id: string | null;
  handling_node_name: string | null;
  handling_department_id: string | null;
  handling_department_name: string | null;
  first_receiver_node_id: string | null;
  first_receiver_name: string | null;
  reporter_kind: Demand['reporterKind'];
  reporter_account_id: string | null;
  reporter_name: string | null;
  reporter_phone_masked: string | null;
  staff_only: boolean;
  external_id: string | null;
  submitted_at: Date | string;
  response_due_at: Date | string;
  resolve_due_at: Date | string;
  responded_at: Date | string | null;
  resolved_at: Date | string | null;
  closed_at: Date | string | null;
  satisfaction: Demand['satisfaction'];
  supervised: boolean;
  extension_requested_until: Date | string | null;
  deadline_state: Demand['deadlineState'];
  version: number;
  sort_value: Date | string;
}

interface DetailRow extends DemandRow {
  description: string;
  lat: number | null;
  lng: number | null;
  result: string | null;
  reject_reason: string | null;
  extension_reason: string | null;
  merged_into_id: string | null;
  reopen_count: number;
  escalation_count: number;
}

export function iso(value: Date | string): string;
export function iso(value: Date | string | null): string | null;
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** 王小明 → 王**: a reporter's name is shown like a masked phone (the one rule, from core). */
export { maskName };

/** The given names masked wherever they occur in `text` (nothing else: staff read the text as written). */
function maskNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const n of names) if ([...n].length >= 2) out = out.split(n).join(maskName(n) as string);
  return out;
}

/**
 * A demand as lists show it. The reporter's name is masked (王**) for everybody but the reporter:
 * people see their own data; staff read the name and phone through the audited reveal.
 */
function toDemand(r: DemandRow, viewerId?: string): Demand {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    channel: r.channel,
    type: r.type,
    categoryId: r.category_id,
    categoryName: r.category_name,
    urgency: r.urgency,
    status: r.status,
    level: r.level,
    nodeId: r.node_id,
    locationPath: r.location_path ?? [],
    address: r.address,
    handlingUnit: r.handling_node_id
      ? { kind: 'node', id: r.handling_node_id, name: r.handling_node_name ?? '' }
      : r.handling_department_id
        ? { kind: 'department', id: r.handling_department_id, name: r.handling_department_name ?? '' }
        : null,
    firstReceiver: r.first_receiver_node_id ? { kind: 'node', id: r.first_receiver_node_id, name: r.first_receiver_name ?? '' } : null,
    reporterKind: r.reporter_kind,
    reporterName: viewerId !== undefined && r.reporter_account_id === viewerId ? r.reporter_name : maskName(r.reporter_name),
    reporterPhone: r.reporter_phone_masked,
    staffOnly: r.staff_only,
    externalId: r.external_id,
    submittedAt: iso(r.submitted_at),
    responseDueAt: iso(r.response_due_at),
    resolveDueAt: iso(r.resolve_due_at),
    respondedAt: iso(r.responded_at),
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    satisfaction: r.satisfaction,
    supervised: r.supervised,
    extensionRequestedUntil: iso(r.extension_requested_until),
    deadlineState: r.deadline_state,
    version: r.version,
  };
}

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

/** A demand of a place that the public may read (a public category, not kept for staff), still being handled: no name, contact or door. */
export interface PublicOpenDemand {
  number: string;
  title: string;
  status: DemandStatus;
  categoryName: string;
  submittedAt: string;
}

/** A reporter's demands not finished for them: being handled, or resolved and awaiting their evaluation. */
const REPORTER_OPEN = sql`('submitted', 'accepted', 'returned', 'dispatched', 'in_progress', 'resolved')`;

/** All SQL about demands and their timeline. Every read carries the tenant and the caller's visibility. */
export class DemandRepository {
  constructor(private readonly db: Db) {}

  /**
   * Everything intake needs to know, in one round trip: the place, the category, the deadline rule
   * for the type and urgency (deadlineRuleSql), and whether the external id is taken.
   */
  async intakeLookup(
    tenantId: string,
    q: { nodeId: string; categoryId: string; type: string; urgency: string; externalId: string | null },
  ): Promise<{
    node: TerritoryRef | null;
    category: CategoryRef | null;
    rule: DeadlineRule | null;
    externalTaken: boolean;
    /** The tenant calendar overrides' stamp (as CalendarRepository.stamp), so a working-day deadline needs no read of its own. */
    calendarStamp: string;
  }> {
    const row = await one<{ node: unknown; category: unknown; rule: unknown; external_taken: boolean; calendar_stamp: string }>(
      this.db,
      sql`SELECT
          (SELECT json_build_object('id', n.id, 'kind', n.kind, 'name', n.name, 'path', n.path::text)
             FROM ${territorySql.nodes('n')} WHERE n.tenant_id = ${tenantId} AND n.id = ${q.nodeId}::uuid) AS node,
          (SELECT json_build_object('id', c.id, 'name', c.name, 'path', c.path::text, 'defaultLevel', c.default_level,
                                    'defaultDepartmentId', c.default_department_id, 'active', c.active)
             FROM demand_category c WHERE c.tenant_id = ${tenantId} AND c.id = ${q.categoryId}::uuid) AS category,
          ${deadlineRuleSql(tenantId, sql`${q.categoryId}::uuid`, q.urgency, q.type)} AS rule,
          EXISTS (SELECT 1 FROM demand WHERE tenant_id = ${tenantId} AND external_id = ${q.externalId}) AS external_taken,
          (SELECT ${CALENDAR_STAMP} FROM tenant_calendar_day WHERE tenant_id = ${tenantId}) AS calendar_stamp`,
    );
    const parse = <T>(v: unknown): T | null => (v === null || v === undefined ? null : ((typeof v === 'string' ? JSON.parse(v) : v) as T));
    return {
      node: parse<TerritoryRef>(row?.node),
      category: parse<CategoryRef>(row?.category),
      rule: parse<DeadlineRule>(row?.rule),
      externalTaken: row?.external_taken ?? false,
      calendarStamp: row?.calendar_stamp ?? '0',
    };
  }

  /**
   * Inserts the demand and draws its number (year-serial per tenant, from `counter`) in the same
   * statement; returns the number.
   */
  async insert(d: DemandInsert): Promise<string> {
    const row = await one<{ number: string }>(
      this.db,
      sql`WITH serial AS (
          INSERT INTO counter (tenant_id, name, value) VALUES (${d.tenantId}, ${`demand:${d.year}`}, 1)
          ON CONFLICT (tenant_id, name) DO UPDATE SET value = counter.value + 1 RETURNING value)
        INSERT INTO demand (tenant_id, id, number, channel, type, category_id, urgency, title, description,
          node_id, node_path, address, lat, lng, reporter_kind, reporter_account_id, reporter_name,
          reporter_phone_enc, reporter_phone_hash, reporter_phone_masked, staff_only, external_id, level,
          response_due_at, resolve_due_at, submitted_at, created_by)
        SELECT ${d.tenantId}, ${d.id}::uuid, ${d.year} || '-' || lpad(serial.value::text, 6, '0'), ${d.channel}, ${d.type},
          ${d.categoryId}::uuid, ${d.urgency}, ${d.title}, ${d.description}, ${d.nodeId}::uuid, ${d.nodePath}::ltree, ${d.address},
          ${d.lat}::double precision, ${d.lng}::double precision, ${d.reporterKind}, ${d.reporterAccountId}::uuid, ${d.reporterName},
          ${d.reporterPhone.enc}, ${d.reporterPhone.hash}, ${d.reporterPhone.masked}, ${d.staffOnly}, ${d.externalId}, ${d.level},
          ${d.responseDueAt.toISOString()}::timestamptz, ${d.resolveDueAt.toISOString()}::timestamptz,
          ${d.submittedAt.toISOString()}::timestamptz, ${d.createdBy}::uuid
        FROM serial
        RETURNING number`,
    );
    if (!row) throw new Error('demand insert returned no row');
    return row.number;
  }

  /**
   * Intake's write in one statement: draws the number (year-serial per tenant, from `counter`),
   * inserts the demand and its first timeline entry, emits its event and appends its audit record
   * (both naming the number), and returns the demand as lists show it. Of the two per-tenant locks,
   * the counter row is taken with the insert and the audit chain head after everything else, so
   * both are held only for the end of the statement and the commit. Undefined when the tenant has
   * no audit chain head yet: then nothing was written (create the head and call again).
   */
  async insertSubmitted(
    d: DemandInsert,
    also: { timeline: { actorName: string | null; data: Record<string, unknown> }; audit: AuditEntry; event: DomainEvent },
  ): Promise<Demand | undefined> {
    const written = sql`EXISTS (SELECT 1 FROM inserted)`;
    const number = { number: sql`(SELECT number FROM inserted)` };
    const row = await one<DemandRow & { audited: number }>(
      this.db,
      sql`WITH serial AS (
          INSERT INTO counter (tenant_id, name, value)
          SELECT ${d.tenantId}, ${`demand:${d.year}`}, 1 WHERE EXISTS (SELECT 1 FROM audit_head WHERE tenant_id = ${d.tenantId})
          ON CONFLICT (tenant_id, name) DO UPDATE SET value = counter.value + 1 RETURNING value),
        inserted AS (
          INSERT INTO demand (tenant_id, id, number, channel, type, category_id, urgency, title, description,
            node_id, node_path, address, lat, lng, reporter_kind, reporter_account_id, reporter_name,
            reporter_phone_enc, reporter_phone_hash, reporter_phone_masked, staff_only, external_id, level,
            response_due_at, resolve_due_at, submitted_at, created_by)
          SELECT ${d.tenantId}, ${d.id}::uuid, ${d.year} || '-' || lpad(serial.value::text, 6, '0'), ${d.channel}, ${d.type},
            ${d.categoryId}::uuid, ${d.urgency}, ${d.title}, ${d.description}, ${d.nodeId}::uuid, ${d.nodePath}::ltree, ${d.address},
            ${d.lat}::double precision, ${d.lng}::double precision, ${d.reporterKind}, ${d.reporterAccountId}::uuid, ${d.reporterName},
            ${d.reporterPhone.enc}, ${d.reporterPhone.hash}, ${d.reporterPhone.masked}, ${d.staffOnly}, ${d.externalId}, ${d.level},
            ${d.responseDueAt.toISOString()}::timestamptz, ${d.resolveDueAt.toISOString()}::timestamptz,
            ${d.submittedAt.toISOString()}::timestamptz, ${d.createdBy}::uuid
          FROM serial
          RETURNING *),
        timeline AS (
          INSERT INTO demand_event (tenant_id, demand_id, seq, actor_id, actor_name, action, from_status, to_status, data)
          SELECT tenant_id, id, 1, ${d.createdBy}::uuid, ${also.timeline.actorName}, 'submit', NULL, 'submitted',
                 ${JSON.stringify(also.timeline.data)}::jsonb
          FROM inserted
          RETURNING seq),
        ${emitEventCte(also.event, { when: written, late: number })},
        ${auditAppendCte(also.audit, { when: written, late: number })}
      SELECT listed.*, (SELECT count(*)::int FROM audit_appended) AS audited
      FROM (${this.select(d.tenantId, [sql`true`], undefined, false, sql`inserted`)}) listed`,
    );
    if (!row) return undefined;
    if (row.audited !== 1) throw new Error('demand inserted without its audit record');
    return toDemand(row, d.createdBy ?? undefined);
  }

  /** The demand as a transition needs it, if the actor may see it at all (otherwise 404, not 403). */
  async findRecord(tenantId: string, id: string, actor: Actor): Promise<DemandRecord | undefined> {
    const r = await one<Record<string, unknown>>(
      this.db,
      sql`SELECT d.id, d.tenant_id, d.number, d.status, d.version, d.level, d.category_id, d.type, d.urgency, d.node_id,
            d.node_path::text AS node_path, d.handling_path::text AS handling_path,
            d.first_receiver_path::text AS first_receiver_path, d.reporter_account_id, d.satisfaction, d.evaluated_at,
            d.extension_requested_until, d.handling_node_id, d.handling_department_id, d.resolve_due_at,
            (t.settings #>> '{demands,reopenWindowDays}')::int AS reopen_window_days
          FROM demand d JOIN tenant t ON t.tenant_id = d.tenant_id
          WHERE d.tenant_id = ${tenantId} AND d.id = ${id}::uuid AND ${visibleTo(actor)}`,
    );
    if (!r) return undefined;
    const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
    return {
      id: r.id as string,
      tenantId: r.tenant_id as string,
      number: r.number as string,
      status: r.status as DemandStatus,
      version: r.version as number,
      level: r.level as HandlingLevel,
      categoryId: r.category_id as string,
      type: r.type as string,
      urgency: r.urgency as string,
      nodeId: r.node_id as string,
      nodePath: r.node_path as string,
      handlingPath: (r.handling_path as string | null) ?? null,
      firstReceiverPath: (r.first_receiver_path as string | null) ?? null,
      reporterAccountId: (r.reporter_account_id as string | null) ?? null,
      satisfaction: (r.satisfaction as string | null) ?? null,
      evaluatedAt: date(r.evaluated_at),
      extensionRequestedUntil: date(r.extension_requested_until),
      handlingNodeId: (r.handling_node_id as string | null) ?? null,
      handlingDepartmentId: (r.handling_department_id as string | null) ?? null,
      resolveDueAt: date(r.resolve_due_at) as Date,
      reopenWindowDays: (r.reopen_window_days as number | null) ?? null,
    };
  }

  /** A staff callback (回访) with its outcome; its trigger stamps demand.callback_at with the first one. */
  async insertCallback(
    tenantId: string,
    c: {
      id: string;
      demandId: string;
      actorId: string;
      reached: boolean;
      resultConfirmed: boolean | null;
      satisfaction: string | null;
      note: string | null;
    },
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO demand_callback (tenant_id, id, demand_id, actor_id, reached, result_confirmed, satisfaction, note)
      VALUES (${tenantId}, ${c.id}::uuid, ${c.demandId}::uuid, ${c.actorId}::uuid, ${c.reached}, ${c.resultConfirmed}, ${c.satisfaction}, ${c.note})`);
  }

  /**
   * A transition's write in one statement: the optimistic update (`WHERE version = $read`, version
   * bumped), the timeline entry, the domain event and the audit record, returning the demand as
   * lists show it. Undefined when someone else changed the demand first (nothing written) — or when
   * the tenant has no audit chain head yet (create it and call again).
   */
  async updateWithTrail(
    tenantId: string,
    id: string,
    version: number,
    change: DemandChange,
    also: {
      timeline: {
        actorId: string | null;
        actorName: string | null;
        action: string;
        fromStatus: string;
        toStatus: string;
        note: string | null;
        data: Record<string, unknown>;
      };
      audit: AuditEntry;
      event: DomainEvent;
    },
  ): Promise<Demand | undefined> {
    const written = sql`EXISTS (SELECT 1 FROM updated)`;
    const t = also.timeline;
    const row = await one<DemandRow & { audited: number }>(
      this.db,
      sql`WITH updated AS (
          UPDATE demand SET ${sql.join([...setOf(change), sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
          WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND version = ${version}
            AND EXISTS (SELECT 1 FROM audit_head WHERE tenant_id = ${tenantId})
          RETURNING *),
        timeline AS (
          INSERT INTO demand_event (tenant_id, demand_id, seq, actor_id, actor_name, action, from_status, to_status, note, data)
          SELECT u.tenant_id, u.id,
                 (SELECT coalesce(max(e.seq), 0) + 1 FROM demand_event e WHERE e.tenant_id = u.tenant_id AND e.demand_id = u.id),
                 ${t.actorId}::uuid, ${t.actorName}, ${t.action}, ${t.fromStatus}, ${t.toStatus}, ${t.note}, ${JSON.stringify(t.data)}::jsonb
          FROM updated u
          RETURNING seq),
        ${emitEventCte(also.event, { when: written })},
        ${auditAppendCte(also.audit, { when: written })}
      SELECT listed.*, (SELECT count(*)::int FROM audit_appended) AS audited
      FROM (${this.select(tenantId, [sql`true`], undefined, false, sql`updated`)}) listed`,
    );
    if (!row) return undefined;
    if (row.audited !== 1) throw new Error('demand changed without its audit record');
    return toDemand(row, also.timeline.actorId ?? undefined);
  }

  currentState(tenantId: string, id: string): Promise<{ status: string; version: number } | undefined> {
    return one(this.db, sql`SELECT status, version FROM demand WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }

  /** Appends to the timeline; the row lock taken by the version update keeps seq gap-free per demand. */
  async appendEvent(e: {
    tenantId: string;
    demandId: string;
    actorId: string | null;
    actorName: string | null;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    note?: string | null;
    data?: Record<string, unknown>;
  }): Promise<number> {
    const row = await one<{ seq: number }>(
      this.db,
      sql`INSERT INTO demand_event (tenant_id, demand_id, seq, actor_id, actor_name, action, from_status, to_status, note, data)
          SELECT ${e.tenantId}, ${e.demandId}::uuid, coalesce(max(seq), 0) + 1, ${e.actorId}::uuid, ${e.actorName}, ${e.action},
                 ${e.fromStatus}, ${e.toStatus}, ${e.note ?? null}, ${JSON.stringify(e.data ?? {})}::jsonb
          FROM demand_event WHERE tenant_id = ${e.tenantId} AND demand_id = ${e.demandId}::uuid
          RETURNING seq`,
    );
    return row?.seq ?? 0;
  }

  /**
   * The list row of demands; `from` is the demand table, or a CTE of rows written by the same statement.
   * The location path names the place's ancestors, found by primary key: the labels of a territory
   * path are the node ids (without dashes), so there is no containment search per row.
   */
  private select(tenantId: string, conditions: SQL[], sortValue: SQL = sql`d.submitted_at`, detail = false, from: SQL = sql`demand`): SQL {
    return sql`SELECT d.id, d.number, d.title, d.channel, d.type, d.category_id, c.name AS category_name, d.urgency, d.status,
        d.level, d.node_id, d.address, d.handling_node_id, hn.name AS handling_node_name, d.handling_department_id,
        dep.name AS handling_department_name, d.first_receiver_node_id, fr.name AS first_receiver_name, d.reporter_kind,
        d.reporter_account_id, d.reporter_name, d.reporter_phone_masked, d.staff_only, d.external_id, d.submitted_at, d.response_due_at, d.resolve_due_at,
        d.responded_at, d.resolved_at, d.closed_at, d.satisfaction, d.supervised, d.extension_requested_until, d.version,
        ${sortValue} AS sort_value,
        CASE WHEN ${CURRENT_DUE} IS NULL THEN NULL
             WHEN ${CURRENT_DUE} < now() THEN 'overdue'
             WHEN ${NEAR_DUE} THEN 'due_soon'
             ELSE 'on_time' END AS deadline_state,
        ARRAY(SELECT a.name FROM ${territorySql.nodes('a')}
              WHERE a.tenant_id = d.tenant_id AND a.id = ANY (string_to_array(d.node_path::text, '.')::uuid[]) AND a.kind <> 'county'
              ORDER BY nlevel(a.path)) AS location_path
        ${
          detail
            ? sql`, d.description, d.lat, d.lng, d.result, d.reject_reason, d.extension_reason, d.merged_into_id, d.reopen_count,
                 d.escalation_count`
            : sql``
        }
      FROM ${from} d
      JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
      LEFT JOIN ${territorySql.nodes('hn')} ON hn.tenant_id = d.tenant_id AND hn.id = d.handling_node_id
      LEFT JOIN department dep ON dep.tenant_id = d.tenant_id AND dep.id = d.handling_department_id
      LEFT JOIN ${territorySql.nodes('fr')} ON fr.tenant_id = d.tenant_id AND fr.id = d.first_receiver_node_id
      WHERE d.tenant_id = ${tenantId} AND ${sql.join(conditions, sql` AND `)}`;
  }

  /** One demand as lists show it; `visible` is visibleTo(actor), or TRUE right after the caller acted on it. */
  async findSummary(tenantId: string, id: string, visible: SQL): Promise<Demand | undefined> {
    const row = await one<DemandRow>(this.db, this.select(tenantId, [sql`d.id = ${id}::uuid`, visible]));
    return row && toDemand(row);
  }

  async findDetail(tenantId: string, id: string, actor: Actor): Promise<Omit<DemandDetail, 'allowedActions' | 'attachments'> | undefined> {
    const row = await one<DetailRow>(this.db, this.select(tenantId, [sql`d.id = ${id}::uuid`, visibleTo(actor)], undefined, true));
    if (!row) return undefined;
    return {
      ...toDemand(row, actor.accountId),
      description: row.description,
      lat: row.lat,
      lng: row.lng,
      result: row.result,
      rejectReason: row.reject_reason,
      extensionReason: row.extension_reason,
      mergedIntoId: row.merged_into_id,
      reopenCount: row.reopen_count,
      escalationCount: row.escalation_count,
      timeline: await this.timeline(tenantId, id, {
        viewerId: actor.accountId,
        reporterAccountId: row.reporter_account_id,
        reporterName: row.reporter_name,
      }),
    };
  }

  /**
   * The timeline of a demand. Seen by someone other than the reporter (`view`), the reporter's name
   * follows the rule of the header: the steps the reporter took show their name masked (王**), and
   * their full name is masked in the notes too. Staff read it unmasked only through the audited reveal.
   */
  async timeline(
    tenantId: string,
    demandId: string,
    view?: { viewerId: string; reporterAccountId: string | null; reporterName: string | null },
  ): Promise<TimelineEntry[]> {
    const masked = view !== undefined && (view.reporterAccountId === null || view.reporterAccountId !== view.viewerId);
    const byReporter = (actorId: string | null) => masked && actorId !== null && actorId === view?.reporterAccountId;
    const names = masked && view?.reporterName ? [view.reporterName] : [];
    const list = await rows<{
      seq: number;
      at: Date | string;
      actor_id: string | null;
      actor_name: string | null;
      action: string;
      from_status: TimelineEntry['fromStatus'];
      to_status: TimelineEntry['toStatus'];
      note: string | null;
      data: Record<string, unknown> | string;
    }>(
      this.db,
      sql`SELECT seq, at, actor_id, actor_name, action, from_status, to_status, note, data FROM demand_event
          WHERE tenant_id = ${tenantId} AND demand_id = ${demandId}::uuid ORDER BY seq`,
    );
    return list.map((e) => ({
      seq: e.seq,
      at: iso(e.at),
      actorName: byReporter(e.actor_id) ? maskName(e.actor_name) : e.actor_name,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note !== null && names.length > 0 ? maskNames(e.note, names) : e.note,
      data: typeof e.data === 'string' ? JSON.parse(e.data) : e.data,
    }));
  }

  private conditions(tenantId: string, filter: DemandFilter): SQL[] {
    const c: SQL[] = [];
    switch (filter.tab) {
      case 'to_accept':
        c.push(sql`d.status = 'submitted'`);
        break;
      case 'to_dispatch':
        c.push(sql`d.status IN ('accepted', 'returned')`);
        break;
      case 'in_progress':
        c.push(sql`d.status IN ('dispatched', 'in_progress')`);
        break;
      // The status condition is implied by the deadline one, but spelled out it lets the planner use
      // the indexes over unfinished demands (migration 0010) and the current-deadline index.
      // 即将超期: the resolution deadline is near (NEAR_DUE). A response deadline is not in this tab:
      // its badge names it (响应时限), and 待受理 holds those demands.
      case 'due_soon':
        c.push(
          sql`d.status IN ${ACTIVE} AND ${CURRENT_DUE} >= now() AND ${CURRENT_DUE} < now() + make_interval(hours => ${DUE_SOON_HOURS}) AND ${NEAR_DUE}`,
        );
        break;
      case 'overdue':
        c.push(sql`d.status IN ${WITH_DEADLINE} AND ${CURRENT_DUE} < now()`);
        break;
      // No callback yet, reached or not: callback_at is set by the insert of the first one (migration
      // 0014), and this predicate is the one of that migration's partial indexes, written the same way.
      case 'to_callback':
        c.push(sql`d.status IN ('resolved', 'evaluated') AND d.callback_at IS NULL`);
        break;
    }
    if (filter.status) c.push(sql`d.status = ${filter.status}`);
    if (filter.channel) c.push(sql`d.channel = ${filter.channel}`);
    if (filter.level) c.push(sql`d.level = ${filter.level}`);
    if (filter.categoryId) {
      c.push(sql`d.category_id IN (SELECT s.id FROM demand_category s, demand_category p
        WHERE p.tenant_id = ${tenantId} AND p.id = ${filter.categoryId}::uuid AND s.tenant_id = p.tenant_id AND s.path <@ p.path)`);
    }
    if (filter.nodeId) {
      c.push(
        sql`d.node_path <@ (SELECT n.path FROM ${territorySql.nodes('n')} WHERE n.tenant_id = ${tenantId} AND n.id = ${filter.nodeId}::uuid)`,
      );
    }
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      const alternatives = [sql`d.title ILIKE ${like}`, sql`d.description ILIKE ${like}`, sql`d.number = ${filter.q}`];
      if (filter.phoneHash) alternatives.push(sql`d.reporter_phone_hash = ${filter.phoneHash}`);
      c.push(sql`(${sql.join(alternatives, sql` OR `)})`);
    }
    return c;
  }

  /** The staff inbox (demands in the caller's scope or first-received by their units) or the caller's own demands, keyset-paged. */
  async list(
    tenantId: string,
    actor: Actor,
    filter: DemandFilter,
    page: { limit: number; after?: DemandCursor },
    view: DemandView = 'inbox',
  ): Promise<{ items: Demand[]; next?: DemandCursor }> {
    const sort = filter.sort ?? '-submittedAt';
    const desc = sort.startsWith('-');
    const column = sortColumns[sort.replace('-', '')] ?? sortColumns.submittedAt!;
    const c = [...this.conditions(tenantId, filter), seenIn(actor, view)];
    if (page.after) {
      const [value, id] = page.after;
      c.push(
        desc
          ? sql`(${column}, d.id) < (${value}::timestamptz, ${id}::uuid)`
          : sql`(${column}, d.id) > (${value}::timestamptz, ${id}::uuid)`,
      );
    }
    const order = desc ? sql`${column} DESC, d.id DESC` : sql`${column} ASC, d.id ASC`;
    // The page is chosen among the demand rows first and only its rows are joined to their names:
    // a tab with thousands of matches (a morning's intake is all due soon) would otherwise join every
    // match before the sort picks twenty.
    const pageRows = sql`(SELECT d.* FROM demand d WHERE d.tenant_id = ${tenantId} AND ${sql.join(c, sql` AND `)}
      ORDER BY ${order} LIMIT ${page.limit + 1})`;
    const list = await rows<DemandRow>(
      this.db,
      sql`${this.select(tenantId, [sql`true`], column, false, pageRows)} ORDER BY ${order} LIMIT ${page.limit + 1}`,
    );
    const items = list.slice(0, page.limit);
    const last = list.length > page.limit ? items.at(-1) : undefined;
    return { items: items.map((r) => toDemand(r, actor.accountId)), next: last ? [iso(last.sort_value), last.id] : undefined };
  }

  /**
   * How many demands match, counted up to `cap`: undefined beyond it, so a county-wide view does
   * not pay for counting every row it will never page through (the list itself stays fast).
   */
  async count(
    tenantId: string,
    actor: Actor,
    filter: DemandFilter,
    view: DemandView = 'inbox',
    cap = TOTAL_CAP,
  ): Promise<number | undefined> {
    const c = this.conditions(tenantId, filter);
    if (c.length === 0 && view === 'inbox' && (await this.placedBeyond(tenantId, actor, cap))) return undefined;
    c.push(seenIn(actor, view));
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM demand d WHERE d.tenant_id = ${tenantId} AND ${sql.join(c, sql` AND `)}
          LIMIT ${cap + 1}) capped`,
    );
    const n = row?.n ?? 0;
    return n > cap ? undefined : n;
  }

  /**
   * Whether more than `cap` demands are placed in the caller's read scope, from the monthly rollup
   * (demand_kpi_month, kept by trigger in the writing transaction). A lower bound of the unfiltered
   * inbox: merged demands are not in the rollup, and first-received or handled demands placed
   * elsewhere add to the inbox. Saying "2000+" for a county's or a large community's inbox from the
   * first few hundred rollup rows (a running sum that stops as soon as it passes the cap) instead of
   * counting 2001 scattered demands. The rollup keeps places down to the 4th level, so deeper scope
   * paths are left to the exact count. Scope paths are disjoint (scopePaths drops covered ones), and
   * a subtree is the btree range [path, path + '0') in ltree order (labels are node ids of one
   * length; the containment test is kept as well).
   */
  private async placedBeyond(tenantId: string, actor: Actor, cap: number): Promise<boolean> {
    const scope = scopePaths(actor, 'demand.read').filter((p) => p.split('.').length <= 4);
    if (scope.length === 0) return false;
    const subtrees = scope.map(
      (p) => sql`(k.place_path >= ${p}::ltree AND k.place_path < ${`${p}0`}::ltree AND k.place_path <@ ${p}::ltree)`,
    );
    const row = await one<{ beyond: boolean }>(
      this.db,
      sql`SELECT EXISTS (SELECT 1 FROM (SELECT sum(k.submitted) OVER (ROWS UNBOUNDED PRECEDING) AS running FROM demand_kpi_month k
            WHERE k.tenant_id = ${tenantId} AND (${sql.join(subtrees, sql` OR `)})) r WHERE r.running > ${cap}) AS beyond`,
    );
    return row?.beyond ?? false;
  }

  /** How many demands match `where` (aliased `d`), and the first rows of `list` (which filters by the same `where`). */
  private async totalAndFirst<R>(where: SQL, list: SQL): Promise<{ total: number; list: R[] }> {
    const [count, found] = await Promise.all([
      one<{ n: number }>(this.db, sql`SELECT count(*)::int AS n FROM demand d WHERE ${where}`),
      rows<R>(this.db, list),
    ]);
    return { total: count?.n ?? 0, list: found };
  }

  /**
   * The caller's inbox demands (the same visibility as the staff inbox) whose current deadline is in
   * [from, to), earliest first, at most `limit`, with how many there are in all.
   */
  async dueBetween(actor: Actor, window: { from: Date; to: Date }, limit: number): Promise<{ total: number; items: DueDemand[] }> {
    const where = sql`d.tenant_id = ${actor.tenantId} AND d.status IN ${WITH_DEADLINE}
      AND ${CURRENT_DUE} >= ${window.from.toISOString()}::timestamptz AND ${CURRENT_DUE} < ${window.to.toISOString()}::timestamptz
      AND ${visibleTo(actor, { asReporter: false })}`;
    const { total, list } = await this.totalAndFirst<{
      id: string;
      number: string;
      title: string;
      status: DemandStatus;
      category_name: string;
      place_name: string;
      due_at: Date | string;
    }>(
      where,
      sql`SELECT d.id, d.number, d.title, d.status, c.name AS category_name, n.name AS place_name, ${CURRENT_DUE} AS due_at
          FROM demand d
          JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = d.tenant_id AND n.id = d.node_id
          WHERE ${where}
          ORDER BY ${CURRENT_DUE}, d.id
          LIMIT ${limit}`,
    );
    return {
      total,
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
  async openOfReporter(tenantId: string, accountId: string, limit: number): Promise<{ total: number; items: ReporterOpenDemand[] }> {
    const where = sql`d.tenant_id = ${tenantId} AND d.reporter_account_id = ${accountId}::uuid AND d.status IN ${REPORTER_OPEN}`;
    const { total, list } = await this.totalAndFirst<{
      id: string;
      number: string;
      title: string;
      status: DemandStatus;
      category_name: string;
      submitted_at: Date | string;
    }>(
      where,
      sql`SELECT d.id, d.number, d.title, d.status, c.name AS category_name, d.submitted_at
          FROM demand d JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
          WHERE ${where}
          ORDER BY d.submitted_at DESC, d.id DESC
          LIMIT ${limit}`,
    );
    return {
      total,
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
  async openPublicIn(tenantId: string, path: string, limit: number): Promise<{ total: number; items: PublicOpenDemand[] }> {
    const where = sql`d.tenant_id = ${tenantId} AND d.node_path <@ ${path}::ltree AND d.status IN ${WITH_DEADLINE} AND ${PUBLISHABLE}`;
    const { total, list } = await this.totalAndFirst<{
      number: string;
      title: string;
      status: DemandStatus;
      category_name: string;
      submitted_at: Date | string;
      reporter_name: string | null;
    }>(
      where,
      sql`SELECT d.number, d.title, d.status, c.name AS category_name, d.submitted_at, d.reporter_name
          FROM demand d JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
          WHERE ${where}
          ORDER BY d.submitted_at DESC, d.id DESC
          LIMIT ${limit}`,
    );
    return {
      total,
      items: list.map((r) => ({
        number: r.number,
        title: maskPersonalText(r.title, [r.reporter_name]),
        status: r.status,
        categoryName: r.category_name,
        submittedAt: iso(r.submitted_at),
      })),
    };
  }
}
