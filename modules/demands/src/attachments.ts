import { AppError } from '@linli/core';
import type { Db } from '@linli/db';
import { AttachmentRepository } from './attachment.repository.ts';
import type { AttachmentStage } from './contract.ts';

/** Photos per demand and stage, as on a phone's picker. */
export const MAX_ATTACHMENTS_PER_STAGE = 9;

/**
 * Links the caller's uploads to a demand inside the command's transaction: every id must be the
 * caller's own upload, not yet linked, and the stage must stay within its limit — otherwise the
 * whole submission or resolution is refused (400 naming the ids) and nothing is linked.
 */
export async function linkAttachments(
  tx: Db,
  at: { tenantId: string; demandId: string; stage: AttachmentStage; accountId: string },
  ids: readonly string[] | undefined,
): Promise<void> {
  if (!ids || ids.length === 0) return;
  const repo = new AttachmentRepository(tx);
  const existing = await repo.countOf(at.tenantId, at.demandId, at.stage);
  if (existing + ids.length > MAX_ATTACHMENTS_PER_STAGE) {
    throw AppError.invalid([{ field: 'attachmentIds', reason: `at most ${MAX_ATTACHMENTS_PER_STAGE} files per demand and stage` }]);
  }
  const missing = await repo.link(at.tenantId, at.demandId, at.stage, at.accountId, [...ids]);
  if (missing.length > 0) {
    throw AppError.invalid(
      missing.map((id) => ({ field: 'attachmentIds', reason: 'is not an upload of yours waiting to be attached', value: id })),
    );
  }
}
