import { AppError, auditEntry, can, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { territory } from '@linli/territory';
import { StationRepository } from '../station.repository.ts';
import type { SaveStationKindBody, StationKind } from '../station-contract.ts';

/**
 * Adds a kind to the county's list of station kinds, or renames, reorders, hides or shows one (a
 * hidden kind stays on its stations; new ones cannot take it). The list is the county's configuration, like the scope lists: who keeps
 * those (deliberation.scope on the county — the system admin and county staff) keeps it.
 */
export async function saveStationKind(tx: Tx, ctx: RequestContext, input: SaveStationKindBody): Promise<StationKind[]> {
  const tenantId = ctx.actor.tenantId;
  const county = await territory.countyRoot(tx, tenantId);
  if (!county || !can(ctx.actor, 'deliberation.scope', county.path))
    throw AppError.forbidden("Only who keeps the county's deliberation lists may change the list of station kinds");
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
