import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { ResolutionDetail } from '../contract.ts';
import { noteOnDemands } from '../demand-link.ts';
import { resolutionsErrors, resolutionsNouns } from '../errors.ts';
import { ResolutionRepository } from '../resolution.repository.ts';
import { resolutionDetail } from './resolution-detail.ts';

/**
 * Completes a resolution whose tasks all reached 100 %: its status and time, the audit record and
 * event, and an entry in the timeline of every demand it came from (through the demands module).
 */
export async function completeResolution(tx: Tx, ctx: RequestContext, resolutionId: string): Promise<ResolutionDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'resolutions.write');
  const repo = new ResolutionRepository(tx);
  const resolution = await repo.lock(tenantId, resolutionId, scope);
  if (!resolution) throw AppError.notFound(resolutionsNouns.resolution, resolutionId);
  if (resolution.status !== 'in_progress')
    throw AppError.of(resolutionsErrors.not_under_way, {
      status: { 'zh-CN': resolution.status === 'completed' ? '办结' : '撤销', 'en-US': resolution.status },
    });
  if ((await repo.rollUp(tenantId, resolutionId)) < 100 || (await repo.tasks(tenantId, resolutionId)).some((t) => t.progress < 100))
    throw AppError.of(resolutionsErrors.tasks_unfinished);
  await repo.setStatus(tenantId, resolutionId, 'completed');
  await recordAudit(tx, auditEntry(ctx, 'resolutions.resolution.complete', { type: 'resolution', id: resolutionId }, {}));
  await emitEvents(tx, {
    tenantId,
    type: 'resolutions.resolution_completed',
    aggregateType: 'resolution',
    aggregateId: resolutionId,
    payload: { demandIds: resolution.demandIds },
  });
  await noteOnDemands(tx, ctx, resolution.demandIds, {
    action: 'resolution_completed',
    resolutionId,
    title: resolution.title,
    note: `决议「${resolution.title}」已办结`,
  });
  return resolutionDetail(tx, tenantId, resolutionId, scope);
}
