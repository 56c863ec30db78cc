import { createCalendar } from '@linli/calendar';

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
 * The national calendar (holidays and 调休 from the State Council notices, in modules/calendar) without
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
