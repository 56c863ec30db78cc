import { AppError, auditEntry, ensureAuditHead, type RequestContext, toChinese } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand } from './contract.ts';
import { type DemandChange, type DemandRecord, DemandRepository } from './demand.repository.ts';
import { actionNoun, demandErrors, demandNouns, statusNoun } from './errors.ts';
import { type DemandAction, type DemandStatus, decide } from './state-machine.ts';

/** Domain event names, past tense, one per action. */
const eventNames: Record<DemandAction, string> = {
  accept: 'demand.accepted',
  reject: 'demand.rejected',
  dispatch: 'demand.dispatched',
  start: 'demand.started',
  resolve: 'demand.resolved',
  evaluate: 'demand.evaluated',
  close: 'demand.closed',
  return: 'demand.returned',
  transfer: 'demand.transferred',
  escalate: 'demand.escalated',
  request_extension: 'demand.extension_requested',
  decide_extension: 'demand.extension_decided',
  reopen: 'demand.reopened',
  merge: 'demand.merged',
  supervise: 'demand.supervised',
  callback: 'demand.callback_recorded',
};

export interface TransitionPlan {
  /** What changes beyond the status (and version). */
  change: Omit<DemandChange, 'status'>;
  note?: string | null;
  /** Facts for the timeline, the audit record and the event (ids, levels, deadlines — no personal data). */
  data?: Record<string, unknown>;
  /** Writes that belong to the same transaction after the update (e.g. the callback row). */
  after?: (tx: Tx) => Promise<void>;
}

export interface TransitionOptions {
  /** The version the caller saw; a different current version is a conflict. */
  version?: number;
  now?: Date;
  /**
   * The system acting (the deadline job): its timeline entry and audit record carry this name and
   * no account.
   */
  system?: { name: string };
  /** Validates input against the loaded demand and says what to change. Throw AppError for bad input. */
  plan: (demand: DemandRecord, to: DemandStatus) => Promise<TransitionPlan> | TransitionPlan;
}

function changedFirst(current: { status: string; version: number }): AppError {
  return AppError.of(
    demandErrors.changed_first,
    { status: statusNoun(current.status) },
    { status: current.status, version: current.version },
  );
}

/**
 * Runs one transition in the caller's transaction: load the demand (404 when the caller cannot
 * see it), check the state machine (409 with the current status, or 403), apply the change with
 * `UPDATE … WHERE version = $read` so that of two workers acting at once exactly one wins, with
 * the timeline entry, audit record and event in the same statement — all or nothing.
 */
export async function runTransition(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  action: DemandAction,
  options: TransitionOptions,
): Promise<Demand> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  const demands = new DemandRepository(tx);
  const demand = await demands.findRecord(tenantId, id, actor);
  if (!demand) throw AppError.notFound(demandNouns.demand, id);
  if (options.version !== undefined && options.version !== demand.version) {
    throw AppError.of(
      demandErrors.changed_meanwhile,
      { version: demand.version, seen: options.version },
      { status: demand.status, version: demand.version },
    );
  }
  const decision = decide(action, demand, actor, { now: options.now, reopenWindowDays: demand.reopenWindowDays ?? undefined });
  if (!decision.ok) {
    if (decision.code === 'forbidden') throw AppError.of(demandErrors.action_forbidden, { action: actionNoun(action) });
    if (decision.reason === `cannot ${action.replace('_', ' ')} a demand that is ${demand.status}`) {
      const params = { action: actionNoun(action), status: statusNoun(demand.status) };
      throw AppError.of(demandErrors.not_in_state, params, { status: demand.status, version: demand.version });
    }
    // A guard's reason (deadline passed, county department …) is worded in English by the state machine
    // and put into Chinese by the rules of core/error-messages.ts.
    const reason = { 'zh-CN': toChinese(decision.reason) ?? decision.reason, 'en-US': decision.reason };
    throw AppError.of(
      demandErrors.action_refused,
      { action: actionNoun(action), reason },
      { status: demand.status, version: demand.version },
    );
  }
  const plan = await options.plan(demand, decision.to);
  const data = plan.data ?? {};
  const payload = { number: demand.number, from: demand.status, to: decision.to, ...data };
  // One statement: the versioned update, timeline, event and audit record, and the read-back
  // (without the visibility rule: a handler who returns a demand no longer sees it, but is owed
  // the result of what they just did). The audit head is locked last, for the rest of the commit.
  const write = () =>
    demands.updateWithTrail(
      tenantId,
      id,
      demand.version,
      { ...plan.change, status: decision.to },
      {
        timeline: {
          actorId: options.system ? null : actor.accountId,
          actorName: options.system?.name ?? actor.displayName,
          action,
          fromStatus: demand.status,
          toStatus: decision.to,
          note: plan.note ?? null,
          data,
        },
        audit: options.system
          ? { ...auditEntry(ctx, `demand.${action}`, { type: 'demand', id }, payload), actorId: null, actorName: 'system' }
          : auditEntry(ctx, `demand.${action}`, { type: 'demand', id }, payload),
        event: { tenantId, type: eventNames[action], aggregateType: 'demand', aggregateId: id, payload },
      },
    );
  let summary = await write();
  if (!summary) {
    const current = (await demands.currentState(tenantId, id)) ?? demand;
    if (current.version !== demand.version) {
      throw changedFirst(current);
    }
    // Same version, nothing written: the tenant's audit chain has no head yet.
    await ensureAuditHead(tx, tenantId);
    summary = await write();
    if (!summary) throw changedFirst(current);
  }
  await plan.after?.(tx);
  return summary;
}
