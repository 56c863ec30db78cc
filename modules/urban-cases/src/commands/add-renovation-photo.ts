import { AppError, auditEntry, type FileStore, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { RenovationDetail } from '../contract.ts';
import { urbanCasesErrors, urbanCasesNouns } from '../errors.ts';
import { storePhoto } from '../photos.ts';
import { RenovationRepository } from '../renovation.repository.ts';
import { MAX_PHOTOS, type RenovationPhotoStage, renovationPhotoStages } from '../vocabulary.ts';

/** Checks the photo stage and caption of a multipart request. */
export function renovationPhotoFields(fields: Record<string, string>): { stage: RenovationPhotoStage; caption: string | null } {
  const stage = (fields.stage ?? 'before') as RenovationPhotoStage;
  if (!renovationPhotoStages.includes(stage))
    throw AppError.invalid([{ field: 'stage', reason: `is one of ${renovationPhotoStages.join(', ')}` }]);
  const caption = fields.caption?.trim() || null;
  if (caption && caption.length > 200) throw AppError.invalid([{ field: 'caption', reason: 'is longer than 200 characters' }]);
  return { stage, caption };
}

/** Adds a photo to a project's gallery: before (问题小区), after (花园小区) or of the acceptance. */
export async function addRenovationPhoto(
  tx: Tx,
  files: FileStore,
  ctx: RequestContext,
  id: string,
  input: { stage: RenovationPhotoStage; caption: string | null; fileName: string; bytes: Buffer },
): Promise<RenovationDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'urbanCases.write');
  const projects = new RenovationRepository(tx);
  const found = await projects.lock(tenantId, id, scope);
  if (!found) throw AppError.notFound(urbanCasesNouns.renovation, id);
  if ((await projects.photos(tenantId, id)).length >= MAX_PHOTOS * 3)
    throw AppError.of(urbanCasesErrors.photos_full, { max: MAX_PHOTOS * 3 });
  const stored = await storePhoto(files, `urban-cases/${tenantId}/renovations/${id}`, input);
  await projects.insertPhoto(tenantId, {
    ...stored,
    projectId: id,
    stage: input.stage,
    caption: input.caption,
    uploadedBy: ctx.actor.accountId,
  });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'urbanCases.renovation.photo_add',
      { type: 'urban_renovation', id },
      { photoId: stored.id, stage: input.stage, sha256: stored.sha256 },
    ),
  );
  const updated = await projects.findDetail(tenantId, id, scope);
  if (!updated) throw AppError.notFound(urbanCasesNouns.renovation, id);
  return updated;
}
