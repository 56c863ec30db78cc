import { createCalendar, type WorkingDayCalendar } from '@linli/core';
import type { Db } from '@linli/db';
import { CalendarRepository } from './calendar.repository.ts';

/**
 * Response and resolution deadlines from a category's rule. Hour deadlines run around the clock
 * (also over holidays); working-day deadlines skip the non-working days of the calendar, public
 * holidays and 调休 included.
 */
export interface DeadlineRule {
  responseValue: number;
  responseUnit: 'hours' | 'working_days';
  resolveValue: number;
  resolveUnit: 'hours' | 'working_days';
}

export interface DeadlineCalendar {
  addWorkingDays(start: Date, days: number): Date;
}

/** When a category has no rule anywhere up its tree: answer within 24 hours, resolve within 5 days. */
export const FALLBACK_RULE: DeadlineRule = { responseValue: 24, responseUnit: 'hours', resolveValue: 120, resolveUnit: 'hours' };

/** "Due soon" starts this many hours before a deadline. */
export const DUE_SOON_HOURS = 24;

const HOUR = 3_600_000;

/**
 * The national calendar (holidays and 调休 from the State Council notices, in packages/core) without
 * tenant overrides; a caller with the tenant's overrides passes its own.
 */
export const nationalCalendar: DeadlineCalendar = createCalendar();

export function addDeadline(start: Date, value: number, unit: DeadlineRule['responseUnit'], calendar: DeadlineCalendar): Date {
  return unit === 'hours' ? new Date(start.getTime() + value * HOUR) : calendar.addWorkingDays(start, value);
}

export function computeDeadlines(start: Date, rule: DeadlineRule, calendar: DeadlineCalendar = nationalCalendar) {
  return {
    responseDueAt: addDeadline(start, rule.responseValue, rule.responseUnit, calendar),
    resolveDueAt: addDeadline(start, rule.resolveValue, rule.resolveUnit, calendar),
  };
}

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
