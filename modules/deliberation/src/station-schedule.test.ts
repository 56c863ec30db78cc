import { describe, expect, it } from 'vitest';
import { describeSchedule, nextOpenings, type StationScheduleRule, scheduleProblems, toRRule } from './station-schedule.ts';

/** 周六有约: every Saturday 9:00–11:00 China time. */
const saturdays: StationScheduleRule = { freq: 'weekly', weekdays: [6], start: '09:00', end: '11:00' };

describe('station schedule', () => {
  it('gives the next Saturdays 9:00–11:00 China time (01:00–03:00 UTC) from a Wednesday', () => {
    // Wednesday 2026-12-02 10:00 in China.
    const openings = nextOpenings(saturdays, new Date('2026-12-02T02:00:00Z'), 3);
    expect(openings).toEqual([
      { start: '2026-12-05T01:00:00.000Z', end: '2026-12-05T03:00:00.000Z' },
      { start: '2026-12-12T01:00:00.000Z', end: '2026-12-12T03:00:00.000Z' },
      { start: '2026-12-19T01:00:00.000Z', end: '2026-12-19T03:00:00.000Z' },
    ]);
  });

  it('keeps an opening under way first and drops one that has ended', () => {
    expect(nextOpenings(saturdays, new Date('2026-12-05T02:30:00Z'), 1)[0]?.start).toBe('2026-12-05T01:00:00.000Z');
    expect(nextOpenings(saturdays, new Date('2026-12-05T03:00:00Z'), 1)[0]?.start).toBe('2026-12-12T01:00:00.000Z');
  });

  it('counts the China day, not the UTC day, near midnight', () => {
    // Friday 2026-12-04 23:30 UTC is already Saturday 07:30 in China.
    expect(nextOpenings(saturdays, new Date('2026-12-04T23:30:00Z'), 1)[0]?.start).toBe('2026-12-05T01:00:00.000Z');
  });

  it('skips weeks with an interval counted from the first day, and stops at the last day', () => {
    const fortnightly: StationScheduleRule = { ...saturdays, interval: 2, from: '2026-12-05', until: '2027-01-02' };
    const openings = nextOpenings(fortnightly, new Date('2026-12-01T00:00:00Z'), 5);
    expect(openings.map((o) => o.start.slice(0, 10))).toEqual(['2026-12-05', '2026-12-19', '2027-01-02']);
  });

  it('picks the first and last Saturday of each month', () => {
    const monthly: StationScheduleRule = { freq: 'monthly', weekdays: [6], nth: [1, -1], start: '14:30', end: '16:00' };
    const openings = nextOpenings(monthly, new Date('2026-12-01T00:00:00Z'), 4);
    expect(openings.map((o) => o.start)).toEqual([
      '2026-12-05T06:30:00.000Z',
      '2026-12-26T06:30:00.000Z',
      '2027-01-02T06:30:00.000Z',
      '2027-01-30T06:30:00.000Z',
    ]);
  });

  it('names the problems of a bad rule by field and gives it no openings', () => {
    const bad: StationScheduleRule = { freq: 'monthly', weekdays: [], start: '11:00', end: '09:00', until: '2026-13-01' };
    expect(scheduleProblems(bad).map((p) => p.field)).toEqual(['schedule.weekdays', 'schedule.end', 'schedule.nth', 'schedule.until']);
    expect(nextOpenings(bad, new Date())).toEqual([]);
    expect(scheduleProblems(saturdays)).toEqual([]);
  });

  it('describes the rule in words and as an RRULE', () => {
    expect(describeSchedule(saturdays)).toBe('每周六 09:00–11:00');
    expect(describeSchedule(saturdays, 'en-US')).toBe('Every Sat 09:00–11:00');
    expect(toRRule(saturdays)).toBe('FREQ=WEEKLY;BYDAY=SA');
    expect(toRRule({ freq: 'monthly', weekdays: [3, 6], nth: [1], start: '09:00', end: '10:00' })).toBe('FREQ=MONTHLY;BYDAY=1WE,1SA');
  });
});
