/**
 * Working-day calendar of mainland China, used for demand deadlines (响应时限 / 办结时限).
 *
 * Every date computation happens in Asia/Shanghai (UTC+8, no daylight saving since 1991), whatever
 * the server's TZ: a Date is shifted by +8 h and read with the UTC getters, never the local ones.
 *
 * A day is a working day when, in this order:
 *   1. the tenant's override for that day says so (a tenant edits a year with overrides);
 *   2. the State Council notice lists it as a holiday (放假) or an adjusted working day (调休上班);
 *   3. otherwise, it is Monday to Friday.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Start of business used when a deadline starts on a non-working day. */
export const START_OF_BUSINESS_HOUR = 9;

export interface CalendarOverride {
  /** YYYY-MM-DD in Asia/Shanghai. */
  day: string;
  workday: boolean;
  /** What the day is, shown in the calendar (e.g. 地方节日, 调休上班); empty keeps the built-in name. */
  name?: string;
}

export interface SpecialDay {
  day: string;
  workday: boolean;
  name: string;
  origin: 'notice' | 'statutory' | 'override';
}

interface HolidayYear {
  year: number;
  /** The notice the days come from; `official: false` when it was not available. */
  source: string;
  official: boolean;
  holidays: { name: string; from: string; to: string }[];
  adjustedWorkdays: { name: string; day: string }[];
}

/**
 * Holidays and adjusted working days from 国务院办公厅关于…年部分节假日安排的通知.
 * Checked against the notice text as republished by 新华社 / 中国政府网 (see the commit message).
 */
export const HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25)',
    official: true,
    holidays: [
      { name: '元旦', from: '2024-01-01', to: '2024-01-01' },
      { name: '春节', from: '2024-02-10', to: '2024-02-17' },
      { name: '清明节', from: '2024-04-04', to: '2024-04-06' },
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05' },
      { name: '端午节', from: '2024-06-10', to: '2024-06-10' },
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17' },
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07' },
    ],
    adjustedWorkdays: [
      { name: '春节', day: '2024-02-04' },
      { name: '春节', day: '2024-02-18' },
      { name: '清明节', day: '2024-04-07' },
      { name: '劳动节', day: '2024-04-28' },
      { name: '劳动节', day: '2024-05-11' },
      { name: '中秋节', day: '2024-09-14' },
      { name: '国庆节', day: '2024-09-29' },
      { name: '国庆节', day: '2024-10-12' },
    ],
  },
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12)',
    official: true,
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    adjustedWorkdays: [
      { name: '春节', day: '2025-01-26' },
      { name: '春节', day: '2025-02-08' },
      { name: '劳动节', day: '2025-04-27' },
      { name: '国庆节、中秋节', day: '2025-09-28' },
      { name: '国庆节、中秋节', day: '2025-10-11' },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    official: true,
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    adjustedWorkdays: [
      { name: '元旦', day: '2026-01-04' },
      { name: '春节', day: '2026-02-14' },
      { name: '春节', day: '2026-02-28' },
      { name: '劳动节', day: '2026-05-09' },
      { name: '国庆节', day: '2026-09-20' },
      { name: '国庆节', day: '2026-10-10' },
    ],
  },
  {
    // The 2027 notice was not found when this was written. Only the fixed-date statutory holidays of
    // 全国年节及纪念日放假办法 (as revised in 2024) are built in: 元旦 1 day, 劳动节 2 days, 国庆节 3 days.
    // Lunar holidays (春节, 清明节, 端午节, 中秋节) and every 调休 day are missing until the notice
    // is added here; meanwhile a tenant enters them as overrides.
    year: 2027,
    source: '全国年节及纪念日放假办法 (fixed-date statutory holidays only; the 2027 notice is not built in)',
    official: false,
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
    ],
    adjustedWorkdays: [],
  },
];

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Asia/Shanghai calendar day of an instant, as YYYY-MM-DD. */
export function shanghaiDay(date: Date): string {
  assertValidDate(date);
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a YYYY-MM-DD day starts in Asia/Shanghai, plus `hour` hours. */
export function shanghaiTime(day: string, hour = 0): Date {
  return new Date(dayNumber(day) * DAY_MS - SHANGHAI_OFFSET_MS + hour * 60 * 60 * 1000);
}

export interface WorkingDayCalendar {
  /** Is this Shanghai day (a Date or 'YYYY-MM-DD') a working day? */
  isWorkday(date: Date | string): boolean;
  /**
   * Deadline `days` working days after `start`, at the same Shanghai time of day. A start on a
   * non-working day is treated as if it arrived at 09:00 on the next working day; the days are then
   * counted from there (Saturday 15:00 + 1 working day = Tuesday 09:00 in a normal week).
   * `days` = 0 gives `start`, moved to that 09:00 when it is on a non-working day.
   */
  addWorkingDays(start: Date, days: number): Date;
  /** Elapsed clock hours: hour deadlines (e.g. urgent demands) run around the clock and over holidays. */
  addHours(start: Date, hours: number): Date;
  /**
   * Working days d with day(a) < d ≤ day(b), by Shanghai calendar day (negative when b is before a).
   * From a working day, workingDaysBetween(start, addWorkingDays(start, n)) = n.
   */
  workingDaysBetween(a: Date, b: Date): number;
  /** Years with built-in holidays or tenant overrides, ascending. */
  years(): number[];
  /** Holidays, adjusted working days and overrides of one year, by day, after the overrides apply. */
  specialDays(year: number): SpecialDay[];
}

export function createCalendar(overrides: readonly CalendarOverride[] = []): WorkingDayCalendar {
  const builtIn = builtInDays();
  const overridden = new Map<number, { workday: boolean; name: string }>();
  overrides.forEach((override, index) => {
    if (!isCalendarDay(override.day)) {
      throw new RangeError(`calendar override ${index}: day must be a real date as YYYY-MM-DD, got ${JSON.stringify(override.day)}`);
    }
    overridden.set(dayNumber(override.day), { workday: override.workday, name: override.name?.trim() ?? '' });
  });

  const isWorkdayNumber = (n: number): boolean => {
    const override = overridden.get(n);
    if (override !== undefined) return override.workday;
    const special = builtIn.get(n);
    if (special) return special.workday;
    const weekday = (n + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday >= 1 && weekday <= 5;
  };

  const nextWorkday = (n: number): number => {
    let day = n + 1;
    while (!isWorkdayNumber(day)) day += 1;
    return day;
  };

  return {
    isWorkday(date) {
      return isWorkdayNumber(typeof date === 'string' ? parseDay(date) : dayNumber(shanghaiDay(date)));
    },

    addWorkingDays(start, days) {
      assertValidDate(start);
      if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${days}`);
      let day = dayNumber(shanghaiDay(start));
      let timeOfDay = start.getTime() - shanghaiTime(dayString(day)).getTime();
      if (!isWorkdayNumber(day)) {
        day = nextWorkday(day);
        timeOfDay = START_OF_BUSINESS_HOUR * 60 * 60 * 1000;
      }
      for (let i = 0; i < days; i += 1) day = nextWorkday(day);
      return new Date(shanghaiTime(dayString(day)).getTime() + timeOfDay);
    },

    addHours(start, hours) {
      assertValidDate(start);
      if (!Number.isFinite(hours)) throw new RangeError(`hours must be a finite number, got ${hours}`);
      return new Date(start.getTime() + hours * 60 * 60 * 1000);
    },

    workingDaysBetween(a, b) {
      const from = dayNumber(shanghaiDay(a));
      const to = dayNumber(shanghaiDay(b));
      const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let day = low + 1; day <= high; day += 1) if (isWorkdayNumber(day)) count += 1;
      return sign * count;
    },

    years() {
      const all = new Set(HOLIDAY_YEARS.map((y) => y.year));
      for (const n of overridden.keys()) all.add(Number(dayString(n).slice(0, 4)));
      return [...all].sort((x, y) => x - y);
    },

    specialDays(year) {
      const days = new Map<number, SpecialDay>();
      for (const [n, special] of builtIn) if (dayString(n).startsWith(`${year}-`)) days.set(n, { day: dayString(n), ...special });
      for (const [n, { workday, name }] of overridden) {
        const day = dayString(n);
        if (day.startsWith(`${year}-`)) days.set(n, { day, workday, name: name || (days.get(n)?.name ?? ''), origin: 'override' });
      }
      return [...days.entries()].sort(([x], [y]) => x - y).map(([, special]) => special);
    },
  };
}

type BuiltInDay = Omit<SpecialDay, 'day'>;

let builtInCache: Map<number, BuiltInDay> | undefined;

function builtInDays(): Map<number, BuiltInDay> {
  if (builtInCache) return builtInCache;
  const days = new Map<number, BuiltInDay>();
  for (const year of HOLIDAY_YEARS) {
    const origin = year.official ? 'notice' : 'statutory';
    for (const holiday of year.holidays) {
      for (let n = dayNumber(holiday.from); n <= dayNumber(holiday.to); n += 1) days.set(n, { workday: false, name: holiday.name, origin });
    }
    for (const adjusted of year.adjustedWorkdays) days.set(dayNumber(adjusted.day), { workday: true, name: adjusted.name, origin });
  }
  builtInCache = days;
  return days;
}

/** Days since 1970-01-01 of a YYYY-MM-DD string. */
function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Is this string a real calendar day written as YYYY-MM-DD? */
export function isCalendarDay(day: string): boolean {
  return DAY_PATTERN.test(day) && isRealDay(day);
}

function parseDay(day: string): number {
  if (!isCalendarDay(day)) throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(day)}`);
  return dayNumber(day);
}

function isRealDay(day: string): boolean {
  const n = dayNumber(day);
  return Number.isInteger(n) && dayString(n) === day;
}

function assertValidDate(date: Date): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError('expected a valid Date');
}
