import { AppError, auditEntry, type FileStore, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { InspectionDetail } from '../contract.ts';
import { propertyEvaluationErrors, propertyEvaluationNouns } from '../errors.ts';
import { InspectionRepository } from '../inspection.repository.ts';
import { MAX_PHOTOS, storePhoto } from '../photos.ts';

/** Adds a photo to an inspection in the caller's scope (type checked by its bytes; at most MAX_PHOTOS), audited with its SHA-256. */
export async function addInspectionPhoto(
  tx: Tx,
  files: FileStore,
  ctx: RequestContext,
  id: string,
  input: { fileName: string; bytes: Buffer },
): Promise<InspectionDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'propertyEvaluation.write');
  const inspections = new InspectionRepository(tx);
  const found = await inspections.findById(tenantId, id, scope);
  if (!found) throw AppError.notFound(propertyEvaluationNouns.inspection, id);
  if ((await inspections.photoCount(tenantId, id)) >= MAX_PHOTOS)
    throw AppError.of(propertyEvaluationErrors.photos_full, { max: MAX_PHOTOS });
  const stored = await storePhoto(files, `property-evaluation/${tenantId}/inspections/${id}`, input);
  await inspections.insertPhoto(tenantId, { ...stored, inspectionId: id, uploadedBy: ctx.actor.accountId });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'propertyEvaluation.inspection.photo_add',
      { type: 'property_inspection', id },
      { photoId: stored.id, sha256: stored.sha256 },
    ),
  );
  const saved = await inspections.detail(tenantId, id, scope);
  if (!saved) throw AppError.notFound(propertyEvaluationNouns.inspection, id);
  return saved;
}
