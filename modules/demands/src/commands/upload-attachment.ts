import { createHash } from 'node:crypto';
import { AppError, auditEntry, can, type FileStore, newId, type RequestContext, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import { fileTypeFromBuffer } from 'file-type';
import { type AttachmentRecord, AttachmentRepository } from '../attachment.repository.ts';
import { demandErrors } from '../errors.ts';

/**
 * What may be uploaded: photos and common documents, each recognised by its content (magic bytes)
 * and required to carry a matching extension. Nothing that a browser or a server could run (HTML,
 * SVG, scripts, executables) is on the list, and a file whose bytes say otherwise is refused.
 */
const ACCEPTED: Record<string, { extensions: string[]; maxBytes: number }> = {
  'image/jpeg': { extensions: ['jpg', 'jpeg'], maxBytes: 10 * 1024 * 1024 },
  'image/png': { extensions: ['png'], maxBytes: 10 * 1024 * 1024 },
  'image/webp': { extensions: ['webp'], maxBytes: 10 * 1024 * 1024 },
  'image/heic': { extensions: ['heic'], maxBytes: 10 * 1024 * 1024 },
  'application/pdf': { extensions: ['pdf'], maxBytes: 20 * 1024 * 1024 },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'], maxBytes: 20 * 1024 * 1024 },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['xlsx'], maxBytes: 20 * 1024 * 1024 },
};
export const ACCEPTED_EXTENSIONS = Object.values(ACCEPTED).flatMap((a) => a.extensions);

/** Uploads waiting to be linked, per account and day: enough for any form, too few to fill a disk. */
export const MAX_UNLINKED_PER_DAY = 60;

/** A client's file name reduced to its last segment, without control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = last.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim();
  return [...cleaned].slice(-200).join('');
}

export interface UploadInput {
  fileName: string;
  bytes: Buffer;
}

/**
 * Stores one photo or file for a demand that is being submitted or resolved. Anyone who may submit
 * or handle demands may upload (staff with demand.intake or demand.handle somewhere, residents); the
 * upload stays private to its uploader until a submission or resolution links it.
 */
export async function uploadAttachment(
  tx: Db,
  files: FileStore,
  ctx: RequestContext,
  input: UploadInput,
  now = new Date(),
): Promise<AttachmentRecord> {
  const { actor } = ctx;
  const allowed = can(actor, 'demand.intake') || can(actor, 'demand.handle') || actor.grants.some((g) => g.role === 'resident');
  if (!allowed) throw AppError.of(demandErrors.upload_forbidden);

  const fileName = cleanFileName(input.fileName);
  const extension = fileName.includes('.') ? (fileName.split('.').pop() ?? '').toLowerCase() : '';
  if (!fileName || !extension)
    throw AppError.invalid([{ field: 'file', reason: 'the file needs a name with an extension', value: input.fileName }]);
  if (input.bytes.length === 0) throw AppError.invalid([{ field: 'file', reason: 'the file is empty' }]);
  const detected = await fileTypeFromBuffer(input.bytes);
  const accepted = detected && ACCEPTED[detected.mime];
  if (!detected || !accepted) {
    throw AppError.invalid([
      {
        field: 'file',
        reason: `only ${ACCEPTED_EXTENSIONS.join(', ')} files are accepted; the content is not one of them`,
        value: fileName,
      },
    ]);
  }
  if (!accepted.extensions.includes(extension)) {
    throw AppError.invalid([
      { field: 'file', reason: `the content is ${detected.ext} but the name ends in .${extension}`, value: fileName },
    ]);
  }
  if (input.bytes.length > accepted.maxBytes) {
    throw AppError.of(demandErrors.file_too_large, { type: detected.ext, mb: accepted.maxBytes / 1024 / 1024 }, [
      { field: 'file', reason: 'is too large', value: input.bytes.length },
    ]);
  }

  const repo = new AttachmentRepository(tx);
  const since = new Date(now.getTime() - 24 * 3_600_000);
  if ((await repo.countUnlinked(actor.tenantId, actor.accountId, since)) >= MAX_UNLINKED_PER_DAY) {
    throw AppError.of(demandErrors.too_many_uploads, { max: MAX_UNLINKED_PER_DAY });
  }
  const id = newId();
  const storageKey = `demands/${actor.tenantId}/${now.toISOString().slice(0, 7)}/${id}`;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  // Bytes first, row second: a failed insert leaves an unreferenced file (harmless), never a row
  // pointing at nothing.
  await files.put(storageKey, input.bytes);
  const record = await repo.insert({
    tenantId: actor.tenantId,
    id,
    fileName,
    contentType: detected.mime,
    size: input.bytes.length,
    sha256,
    storageKey,
    uploadedBy: actor.accountId,
  });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'demand.attachment_upload',
      { type: 'demand_attachment', id },
      { contentType: detected.mime, size: input.bytes.length, sha256 },
    ),
  );
  return record;
}
