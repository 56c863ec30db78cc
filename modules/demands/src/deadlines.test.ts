import { describe, expect, it } from 'vitest';
import { computeDeadlines, weekdayCalendar } from './deadlines.ts';

describe('deadlines', () => {
  it('runs hour deadlines around the clock', () => {
    const start = new Date('2026-03-06T10:00:00+08:00'); // a Friday
    const d = computeDeadlines(start, { responseValue: 2, responseUnit: 'hours', resolveValue: 24, resolveUnit: 'hours' });
    expect(d.responseDueAt.toISOString()).toBe(new Date('2026-03-06T12:00:00+08:00').toISOString());
    expect(d.resolveDueAt.toISOString()).toBe(new Date('2026-03-07T10:00:00+08:00').toISOString());
  });

  it('skips the weekend for working days, keeping the time of day', () => {
    const friday = new Date('2026-03-06T10:00:00+08:00');
    expect(weekdayCalendar.addWorkingDays(friday, 1).toISOString()).toBe(new Date('2026-03-09T10:00:00+08:00').toISOString());
    expect(weekdayCalendar.addWorkingDays(friday, 5).toISOString()).toBe(new Date('2026-03-13T10:00:00+08:00').toISOString());
  });

  it('counts a rest-day arrival from 09:00 of the next working day', () => {
    const saturday = new Date('2026-03-07T15:00:00+08:00');
    expect(weekdayCalendar.addWorkingDays(saturday, 0).toISOString()).toBe(new Date('2026-03-09T09:00:00+08:00').toISOString());
    expect(weekdayCalendar.addWorkingDays(saturday, 1).toISOString()).toBe(new Date('2026-03-10T09:00:00+08:00').toISOString());
  });
});
