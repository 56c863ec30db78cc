import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { gridHouseholdReference, VisitRepository } from '../visit.repository.ts';
import { quarterDays, type RecordVisitBody, type Visit } from '../visit-contract.ts';
import { visitErrors, visitNouns } from '../visit-errors.ts';

/** Today ('YYYY-MM-DD') in China. */
const chinaDay = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Records a home visit of a household of the plan's grid (grid workers and community staff of the
 * place: deliberation.write on it). One visit per household and plan: a later attempt (second round
 * after 不在家) replaces the outcome and is kept in the visit's attempts. A household of another
 * grid, community or county answers like an unknown id. What was raised is kept only for a household
 * visited. Audited (without the raised text), with its event.
 */
export async function recordVisit(tx: Tx, ctx: RequestContext, planId: string, input: RecordVisitBody, now = new Date()): Promise<Visit> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'deliberation.write');
  const visits = new VisitRepository(tx);
  const plan = await visits.plan(tenantId, planId, scope);
  if (!plan) throw AppError.notFound(visitNouns.plan, planId);
  await requireReferences(tx, ctx.actor, scope, input, { householdId: gridHouseholdReference(plan.gridId) });

  const { first, last } = quarterDays(plan.quarter);
  if (input.visitedOn < first || input.visitedOn > last)
    throw AppError.of(visitErrors.visit_date_outside_quarter, { quarter: plan.quarter, first, last }, [
      { field: 'visitedOn', reason: 'is outside the quarter', value: input.visitedOn },
    ]);
  if (input.visitedOn > chinaDay(now))
    throw AppError.of(visitErrors.visit_date_ahead, { date: input.visitedOn }, [
      { field: 'visitedOn', reason: 'is ahead', value: input.visitedOn },
    ]);
  const raised = input.raised?.trim() || null;
  if (raised && input.outcome !== 'visited')
    throw AppError.of(visitErrors.visit_raised_without_visit, undefined, [{ field: 'raised', reason: 'only for a household visited' }]);

  const existing = await visits.lockVisitOf(tenantId, plan.id, input.householdId);
  if (input.version !== undefined && input.version !== (existing?.version ?? 0))
    throw AppError.of(visitErrors.visit_changed, { version: existing?.version ?? 0, seen: input.version });
  const recorded = await visits.record(tenantId, {
    planId: plan.id,
    householdId: input.householdId,
    visitedOn: input.visitedOn,
    visitorId: ctx.actor.accountId,
    visitorName: ctx.actor.displayName,
    outcome: input.outcome,
    raised,
  });
  const payload = {
    planId: plan.id,
    quarter: plan.quarter,
    householdId: input.householdId,
    outcome: input.outcome,
    attempt: recorded.attempts,
    raised: raised !== null,
  };
  await recordAudit(tx, auditEntry(ctx, 'deliberation.visit.record', { type: 'deliberation_visit', id: recorded.id }, payload));
  await emitEvents(tx, {
    tenantId,
    type: 'deliberation.home_visit_recorded',
    aggregateType: 'deliberation_visit',
    aggregateId: recorded.id,
    payload,
  });
  const visit = await visits.visit(tenantId, recorded.id);
  if (!visit) throw AppError.notFound(visitNouns.visit, recorded.id);
  return visit;
}
