import { describe, expect, it } from 'vitest';
import { computeDeadlines, nationalCalendar } from './deadlines.ts';

const at = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('deadlines', () => {
  it('runs hour deadlines around the clock, over weekends and holidays', () => {
    const d = computeDeadlines(new Date(at('2026-04-30T10:00:00')), {
      responseValue: 2,
      responseUnit: 'hours',
      resolveValue: 24,
      resolveUnit: 'hours',
    });
    expect(d.responseDueAt.toISOString()).toBe(at('2026-04-30T12:00:00'));
    expect(d.resolveDueAt.toISOString()).toBe(at('2026-05-01T10:00:00'));
  });

  it('skips weekends, the May Day holiday and counts the adjusted working Saturday (调休)', () => {
    const rule = { responseValue: 1, responseUnit: 'working_days', resolveValue: 2, resolveUnit: 'working_days' } as const;
    // Friday 6 March + 1 working day = Monday 9 March, same time of day.
    expect(computeDeadlines(new Date(at('2026-03-06T10:00:00')), rule).responseDueAt.toISOString()).toBe(at('2026-03-09T10:00:00'));
    // Thursday 30 April + 2 working days: 1–5 May are holidays → Wednesday 6, Thursday 7 May.
    expect(computeDeadlines(new Date(at('2026-04-30T10:00:00')), rule).resolveDueAt.toISOString()).toBe(at('2026-05-07T10:00:00'));
    // Friday 8 May + 1 working day = Saturday 9 May, a working day by the notice.
    expect(nationalCalendar.addWorkingDays(new Date(at('2026-05-08T10:00:00')), 1).toISOString()).toBe(at('2026-05-09T10:00:00'));
  });
});
