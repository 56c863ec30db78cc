/**
 * Response and resolution deadlines from a category's rule. Hour deadlines run around the clock;
 * working-day deadlines skip non-working days of the calendar given. The working-day calendar with
 * public holidays and 调休 lives in packages/core (calendar.ts) and is passed in by the caller;
 * `weekdayCalendar` (Monday–Friday in Asia/Shanghai, no holidays) is the fallback until a tenant's
 * calendar is wired in.
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
const SHANGHAI = 8 * HOUR;

export const weekdayCalendar: DeadlineCalendar = {
  addWorkingDays(start, days) {
    const isWorkday = (t: number) => {
      const weekday = new Date(t + SHANGHAI).getUTCDay();
      return weekday >= 1 && weekday <= 5;
    };
    let t = start.getTime();
    if (!isWorkday(t)) {
      // Arrived on a rest day: count from 09:00 of the next working day.
      do t += 24 * HOUR;
      while (!isWorkday(t));
      const day = Math.floor((t + SHANGHAI) / (24 * HOUR));
      t = day * 24 * HOUR - SHANGHAI + 9 * HOUR;
    }
    for (let i = 0; i < days; i++) {
      do t += 24 * HOUR;
      while (!isWorkday(t));
    }
    return new Date(t);
  },
};

export function addDeadline(start: Date, value: number, unit: DeadlineRule['responseUnit'], calendar: DeadlineCalendar): Date {
  return unit === 'hours' ? new Date(start.getTime() + value * HOUR) : calendar.addWorkingDays(start, value);
}

export function computeDeadlines(start: Date, rule: DeadlineRule, calendar: DeadlineCalendar = weekdayCalendar) {
  return {
    responseDueAt: addDeadline(start, rule.responseValue, rule.responseUnit, calendar),
    resolveDueAt: addDeadline(start, rule.resolveValue, rule.resolveUnit, calendar),
  };
}
