import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { RenovationDetail } from '../contract.ts';
import { urbanCasesErrors, urbanCasesNouns } from '../errors.ts';
import { RenovationRepository } from '../renovation.repository.ts';
import { renovationStatusLabels } from '../vocabulary.ts';

/** Works begin: a planned project goes in_progress. */
export async function startRenovation(tx: Tx, ctx: RequestContext, id: string, input: { version: number }): Promise<RenovationDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'urbanCases.write');
  const projects = new RenovationRepository(tx);
  const found = await projects.lock(tenantId, id, scope);
  if (!found) throw AppError.notFound(urbanCasesNouns.renovation, id);
  if (found.status !== 'planned')
    throw AppError.of(urbanCasesErrors.renovation_status, { status: renovationStatusLabels[found.status], action: '开工' });
  if (!(await projects.setStatus(tenantId, id, input.version, { status: 'in_progress' }))) throw AppError.of(urbanCasesErrors.stale);
  await recordAudit(tx, auditEntry(ctx, 'urbanCases.renovation.start', { type: 'urban_renovation', id }, {}));
  const updated = await projects.findDetail(tenantId, id, scope);
  if (!updated) throw AppError.notFound(urbanCasesNouns.renovation, id);
  return updated;
}
