import { AppError, auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { territory } from '@linli/territory';
import type { StationDetail, UpdateStationBody } from '../station-contract.ts';
import { stationErrors } from '../station-errors.ts';
import { lockStation, stationAfterWrite, trimmedOrNull } from '../station-writes.ts';
import { requireStationKind } from './create-station.ts';

/** Changes a station's name, kind, room, area, map point or whether it is in use; refused when it moved on since `version`. */
export async function updateStation(tx: Tx, ctx: RequestContext, id: string, input: UpdateStationBody): Promise<StationDetail> {
  const { tenantId, scope, stations, locked } = await lockStation(tx, ctx, id, input.version);
  const { version: _seen, ...changes } = input;
  if (changes.name !== undefined) {
    changes.name = changes.name.trim();
    if (!changes.name) throw AppError.invalid([{ field: 'name', reason: 'is empty' }]);
    if (await stations.nameTaken(tenantId, locked.nodeId, changes.name, id)) {
      const node = await territory.node(tx, tenantId, locked.nodeId);
      throw AppError.of(stationErrors.station_name_taken, { place: node?.name ?? '', name: changes.name }, [
        { field: 'name', reason: 'is taken', value: changes.name },
      ]);
    }
  }
  if (changes.kind !== undefined) await requireStationKind(stations, tenantId, changes.kind);
  if (changes.room !== undefined) changes.room = trimmedOrNull(changes.room) ?? null;
  const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
  if (!fields.length) return stationAfterWrite(stations, tenantId, id, scope);
  await stations.update(tenantId, id, changes);
  await recordAudit(tx, auditEntry(ctx, 'deliberation.station.update', { type: 'deliberation_station', id }, { fields }));
  return stationAfterWrite(stations, tenantId, id, scope);
}
