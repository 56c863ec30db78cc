import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { AcceptRenovationBody, RenovationDetail } from '../contract.ts';
import { urbanCasesErrors, urbanCasesNouns } from '../errors.ts';
import { RenovationRepository } from '../renovation.repository.ts';
import { renovationStatusLabels } from '../vocabulary.ts';

/** The acceptance (验收) of a project under way: its date (not in the future) and note; needs a photo of the acceptance. */
export async function acceptRenovation(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  input: AcceptRenovationBody,
  now = new Date(),
): Promise<RenovationDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'urbanCases.write');
  const projects = new RenovationRepository(tx);
  const found = await projects.lock(tenantId, id, scope);
  if (!found) throw AppError.notFound(urbanCasesNouns.renovation, id);
  if (found.status !== 'in_progress')
    throw AppError.of(urbanCasesErrors.renovation_status, { status: renovationStatusLabels[found.status], action: '验收' });
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (input.acceptedOn > today) throw AppError.invalid([{ field: 'acceptedOn', reason: 'is in the future' }]);
  if (!(await projects.photos(tenantId, id)).some((p) => p.stage === 'acceptance'))
    throw AppError.of(urbanCasesErrors.acceptance_photo_needed, {}, [{ field: 'photos', reason: 'needs a photo of the acceptance' }]);
  const changed = await projects.setStatus(tenantId, id, input.version, {
    status: 'accepted',
    acceptedOn: input.acceptedOn,
    acceptanceNote: input.note?.trim() || null,
  });
  if (!changed) throw AppError.of(urbanCasesErrors.stale);
  await recordAudit(
    tx,
    auditEntry(ctx, 'urbanCases.renovation.accept', { type: 'urban_renovation', id }, { acceptedOn: input.acceptedOn }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'urbanCases.renovation_accepted',
    aggregateType: 'urban_renovation',
    aggregateId: id,
    payload: {},
  });
  const updated = await projects.findDetail(tenantId, id, scope);
  if (!updated) throw AppError.notFound(urbanCasesNouns.renovation, id);
  return updated;
}
