import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar, HOLIDAY_YEARS, shanghaiDay, shanghaiTime } from './calendar.ts';

// The notices, typed out again here on purpose: the test is a second reading of them, not a copy of the table.
const holidays: Record<number, [string, string][]> = {
  2024: [
    ['01-01', '01-01'],
    ['02-10', '02-17'],
    ['04-04', '04-06'],
    ['05-01', '05-05'],
    ['06-10', '06-10'],
    ['09-15', '09-17'],
    ['10-01', '10-07'],
  ],
  2025: [
    ['01-01', '01-01'],
    ['01-28', '02-04'],
    ['04-04', '04-06'],
    ['05-01', '05-05'],
    ['05-31', '06-02'],
    ['10-01', '10-08'],
  ],
  2026: [
    ['01-01', '01-03'],
    ['02-15', '02-23'],
    ['04-04', '04-06'],
    ['05-01', '05-05'],
    ['06-19', '06-21'],
    ['09-25', '09-27'],
    ['10-01', '10-07'],
  ],
};
const adjustedWorkdays: Record<number, string[]> = {
  2024: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  2025: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  2026: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
};

function daysOf(year: number, from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${year}-${from}T00:00:00Z`); t <= Date.parse(`${year}-${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** Shanghai wall-clock time as an instant. */
const cst = (local: string) => new Date(`${local}+08:00`);

// The server's own zone must not matter: run everything with TZ unset and with zones on both sides of UTC.
describe.each([undefined, 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])('calendar with TZ=%s', (tz) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  const calendar = createCalendar();

  it('has every holiday of the 2024–2026 notices as a non-working day', () => {
    for (const [year, ranges] of Object.entries(holidays)) {
      for (const [from, to] of ranges) {
        for (const day of daysOf(Number(year), from, to)) expect(calendar.isWorkday(day), day).toBe(false);
      }
    }
  });

  it('has every adjusted working day (调休) of the 2024–2026 notices as a working day, though on a weekend', () => {
    for (const [year, days] of Object.entries(adjustedWorkdays)) {
      for (const day of days) {
        const date = `${year}-${day}`;
        expect(new Date(`${date}T00:00:00Z`).getUTCDay() % 6, `${date} is a weekend day`).toBe(0);
        expect(calendar.isWorkday(date), date).toBe(true);
      }
    }
  });

  it('counts the official number of working days in 2024 (251), 2025 (248) and 2026 (248)', () => {
    expect(calendar.workingDaysBetween(cst('2023-12-31T12:00:00'), cst('2024-12-31T12:00:00'))).toBe(251);
    expect(calendar.workingDaysBetween(cst('2024-12-31T12:00:00'), cst('2025-12-31T12:00:00'))).toBe(248);
    expect(calendar.workingDaysBetween(cst('2025-12-31T12:00:00'), cst('2026-12-31T12:00:00'))).toBe(248);
  });

  it('treats ordinary weekdays as working and weekends as not', () => {
    expect(calendar.isWorkday('2026-03-10')).toBe(true); // Tuesday
    expect(calendar.isWorkday('2026-03-14')).toBe(false); // Saturday
    expect(calendar.isWorkday('2026-03-15')).toBe(false); // Sunday
  });

  it('reads a Date by its Shanghai day, not its UTC or local day', () => {
    // 2026-09-30 23:30 in Shanghai is a Wednesday before National Day; 30 minutes later it is a holiday.
    expect(calendar.isWorkday(new Date('2026-09-30T15:30:00Z'))).toBe(true);
    expect(calendar.isWorkday(new Date('2026-09-30T16:30:00Z'))).toBe(false);
    expect(shanghaiDay(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
    expect(shanghaiDay(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
    expect(shanghaiTime('2026-10-08', 9).toISOString()).toBe('2026-10-08T01:00:00.000Z');
  });

  it('adds working days at the same time of day, over weekends, holidays and onto a 调休 Saturday', () => {
    // Friday 2026-02-13 → Saturday 2026-02-14 is an adjusted working day.
    expect(calendar.addWorkingDays(cst('2026-02-13T10:30:00'), 1)).toEqual(cst('2026-02-14T10:30:00'));
    // … and the next one is after the Spring Festival holiday (2-15 … 2-23).
    expect(calendar.addWorkingDays(cst('2026-02-13T10:30:00'), 2)).toEqual(cst('2026-02-24T10:30:00'));
    // An ordinary week: Thursday + 3 working days = the next Tuesday.
    expect(calendar.addWorkingDays(cst('2026-03-12T16:00:00'), 3)).toEqual(cst('2026-03-17T16:00:00'));
  });

  it('keeps the Shanghai time of day for starts near midnight UTC', () => {
    // 2026-09-30 23:30 Shanghai (15:30 UTC), a working day: + 1 working day skips 10-01 … 10-07.
    expect(calendar.addWorkingDays(new Date('2026-09-30T15:30:00Z'), 1)).toEqual(new Date('2026-10-08T15:30:00Z'));
    // 2026-03-12 00:10 Shanghai is 2026-03-11 16:10 UTC: the Shanghai Thursday counts, not the UTC Wednesday.
    expect(calendar.addWorkingDays(new Date('2026-03-11T16:10:00Z'), 1)).toEqual(new Date('2026-03-12T16:10:00Z'));
  });

  it('starts a deadline received on a non-working day at 09:00 of the next working day', () => {
    // 2026-10-01 00:30 Shanghai is a holiday: counted as if received 2026-10-08 (Thursday) 09:00.
    expect(calendar.addWorkingDays(new Date('2026-09-30T16:30:00Z'), 0)).toEqual(cst('2026-10-08T09:00:00'));
    expect(calendar.addWorkingDays(new Date('2026-09-30T16:30:00Z'), 1)).toEqual(cst('2026-10-09T09:00:00'));
    // Saturday 2026-10-10 is an adjusted working day, so Friday + 1 lands on it.
    expect(calendar.addWorkingDays(cst('2026-10-09T09:00:00'), 1)).toEqual(cst('2026-10-10T09:00:00'));
    // An ordinary Saturday afternoon + 1 working day = Tuesday 09:00.
    expect(calendar.addWorkingDays(cst('2026-03-14T15:00:00'), 1)).toEqual(cst('2026-03-17T09:00:00'));
  });

  it('returns the start itself for 0 working days on a working day and refuses negative or fractional days', () => {
    const start = cst('2026-03-12T16:00:00');
    expect(calendar.addWorkingDays(start, 0)).toEqual(start);
    expect(() => calendar.addWorkingDays(start, -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(start, 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
  });

  it('agrees with workingDaysBetween from a working day', () => {
    const start = cst('2026-09-28T11:00:00');
    for (const n of [0, 1, 2, 3, 5, 10, 30]) expect(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n))).toBe(n);
    expect(calendar.workingDaysBetween(calendar.addWorkingDays(start, 5), start)).toBe(-5);
  });

  it('adds hours as elapsed clock time, through nights and holidays', () => {
    expect(calendar.addHours(cst('2026-09-30T20:00:00'), 24)).toEqual(cst('2026-10-01T20:00:00'));
    expect(calendar.addHours(cst('2026-09-30T20:00:00'), 0.5)).toEqual(cst('2026-09-30T20:30:00'));
  });
});

describe('calendar overrides and years', () => {
  it('lets a tenant override a built-in day both ways and add days of a year without a notice', () => {
    const calendar = createCalendar([
      { day: '2026-02-14', workday: false }, // a 调休 Saturday the tenant gives off
      { day: '2026-03-10', workday: false }, // a local holiday on a Tuesday
      { day: '2026-10-05', workday: true }, // a holiday the tenant works
      { day: '2027-02-08', workday: false },
    ]);
    expect(calendar.isWorkday('2026-02-14')).toBe(false);
    expect(calendar.isWorkday('2026-03-10')).toBe(false);
    expect(calendar.isWorkday('2026-10-05')).toBe(true);
    expect(calendar.isWorkday('2027-02-08')).toBe(false);
    expect(calendar.addWorkingDays(cst('2026-02-13T10:30:00'), 1)).toEqual(cst('2026-02-24T10:30:00'));
  });

  it('lists the built-in years and the years of overrides', () => {
    expect(createCalendar().years()).toEqual([2024, 2025, 2026, 2027]);
    expect(createCalendar([{ day: '2028-01-01', workday: false }]).years()).toEqual([2024, 2025, 2026, 2027, 2028]);
  });

  it('ships 2027 with the fixed-date statutory holidays only, marked as not from a notice', () => {
    const year2027 = HOLIDAY_YEARS.find((y) => y.year === 2027)!;
    expect(year2027.official).toBe(false);
    const calendar = createCalendar();
    const days = calendar.specialDays(2027);
    expect(days.map((d) => d.day)).toEqual(['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03']);
    expect(days.every((d) => d.origin === 'statutory' && !d.workday)).toBe(true);
  });

  it('shows the special days of a year with the overrides applied', () => {
    const days = createCalendar([{ day: '2026-10-05', workday: true }]).specialDays(2026);
    expect(days.find((d) => d.day === '2026-10-05')).toEqual({ day: '2026-10-05', workday: true, name: '国庆节', origin: 'override' });
    expect(days.find((d) => d.day === '2026-01-04')).toEqual({ day: '2026-01-04', workday: true, name: '元旦', origin: 'notice' });
    expect(days.filter((d) => !d.workday)).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7 - 1);
  });

  it('refuses overrides and days that are not real dates', () => {
    expect(() => createCalendar([{ day: '2026-02-30', workday: true }])).toThrow(/override 0/);
    expect(() => createCalendar([{ day: '2026/02/01', workday: true }])).toThrow(RangeError);
    expect(() => createCalendar().isWorkday('2026-13-01')).toThrow(RangeError);
  });
});

describe('tenant overrides with names', () => {
  it('a named override replaces the built-in day and keeps its own name; an unnamed one keeps the notice name', () => {
    const calendar = createCalendar([
      { day: '2026-10-08', workday: true, name: '县里调休上班' },
      { day: '2026-10-07', workday: true },
      { day: '2026-03-16', workday: false, name: '地方节日' },
    ]);
    expect(calendar.isWorkday('2026-10-08')).toBe(true);
    expect(calendar.isWorkday('2026-03-16')).toBe(false);
    const special = calendar.specialDays(2026);
    expect(special.find((d) => d.day === '2026-10-08')).toEqual({
      day: '2026-10-08',
      workday: true,
      name: '县里调休上班',
      origin: 'override',
    });
    expect(special.find((d) => d.day === '2026-10-07')).toEqual({ day: '2026-10-07', workday: true, name: '国庆节', origin: 'override' });
    expect(special.find((d) => d.day === '2026-03-16')?.name).toBe('地方节日');
    // Friday 2026-03-13 10:00 + 1 working day skips the weekend and the local holiday on Monday.
    expect(calendar.addWorkingDays(shanghaiTime('2026-03-13', 10), 1).toISOString()).toBe(shanghaiTime('2026-03-17', 10).toISOString());
  });
});
