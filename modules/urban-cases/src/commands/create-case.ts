import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { CaseRepository } from '../case.repository.ts';
import { readCaseDetail } from '../case-detail.ts';
import type { CreateCaseBody, UrbanCaseDetail } from '../contract.ts';
import { urbanCasesErrors } from '../errors.ts';
import { checkQuantity } from '../quantity.ts';

/** Staff record a case at a compound or building in their scope: status reported, on the timeline, audited. */
export async function createCase(tx: Tx, ctx: RequestContext, input: CreateCaseBody): Promise<UrbanCaseDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'urbanCases.write');
  await requireReferences(tx, ctx.actor, scope, input, { nodeId: placeReference });
  const place = await territory.node(tx, tenantId, input.nodeId);
  if (place?.kind !== 'compound' && place?.kind !== 'building')
    throw AppError.of(urbanCasesErrors.not_a_case_place, { place: place?.name ?? input.nodeId }, [
      { field: 'nodeId', reason: 'is not a compound or building' },
    ]);
  const description = input.description.trim();
  if (!description) throw AppError.invalid([{ field: 'description', reason: 'is empty' }]);
  const quantity = checkQuantity(input.kind, input.quantity);
  const cases = new CaseRepository(tx);
  const id = await cases.insert(tenantId, {
    kind: input.kind,
    nodeId: place.id,
    description,
    quantity,
    source: 'staff',
    reportedBy: ctx.actor.accountId,
  });
  await cases.appendEvent(tenantId, id, {
    action: 'report',
    fromStatus: null,
    toStatus: 'reported',
    actorId: ctx.actor.accountId,
    actorName: ctx.actor.displayName,
  });
  await recordAudit(tx, auditEntry(ctx, 'urbanCases.case.create', { type: 'urban_case', id }, { kind: input.kind, nodeId: place.id }));
  await emitEvents(tx, {
    tenantId,
    type: 'urbanCases.case_reported',
    aggregateType: 'urban_case',
    aggregateId: id,
    payload: { kind: input.kind },
  });
  return readCaseDetail(tx, tenantId, id, scope);
}
