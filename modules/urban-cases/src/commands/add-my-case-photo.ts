import { AppError, auditEntry, type FileStore, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { CaseRepository } from '../case.repository.ts';
import type { MyCase } from '../contract.ts';
import { urbanCasesErrors, urbanCasesNouns } from '../errors.ts';
import { storePhoto } from '../photos.ts';
import { MAX_PHOTOS, statusLabels } from '../vocabulary.ts';

/** A resident adds a photo (before the work) to a case they reported, while it is still reported. */
export async function addMyCasePhoto(
  tx: Tx,
  files: FileStore,
  ctx: RequestContext,
  id: string,
  input: { fileName: string; bytes: Buffer },
): Promise<MyCase> {
  const tenantId = ctx.actor.tenantId;
  const cases = new CaseRepository(tx);
  const found = await cases.lockMine(tenantId, id, ctx.actor.accountId);
  if (!found) throw AppError.notFound(urbanCasesNouns.case, id);
  if (found.status !== 'reported')
    throw AppError.of(urbanCasesErrors.case_status, { status: statusLabels[found.status], action: '添加照片' });
  if ((await cases.photos(tenantId, id)).length >= MAX_PHOTOS) throw AppError.of(urbanCasesErrors.photos_full, { max: MAX_PHOTOS });
  const stored = await storePhoto(files, `urban-cases/${tenantId}/cases/${id}`, input);
  await cases.insertPhoto(tenantId, { ...stored, caseId: id, stage: 'before', uploadedBy: ctx.actor.accountId });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'urbanCases.case.photo_add',
      { type: 'urban_case', id },
      { photoId: stored.id, stage: 'before', sha256: stored.sha256 },
    ),
  );
  const mine = (await cases.mine(tenantId, ctx.actor.accountId)).find((c) => c.id === id);
  if (!mine) throw AppError.notFound(urbanCasesNouns.case, id);
  return mine;
}
