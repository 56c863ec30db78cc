import { AppError, auditEntry, type FileStore, newId, type RequestContext, recordAudit, type UploadedFile } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Photo } from '../contract.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { meetingFor } from './meeting-guard.ts';

const MAX_BYTES = 10 * 1024 * 1024;

/** The image type of a photo from its first bytes (JPEG, PNG, WebP); anything else is refused. */
export function imageType(data: Buffer): string | undefined {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length > 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  return undefined;
}

export const photoKey = (tenantId: string, id: string) => `meetings/${tenantId}/${id}`;

/**
 * Keeps a photo as evidence: the paper sign-in sheet (from check-in on) or the signed minutes
 * (while open or after closing). The bytes go to the file store under a key the server makes.
 */
export async function uploadPhoto(
  tx: Tx,
  files: FileStore,
  ctx: RequestContext,
  meetingId: string,
  kind: 'sign_in_sheet' | 'signatures',
  file: UploadedFile | undefined,
): Promise<Photo> {
  const tenantId = ctx.actor.tenantId;
  await meetingFor(tx, ctx, meetingId, kind === 'sign_in_sheet' ? 'invite' : 'minutes');
  if (!file || file.data.length === 0) throw AppError.invalid([{ field: 'file', reason: 'is required' }]);
  if (file.data.length > MAX_BYTES) throw AppError.invalid([{ field: 'file', reason: 'is larger than 10 MB' }]);
  const contentType = imageType(file.data);
  if (!contentType) throw AppError.of(meetingsErrors.photo_type, {}, [{ field: 'file', reason: 'is not a JPEG, PNG or WebP image' }]);
  const id = newId();
  const meetings = new MeetingRepository(tx);
  await meetings.insertPhoto(tenantId, meetingId, {
    id,
    kind,
    fileName: file.name.slice(0, 200) || 'photo',
    contentType,
    size: file.data.length,
    uploadedBy: ctx.actor.accountId,
  });
  await files.put(photoKey(tenantId, id), file.data);
  await recordAudit(tx, auditEntry(ctx, 'meetings.photo.upload', { type: 'meeting_photo', id }, { meetingId, kind }));
  const found = (await meetings.photos(tenantId, meetingId)).find((p) => p.id === id);
  if (!found) throw AppError.notFound(meetingsNouns.photo, id);
  return found;
}
