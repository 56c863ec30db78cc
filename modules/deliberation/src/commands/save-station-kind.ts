import { AppError, auditEntry, can, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { territory } from '@linli/territory';
import { StationRepository } from '../station.repository.ts';
import type { SaveStationKindBody, StationKind } from '../station-contract.ts';

/**
 * Adds a kind to the county's list of station kinds, or renames, reorders, hides or shows one (a
 * hidden kind stays on its stations; new ones cannot take it). Only who keeps stations county-wide may.
 */
export async function saveStationKind(tx: Tx, ctx: RequestContext, input: SaveStationKindBody): Promise<StationKind[]> {
  const tenantId = ctx.actor.tenantId;
  const county = await territory.countyRoot(tx, tenantId);
  if (!county || !can(ctx.actor, 'deliberation.write', county.path))
    throw AppError.forbidden('Only county-wide station keepers may change the list of kinds');
  const name = input.name.trim();
  if (!name) throw AppError.invalid([{ field: 'name', reason: 'is empty' }]);
  const stations = new StationRepository(tx);
  await stations.ensureKinds(tenantId);
  if (await stations.kindNameTaken(tenantId, input.code, name))
    throw AppError.invalid([{ field: 'name', reason: 'another kind has this name', value: name }]);
  await stations.saveKind(tenantId, { ...input, name });
  await recordAudit(
    tx,
    auditEntry(ctx, 'deliberation.station_kind.save', { type: 'deliberation_station_kind', id: null }, { ...input, name }),
  );
  return stations.kinds(tenantId);
}
