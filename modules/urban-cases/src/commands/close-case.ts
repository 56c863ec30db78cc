import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { CaseRepository } from '../case.repository.ts';
import { readCaseDetail } from '../case-detail.ts';
import type { CloseCaseBody, UrbanCaseDetail } from '../contract.ts';
import { urbanCasesErrors, urbanCasesNouns } from '../errors.ts';
import { checkQuantity } from '../quantity.ts';
import { statusLabels } from '../vocabulary.ts';

/** Closes an assigned case with its final quantity; it needs at least one photo after the work. */
export async function closeCase(tx: Tx, ctx: RequestContext, id: string, input: CloseCaseBody): Promise<UrbanCaseDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'urbanCases.write');
  const cases = new CaseRepository(tx);
  const found = await cases.lock(tenantId, id, scope);
  if (!found) throw AppError.notFound(urbanCasesNouns.case, id);
  if (found.status !== 'assigned') throw AppError.of(urbanCasesErrors.case_status, { status: statusLabels[found.status], action: '办结' });
  const quantity = checkQuantity(found.kind, input.quantity) as number;
  const photos = await cases.photos(tenantId, id);
  if (!photos.some((p) => p.stage === 'after'))
    throw AppError.of(urbanCasesErrors.after_photo_needed, {}, [{ field: 'photos', reason: 'needs a photo after the work' }]);
  if (!(await cases.update(tenantId, id, input.version, { status: 'closed', quantity }))) throw AppError.of(urbanCasesErrors.stale);
  await cases.appendEvent(tenantId, id, {
    action: 'close',
    fromStatus: 'assigned',
    toStatus: 'closed',
    note: input.note?.trim() || null,
    actorId: ctx.actor.accountId,
    actorName: ctx.actor.displayName,
  });
  await recordAudit(tx, auditEntry(ctx, 'urbanCases.case.close', { type: 'urban_case', id }, { quantity }));
  await emitEvents(tx, {
    tenantId,
    type: 'urbanCases.case_closed',
    aggregateType: 'urban_case',
    aggregateId: id,
    payload: { kind: found.kind, quantity },
  });
  return readCaseDetail(tx, tenantId, id, scope);
}
