import { AppError, auditEntry, type FileStore, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { CaseRepository } from '../case.repository.ts';
import { readCaseDetail } from '../case-detail.ts';
import type { UrbanCaseDetail } from '../contract.ts';
import { urbanCasesErrors, urbanCasesNouns } from '../errors.ts';
import { storePhoto } from '../photos.ts';
import { type CasePhotoStage, casePhotoStages, MAX_PHOTOS, statusLabels } from '../vocabulary.ts';

/** Checks the photo stage of a multipart field. */
export function caseStage(raw: string | undefined): CasePhotoStage {
  const stage = (raw ?? 'before') as CasePhotoStage;
  if (!casePhotoStages.includes(stage)) throw AppError.invalid([{ field: 'stage', reason: `is one of ${casePhotoStages.join(', ')}` }]);
  return stage;
}

/** Staff add a photo before or after the work to a case in scope (not to a closed case); bytes to the file store, audited. */
export async function addCasePhoto(
  tx: Tx,
  files: FileStore,
  ctx: RequestContext,
  id: string,
  input: { stage: CasePhotoStage; fileName: string; bytes: Buffer },
): Promise<UrbanCaseDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'urbanCases.write');
  const cases = new CaseRepository(tx);
  const found = await cases.lock(tenantId, id, scope);
  if (!found) throw AppError.notFound(urbanCasesNouns.case, id);
  if (found.status === 'closed') throw AppError.of(urbanCasesErrors.case_status, { status: statusLabels.closed, action: '添加照片' });
  if ((await cases.photos(tenantId, id)).length >= MAX_PHOTOS) throw AppError.of(urbanCasesErrors.photos_full, { max: MAX_PHOTOS });
  const stored = await storePhoto(files, `urban-cases/${tenantId}/cases/${id}`, input);
  await cases.insertPhoto(tenantId, { ...stored, caseId: id, stage: input.stage, uploadedBy: ctx.actor.accountId });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'urbanCases.case.photo_add',
      { type: 'urban_case', id },
      { photoId: stored.id, stage: input.stage, sha256: stored.sha256 },
    ),
  );
  return readCaseDetail(tx, tenantId, id, scope);
}
