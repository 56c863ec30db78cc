import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { PublishStationRulesBody, StationDetail } from '../station-contract.ts';
import { stationErrors } from '../station-errors.ts';
import { lockStation, stationAfterWrite } from '../station-writes.ts';

/**
 * Posts a new version of a station's rules (事项范围, 议事流程, 会议规则). Earlier versions stay
 * with their author and time; the new one is in force from now.
 */
export async function publishStationRules(tx: Tx, ctx: RequestContext, id: string, input: PublishStationRulesBody): Promise<StationDetail> {
  const { tenantId, scope, stations } = await lockStation(tx, ctx, id);
  const texts = { scopeSummary: input.scopeSummary.trim(), procedure: input.procedure.trim(), meetingRules: input.meetingRules.trim() };
  if (!texts.scopeSummary && !texts.procedure && !texts.meetingRules)
    throw AppError.of(stationErrors.station_rules_empty, {}, [{ field: 'scopeSummary', reason: 'all three texts are empty' }]);
  const version = await stations.insertRules(tenantId, id, {
    ...texts,
    note: input.note?.trim() || null,
    publishedBy: ctx.actor.accountId,
    publishedByName: ctx.actor.displayName || ctx.actor.username,
  });
  await stations.touch(tenantId, id);
  await recordAudit(tx, auditEntry(ctx, 'deliberation.station.rules_publish', { type: 'deliberation_station', id }, { version }));
  await emitEvents(tx, {
    tenantId,
    type: 'deliberation.station_rules_published',
    aggregateType: 'deliberation_station',
    aggregateId: id,
    payload: { version },
  });
  return stationAfterWrite(stations, tenantId, id, scope);
}
