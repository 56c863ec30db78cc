import { createHash } from 'node:crypto';
import { AppError, auditEntry, type FileStore, newId, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { StationDetail } from '../station-contract.ts';
import { stationErrors } from '../station-errors.ts';
import { lockStation, stationAfterWrite } from '../station-writes.ts';

export const MAX_STATION_PHOTOS = 12;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** The image type by its first bytes (never by the client's name or header): JPEG, PNG or WebP, else undefined. */
export function photoTypeOf(bytes: Uint8Array): { mime: string; ext: string } | undefined {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return { mime: 'image/webp', ext: 'webp' };
  return undefined;
}

/** A client's file name reduced to its last segment without control characters (at most 200 characters). */
function cleanName(raw: string, ext: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim();
  return [...cleaned].slice(-200).join('') || `photo.${ext}`;
}

/** Adds a photo of the room to a station in the caller's scope: bytes to the file store, the record here, audited. */
export async function addStationPhoto(
  tx: Tx,
  files: FileStore,
  ctx: RequestContext,
  stationId: string,
  input: { fileName: string; bytes: Buffer },
): Promise<StationDetail> {
  const { tenantId, scope, stations } = await lockStation(tx, ctx, stationId);
  const type = photoTypeOf(input.bytes);
  if (!type || input.bytes.length > MAX_PHOTO_BYTES)
    throw AppError.of(stationErrors.station_photo_type, { mb: MAX_PHOTO_BYTES / 1024 / 1024 }, [
      { field: 'file', reason: type ? 'is too large' : 'is not a JPEG, PNG or WebP image', value: input.fileName },
    ]);
  if ((await stations.photos(tenantId, stationId)).length >= MAX_STATION_PHOTOS)
    throw AppError.of(stationErrors.station_photos_full, { max: MAX_STATION_PHOTOS });
  const id = newId();
  const storageKey = `deliberation/${tenantId}/stations/${stationId}/${id}`;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  // Bytes first, row second: a failed insert leaves an unreferenced file, never a row pointing at nothing.
  await files.put(storageKey, input.bytes);
  await stations.insertPhoto(tenantId, {
    id,
    stationId,
    fileName: cleanName(input.fileName, type.ext),
    contentType: type.mime,
    size: input.bytes.length,
    sha256,
    storageKey,
    uploadedBy: ctx.actor.accountId,
  });
  await stations.touch(tenantId, stationId);
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'deliberation.station.photo_add',
      { type: 'deliberation_station', id: stationId },
      { photoId: id, sha256, size: input.bytes.length },
    ),
  );
  return stationAfterWrite(stations, tenantId, stationId, scope);
}
