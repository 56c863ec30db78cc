import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { RecordProgressBody, ResolutionDetail } from '../contract.ts';
import { resolutionsErrors, resolutionsNouns } from '../errors.ts';
import { ResolutionRepository } from '../resolution.repository.ts';
import { completeResolution } from './complete-resolution.ts';
import { resolutionDetail } from './resolution-detail.ts';

const statusZh = { completed: '办结', cancelled: '撤销', in_progress: '实施中' } as const;

/**
 * Records a milestone of a task (a note, photos, the task's progress now); the resolution's
 * progress rolls up from its tasks, and when every task reaches 100 % the resolution completes.
 */
export async function recordProgress(
  tx: Tx,
  ctx: RequestContext,
  resolutionId: string,
  taskId: string,
  input: RecordProgressBody,
): Promise<ResolutionDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'resolutions.write');
  const repo = new ResolutionRepository(tx);
  const resolution = await repo.lock(tenantId, resolutionId, scope);
  if (!resolution) throw AppError.notFound(resolutionsNouns.resolution, resolutionId);
  const task = await repo.task(tenantId, taskId);
  if (!task || task.resolutionId !== resolutionId) throw AppError.notFound(resolutionsNouns.task, taskId);
  if (resolution.status !== 'in_progress')
    throw AppError.of(resolutionsErrors.not_under_way, { status: { 'zh-CN': statusZh[resolution.status], 'en-US': resolution.status } });
  const photoIds = [...new Set(input.photoIds ?? [])];
  const foreign = await repo.foreignPhotos(tenantId, resolutionId, photoIds);
  if (foreign.length)
    throw AppError.invalid(foreign.map((id) => ({ field: 'photoIds', reason: 'is not a photo of this resolution', value: id })));
  const note = input.note.trim();
  if (!note) throw AppError.invalid([{ field: 'note', reason: 'is empty' }]);
  const progress = await repo.recordMilestone(tenantId, {
    resolutionId,
    taskId,
    note,
    progress: input.progress,
    photoIds,
    recordedBy: ctx.actor.accountId,
  });
  await recordAudit(
    tx,
    auditEntry(ctx, 'resolutions.task.progress', { type: 'resolution', id: resolutionId }, { taskId, progress: input.progress }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'resolutions.progress_recorded',
    aggregateType: 'resolution',
    aggregateId: resolutionId,
    payload: { taskId, taskProgress: input.progress, progress },
  });
  if (progress === 100) await completeResolution(tx, ctx, resolutionId);
  return resolutionDetail(tx, tenantId, resolutionId, scope);
}
