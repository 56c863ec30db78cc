import { AppError, auditEntry, type FileStore, newId, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { sql } from 'drizzle-orm';
import { evaluatorPaths } from '../callers.ts';
import type { Photo } from '../contract.ts';
import { resolutionsNouns } from '../errors.ts';
import { ResolutionRepository } from '../resolution.repository.ts';

const MAX_BYTES = 10 * 1024 * 1024;

/** The photo type by its first bytes (JPEG, PNG, WebP); nothing else is taken. */
export function photoType(bytes: Buffer): { contentType: string; ext: string } | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { contentType: 'image/jpeg', ext: 'jpg' };
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { contentType: 'image/png', ext: 'png' };
  if (bytes.length > 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return { contentType: 'image/webp', ext: 'webp' };
  return undefined;
}

/**
 * Stores a photo of a resolution (a milestone's or an evaluation's), by staff keeping the place or
 * a committee member evaluating it; milestones and evaluations then name it among their photoIds.
 */
export async function uploadPhoto(
  tx: Tx,
  files: FileStore,
  ctx: RequestContext,
  resolutionId: string,
  file: { name: string; data: Buffer },
): Promise<Photo> {
  const tenantId = ctx.actor.tenantId;
  const write = scopePaths(ctx.actor, 'resolutions.write');
  const evaluate = evaluatorPaths(ctx.actor);
  const visible = sql`(${ResolutionRepository.visible(write)} OR ${ResolutionRepository.visible(evaluate)} OR ${ResolutionRepository.visible(evaluate, true)})`;
  const repo = new ResolutionRepository(tx);
  if (!(await repo.find(tenantId, resolutionId, visible))) throw AppError.notFound(resolutionsNouns.resolution, resolutionId);
  if (file.data.length === 0) throw AppError.invalid([{ field: 'file', reason: 'the file is empty' }]);
  if (file.data.length > MAX_BYTES)
    throw AppError.invalid([{ field: 'file', reason: 'a photo may be at most 10 MB', value: file.data.length }]);
  const type = photoType(file.data);
  if (!type) throw AppError.invalid([{ field: 'file', reason: 'only jpg, png and webp photos are accepted', value: file.name }]);
  const fileName = cleanName(file.name) || `photo.${type.ext}`;
  const id = newId();
  const storageKey = `resolutions/${tenantId}/${id}`;
  await repo.insertPhoto(
    tenantId,
    { resolutionId, storageKey, fileName, contentType: type.contentType, size: file.data.length, uploadedBy: ctx.actor.accountId },
    id,
  );
  await files.put(storageKey, file.data);
  await recordAudit(tx, auditEntry(ctx, 'resolutions.photo.upload', { type: 'resolution', id: resolutionId }, { photoId: id }));
  return { id, fileName, contentType: type.contentType, size: file.data.length };
}

/** A client's file name reduced to its last segment, without control or reserved characters, at most 200 characters. */
function cleanName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  const kept = [...last].filter((c) => (c.codePointAt(0) ?? 0) >= 0x20 && c !== '\u007f' && !'"<>|*?:'.includes(c));
  return kept.join('').trim().slice(-200);
}
