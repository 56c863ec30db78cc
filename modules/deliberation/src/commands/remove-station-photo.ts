import { AppError, auditEntry, type FileStore, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { StationDetail } from '../station-contract.ts';
import { stationNouns } from '../station-errors.ts';
import { lockStation, stationAfterWrite } from '../station-writes.ts';

/** Takes a photo off a station in the caller's scope (the record now; the bytes after the record is gone). */
export async function removeStationPhoto(
  tx: Tx,
  files: FileStore,
  ctx: RequestContext,
  stationId: string,
  photoId: string,
): Promise<StationDetail> {
  const { tenantId, scope, stations } = await lockStation(tx, ctx, stationId);
  const photo = await stations.photo(tenantId, stationId, photoId);
  if (!photo) throw AppError.notFound(stationNouns.photo, photoId);
  await stations.deletePhoto(tenantId, stationId, photoId);
  await stations.touch(tenantId, stationId);
  await recordAudit(tx, auditEntry(ctx, 'deliberation.station.photo_remove', { type: 'deliberation_station', id: stationId }, { photoId }));
  const detail = await stationAfterWrite(stations, tenantId, stationId, scope);
  // A file left behind by a later rollback is harmless; a row pointing at deleted bytes is not, so the bytes go last.
  await files.delete(photo.storageKey);
  return detail;
}
