import { auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { SetStationScheduleBody, StationDetail } from '../station-contract.ts';
import { describeSchedule, type StationScheduleRule, toRRule } from '../station-schedule.ts';
import { lockStation, stationAfterWrite } from '../station-writes.ts';
import { requireSchedule } from './create-station.ts';

/** Sets a station's opening schedule (e.g. 周六有约, every Saturday 9:00–11:00), or clears it (opens on demand). */
export async function setStationSchedule(tx: Tx, ctx: RequestContext, id: string, input: SetStationScheduleBody): Promise<StationDetail> {
  const { tenantId, scope, stations } = await lockStation(tx, ctx, id);
  const rule = input.schedule as StationScheduleRule | null;
  requireSchedule(rule);
  await stations.setSchedule(tenantId, id, input.schedule);
  const summary = rule ? { rrule: toRRule(rule), text: describeSchedule(rule) } : { rrule: null };
  await recordAudit(tx, auditEntry(ctx, 'deliberation.station.schedule', { type: 'deliberation_station', id }, summary));
  await emitEvents(tx, {
    tenantId,
    type: 'deliberation.station_schedule_set',
    aggregateType: 'deliberation_station',
    aggregateId: id,
    payload: summary,
  });
  return stationAfterWrite(stations, tenantId, id, scope);
}
