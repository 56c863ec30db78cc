import type { Db } from '@linli/db';
import { CalendarRepository } from './calendar.repository.ts';
import { createCalendar, type WorkingDayCalendar } from './calendar.ts';

const tenantCalendars = new Map<string, { stamp: string; calendar: WorkingDayCalendar }>();

/**
 * The tenant's working-day calendar: the national one with the tenant's overrides
 * (tenant_calendar_day). Built once per change: each call reads only the overrides' stamp (count
 * and last change, one index lookup) and rebuilds when it differs, so a change made by another
 * server process, or rolled back, is never served stale. Call it once per transaction; `stampRead`
 * is the stamp when the caller has just read it (in the same transaction or statement it acts on).
 */
export async function tenantCalendar(db: Db, tenantId: string, stampRead?: string): Promise<WorkingDayCalendar> {
  const repository = new CalendarRepository(db);
  // Intake reads the stamp in its lookup (same statement formula, CALENDAR_STAMP) and passes it in.
  const stamp = stampRead ?? (await repository.stamp(tenantId));
  const cached = tenantCalendars.get(tenantId);
  if (cached && cached.stamp === stamp) return cached.calendar;
  const calendar = stamp === '0' ? createCalendar() : createCalendar(await repository.overrides(tenantId));
  tenantCalendars.set(tenantId, { stamp, calendar });
  return calendar;
}
