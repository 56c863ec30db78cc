import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { followerPaths } from '../callers.ts';
import { resolutionsErrors, resolutionsNouns } from '../errors.ts';
import { ResolutionRepository } from '../resolution.repository.ts';
import { SupervisionRepository } from '../supervision.repository.ts';

/**
 * A resident's objection to a notice of their place, within its objection window (refused after
 * it). The objection goes to the committee of the place (a notice through the outbox, which
 * notifications also delivers to the community staff of the place).
 */
export async function objectToNotice(
  tx: Tx,
  ctx: RequestContext,
  publicationId: string,
  input: { text: string; resolutionId?: string },
): Promise<{ id: string }> {
  const tenantId = ctx.actor.tenantId;
  const scope = followerPaths(ctx.actor);
  const repo = new SupervisionRepository(tx);
  const notice = await repo.publication(tenantId, publicationId, ResolutionRepository.visible(scope, true));
  if (!notice) throw AppError.notFound(resolutionsNouns.publication, publicationId);
  if (!notice.open) throw AppError.of(resolutionsErrors.objection_closed, { until: notice.objectionUntil });
  let resolutionTitle: string | null = null;
  if (input.resolutionId) {
    const entries = await repo.noticeEntries(tenantId, notice.path, notice.month);
    const entry = entries.find((e) => e.resolutionId === input.resolutionId);
    if (!entry) throw AppError.notFound(resolutionsNouns.resolution, input.resolutionId);
    resolutionTitle = entry.title;
  }
  const text = input.text.trim();
  if (!text) throw AppError.invalid([{ field: 'text', reason: 'is empty' }]);
  const id = await repo.insertObjection(tenantId, {
    publicationId,
    resolutionId: input.resolutionId,
    accountId: ctx.actor.accountId,
    text,
  });
  const committee = await repo.committeeOver(tenantId, notice.path);
  await recordAudit(
    tx,
    auditEntry(ctx, 'resolutions.notice.object', { type: 'resolution_publication', id: publicationId }, { objectionId: id }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'resolutions.objection_filed',
    aggregateType: committee ? 'supervision_committee' : 'resolution_publication',
    aggregateId: committee?.id ?? publicationId,
    payload: {
      publicationId,
      objectionId: id,
      resolutionId: input.resolutionId ?? null,
      resolutionTitle,
      nodeId: notice.nodeId,
      nodeName: notice.nodeName,
      month: notice.month,
      recipientAccountIds: committee ? await repo.memberAccounts(tenantId, committee.id) : [],
    },
  });
  return { id };
}
