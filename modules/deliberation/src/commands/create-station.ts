import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { StationRepository } from '../station.repository.ts';
import type { CreateStationBody, StationDetail, StationLevel } from '../station-contract.ts';
import { stationErrors } from '../station-errors.ts';
import { type StationScheduleRule, scheduleProblems } from '../station-schedule.ts';
import { stationAfterWrite, trimmedOrNull } from '../station-writes.ts';

/** The level of a station on a node of this kind, or undefined where no station may sit. */
export const levelOfNodeKind = (kind: string): StationLevel | undefined =>
  kind === 'compound' ? 'compound' : kind === 'community' ? 'community' : kind === 'subdistrict' ? 'street' : undefined;

/** The kind must be on the county's list and in use. */
export async function requireStationKind(stations: StationRepository, tenantId: string, code: string): Promise<void> {
  await stations.ensureKinds(tenantId);
  const kind = await stations.kind(tenantId, code);
  if (!kind?.active)
    throw AppError.of(stationErrors.station_kind_unknown, { kind: code }, [{ field: 'kind', reason: 'is not on the list', value: code }]);
}

/** A schedule rule with its problems refused by field. */
export function requireSchedule(schedule: StationScheduleRule | null | undefined): void {
  if (!schedule) return;
  const problems = scheduleProblems(schedule);
  if (problems.length) throw AppError.invalid(problems);
}

/**
 * Sets up a deliberation station on a compound, community or subdistrict in the caller's scope; its
 * level follows the node (小区 → compound, 社区 → community, 街道 → street). Audited, with its event.
 */
export async function createStation(tx: Tx, ctx: RequestContext, input: CreateStationBody): Promise<StationDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'deliberation.write');
  // A node outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { nodeId: placeReference });
  const node = await territory.node(tx, tenantId, input.nodeId);
  const level = node && levelOfNodeKind(node.kind);
  if (!node || !level)
    throw AppError.of(stationErrors.station_place_level, { place: node?.name ?? input.nodeId, kind: node?.kind ?? '?' }, [
      { field: 'nodeId', reason: 'is not a compound, community or subdistrict', value: input.nodeId },
    ]);
  const name = input.name.trim();
  if (!name) throw AppError.invalid([{ field: 'name', reason: 'is empty' }]);
  const stations = new StationRepository(tx);
  await requireStationKind(stations, tenantId, input.kind);
  requireSchedule(input.schedule as StationScheduleRule | null | undefined);
  if (await stations.nameTaken(tenantId, node.id, name))
    throw AppError.of(stationErrors.station_name_taken, { place: node.name, name }, [{ field: 'name', reason: 'is taken', value: name }]);
  const id = await stations.insert(tenantId, {
    name,
    kind: input.kind,
    level,
    nodeId: node.id,
    nodePath: node.path,
    room: trimmedOrNull(input.room) ?? null,
    areaM2: input.areaM2 ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    schedule: input.schedule ?? null,
    createdBy: ctx.actor.accountId,
  });
  await recordAudit(
    tx,
    auditEntry(ctx, 'deliberation.station.create', { type: 'deliberation_station', id }, { name, kind: input.kind, level }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'deliberation.station_created',
    aggregateType: 'deliberation_station',
    aggregateId: id,
    payload: { level, nodeId: node.id },
  });
  return stationAfterWrite(stations, tenantId, id, scope);
}
