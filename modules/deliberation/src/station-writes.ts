import { AppError, type RequestContext, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { StationRepository } from './station.repository.ts';
import type { StationDetail } from './station-contract.ts';
import { stationErrors, stationNouns } from './station-errors.ts';

// What every station write shares: the caller's write scope, the locked row, the answer.

/** The caller's write scope, the repository on the transaction and the station locked (404 outside the scope). */
export async function lockStation(tx: Tx, ctx: RequestContext, id: string, seenVersion?: number) {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'deliberation.write');
  const stations = new StationRepository(tx);
  const locked = await stations.lock(tenantId, id, scope);
  if (!locked) throw AppError.notFound(stationNouns.station, id);
  if (seenVersion !== undefined && seenVersion !== locked.version)
    throw AppError.of(stationErrors.station_changed, { version: locked.version, seen: seenVersion });
  return { tenantId, scope, stations, locked };
}

/** The station as the detail answers it, read inside the write's transaction. */
export async function stationAfterWrite(
  stations: StationRepository,
  tenantId: string,
  id: string,
  scope: string[],
): Promise<StationDetail> {
  const found = await stations.detail(tenantId, id, scope);
  if (!found) throw AppError.notFound(stationNouns.station, id);
  return found;
}

/** A text field trimmed; empty becomes null. */
export const trimmedOrNull = (value: string | null | undefined) => (value == null ? value : value.trim() || null);
