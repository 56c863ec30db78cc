import { AppError, auditEntry, can, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { territory } from '@linli/territory';
import { sql } from 'drizzle-orm';
import { evaluatorPaths } from '../callers.ts';
import type { EvaluateBody, ResolutionDetail } from '../contract.ts';
import { resolutionsErrors, resolutionsNouns } from '../errors.ts';
import { ResolutionRepository } from '../resolution.repository.ts';
import { monthStart, SupervisionRepository } from '../supervision.repository.ts';
import { resolutionDetail } from './resolution-detail.ts';

/**
 * The committee's monthly evaluation of a resolution (progress, quality, residents' satisfaction,
 * comment, photos). A member records it from their own account, or staff who keep the place record
 * it for them. Nobody evaluates a resolution they own: a member (or recorder) owning one of its tasks
 * is refused here, and the statement that writes the evaluation refuses it again.
 */
export async function evaluateResolution(
  tx: Tx,
  ctx: RequestContext,
  resolutionId: string,
  input: EvaluateBody,
): Promise<ResolutionDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = evaluatorPaths(ctx.actor);
  const visible = sql`(${ResolutionRepository.visible(scope)} OR ${ResolutionRepository.visible(scope, true)})`;
  const resolutions = new ResolutionRepository(tx);
  const resolution = await resolutions.find(tenantId, resolutionId, visible);
  if (!resolution) throw AppError.notFound(resolutionsNouns.resolution, resolutionId);
  if (resolution.status !== 'in_progress')
    throw AppError.of(resolutionsErrors.not_under_way, {
      status: { 'zh-CN': resolution.status === 'completed' ? '办结' : '撤销', 'en-US': resolution.status },
    });
  if (!resolution.committeeId) throw AppError.of(resolutionsErrors.no_committee);
  const supervision = new SupervisionRepository(tx);
  const member = await supervision.member(tenantId, input.memberId);
  if (!member || member.committeeId !== resolution.committeeId || !member.active) throw AppError.of(resolutionsErrors.not_a_member);
  if (member.accountId !== ctx.actor.accountId) {
    // Recording for a member is the work of staff keeping the place.
    const place = await territory.node(tx, tenantId, resolution.nodeId);
    if (!place || !can(ctx.actor, 'resolutions.write', place.path)) throw AppError.of(resolutionsErrors.not_a_member);
  }
  if (await supervision.ownsTask(tenantId, resolutionId, member.id, ctx.actor.accountId))
    throw AppError.of(resolutionsErrors.owner_evaluates);
  const photoIds = [...new Set(input.photoIds ?? [])];
  const foreign = await resolutions.foreignPhotos(tenantId, resolutionId, photoIds);
  if (foreign.length)
    throw AppError.invalid(foreign.map((id) => ({ field: 'photoIds', reason: 'is not a photo of this resolution', value: id })));
  let evaluation = await supervision.evaluationOf(tenantId, resolutionId, input.month);
  if (!evaluation) {
    // An evaluation made before the month's schedule was generated: it schedules itself.
    if (monthStart(input.month) > new Date().toISOString().slice(0, 10))
      throw AppError.of(resolutionsErrors.not_scheduled, { month: input.month });
    await tx.execute(sql`INSERT INTO resolution_evaluation (tenant_id, id, resolution_id, committee_id, month, due_on)
      VALUES (${tenantId}, gen_random_uuid(), ${resolutionId}, ${resolution.committeeId}, ${monthStart(input.month)}::date,
              (${monthStart(input.month)}::date + interval '1 month' - interval '1 day')::date)
      ON CONFLICT (tenant_id, resolution_id, month) DO NOTHING`);
    evaluation = await supervision.evaluationOf(tenantId, resolutionId, input.month);
  }
  if (!evaluation) throw AppError.of(resolutionsErrors.not_scheduled, { month: input.month });
  if (evaluation.evaluatedAt) throw AppError.of(resolutionsErrors.already_evaluated, { month: input.month });
  const written = await supervision.recordEvaluation(tenantId, {
    id: evaluation.id,
    memberId: member.id,
    recordedBy: ctx.actor.accountId,
    progress: input.progress,
    quality: input.quality,
    satisfaction: input.satisfaction,
    comment: input.comment?.trim() || undefined,
    photoIds,
  });
  if (!written) throw AppError.of(resolutionsErrors.owner_evaluates);
  await recordAudit(
    tx,
    auditEntry(ctx, 'resolutions.evaluation.record', { type: 'resolution', id: resolutionId }, { month: input.month, memberId: member.id }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'resolutions.evaluated',
    aggregateType: 'resolution',
    aggregateId: resolutionId,
    payload: { month: input.month, evaluationId: evaluation.id, satisfaction: input.satisfaction },
  });
  return resolutionDetail(tx, tenantId, resolutionId, [...scopePaths(ctx.actor, 'resolutions.read'), ...scope], false).catch(() =>
    resolutionDetail(tx, tenantId, resolutionId, evaluatorPaths(ctx.actor), true),
  );
}
