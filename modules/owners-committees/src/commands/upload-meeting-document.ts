import { createHash } from 'node:crypto';
import { AppError, auditEntry, type FileStore, fileTypeOf, newId, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MeetingDocument } from '../contract.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { MAX_DOCUMENT_BYTES } from '../vocabulary.ts';
import { requireMeetingStatus } from './meeting-state.ts';

function cleanName(raw: string, ext: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim();
  return [...cleaned].slice(-200).join('') || `委托书.${ext}`;
}

/**
 * Uploads an authorisation document (授权委托书: a photo or a PDF) to a meeting before its proxy is
 * registered. Checked by its bytes and size (400 naming `file`, nothing stored); bytes first, row second.
 */
export async function uploadMeetingDocument(
  tx: Tx,
  files: FileStore,
  ctx: RequestContext,
  id: string,
  input: { fileName: string; bytes: Buffer },
): Promise<MeetingDocument> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const meetings = new MeetingRepository(tx);
  const m = await meetings.lock(tenantId, id, scope);
  if (!m) throw AppError.notFound(ownersCommitteesNouns.meeting, id);
  requireMeetingStatus(m.status, ['draft', 'noticed', 'voting']);
  const type = input.bytes.length > 0 ? fileTypeOf(input.bytes, { pdf: true }) : undefined;
  if (!type || input.bytes.length > MAX_DOCUMENT_BYTES)
    throw AppError.of(ownersCommitteesErrors.document_type, { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 }, [
      { field: 'file', reason: type ? 'is too large' : 'is not a JPEG, PNG or WebP photo or a PDF' },
    ]);
  const documentId = newId();
  const storageKey = `owners-committees/${tenantId}/meetings/${id}/${documentId}`;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await files.put(storageKey, input.bytes);
  const doc = {
    id: documentId,
    meetingId: id,
    fileName: cleanName(input.fileName, type.ext),
    contentType: type.mime,
    size: input.bytes.length,
    sha256,
    storageKey,
    by: ctx.actor.accountId,
  };
  await meetings.insertDocument(tenantId, doc);
  await recordAudit(
    tx,
    auditEntry(ctx, 'ownersCommittees.meeting.document', { type: 'owners_meeting', id }, { documentId, sha256, size: doc.size }),
  );
  const stored = await meetings.document(tenantId, id, documentId);
  if (!stored) throw AppError.notFound(ownersCommitteesNouns.document, documentId);
  return { id: stored.id, fileName: stored.fileName, contentType: stored.contentType, size: stored.size, uploadedAt: stored.uploadedAt };
}
