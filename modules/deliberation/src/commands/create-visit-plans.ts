import { auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference } from '@linli/territory';
import { VisitRepository } from '../visit.repository.ts';
import type { CreatedVisitPlans, CreateVisitPlansBody } from '../visit-contract.ts';

/**
 * Makes the quarter's home-visit plan of every grid in the caller's scope (or under the place named)
 * that has none yet. Idempotent: a second call makes nothing and counts the plans that exist.
 * One audit record and one event for the plans made.
 */
export async function createVisitPlans(tx: Tx, ctx: RequestContext, input: CreateVisitPlansBody): Promise<CreatedVisitPlans> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'deliberation.write');
  // A place outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { nodeId: placeReference });
  const made = await new VisitRepository(tx).createPlans(tenantId, scope, input.quarter, ctx.actor.accountId, input.nodeId);
  if (made.created.length > 0) {
    const payload = { quarter: input.quarter, plans: made.created.length, nodeId: input.nodeId ?? null };
    await recordAudit(tx, auditEntry(ctx, 'deliberation.visit_plan.create', { type: 'deliberation_visit_plan', id: null }, payload));
    await emitEvents(tx, {
      tenantId,
      type: 'deliberation.visit_plans_created',
      aggregateType: 'deliberation_visit_plan',
      aggregateId: made.created[0] as string,
      payload: { ...payload, planIds: made.created },
    });
  }
  return { quarter: input.quarter, created: made.created.length, existing: made.existing };
}
