// The opening schedule of a deliberation station: a recurrence rule (e.g. 周六有约: every Saturday
// 9:00–11:00) and the openings it gives. Pure (no node imports): the web shows the same openings.
// Times are wall-clock times in China (UTC+8, no daylight saving).

/** ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface StationScheduleRule {
  /** weekly: every `interval` weeks on `weekdays`; monthly: the `nth` (1–4, −1 last) of those weekdays each month. */
  freq: 'weekly' | 'monthly';
  weekdays: Weekday[];
  /** weekly only: every n weeks, counted from the week of `from` (default 1). */
  interval?: number;
  /** monthly only: which occurrences in the month, e.g. [1, 3] the first and third. */
  nth?: number[];
  /** "HH:MM", China time. */
  start: string;
  end: string;
  /** First and last day the rule holds, "YYYY-MM-DD" (both optional). */
  from?: string;
  until?: string;
  /** Free text shown with the schedule, e.g. 节假日顺延. */
  note?: string;
}

export interface Opening {
  /** ISO instants (UTC). */
  start: string;
  end: string;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a rule, as field and reason (empty when it is valid). */
export function scheduleProblems(rule: StationScheduleRule): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (!rule.weekdays.length) problems.push({ field: 'schedule.weekdays', reason: 'names no weekday' });
  if (new Set(rule.weekdays).size !== rule.weekdays.length) problems.push({ field: 'schedule.weekdays', reason: 'names a weekday twice' });
  if (!TIME.test(rule.start)) problems.push({ field: 'schedule.start', reason: 'is not a time HH:MM' });
  if (!TIME.test(rule.end)) problems.push({ field: 'schedule.end', reason: 'is not a time HH:MM' });
  if (TIME.test(rule.start) && TIME.test(rule.end) && rule.end <= rule.start)
    problems.push({ field: 'schedule.end', reason: 'is not after the start' });
  if (rule.freq === 'monthly' && !rule.nth?.length) problems.push({ field: 'schedule.nth', reason: 'a monthly rule names which weeks' });
  if (rule.freq === 'weekly' && rule.nth?.length)
    problems.push({ field: 'schedule.nth', reason: 'only a monthly rule has weeks of the month' });
  if (rule.freq === 'monthly' && rule.interval !== undefined && rule.interval !== 1)
    problems.push({ field: 'schedule.interval', reason: 'only a weekly rule has an interval' });
  for (const key of ['from', 'until'] as const) {
    const value = rule[key];
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))))
      problems.push({ field: `schedule.${key}`, reason: 'is not a date YYYY-MM-DD' });
  }
  if (rule.from && rule.until && rule.until < rule.from) problems.push({ field: 'schedule.until', reason: 'is before the first day' });
  return problems;
}

/** Days since 1970-01-01 of a China calendar day "YYYY-MM-DD". */
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether the rule opens on China calendar day `day` (days since the epoch). */
function opensOn(rule: StationScheduleRule, day: number): boolean {
  const date = new Date(day * DAY_MS);
  const weekday = (((date.getUTCDay() + 6) % 7) + 1) as Weekday;
  if (!rule.weekdays.includes(weekday)) return false;
  if (rule.from && day < dayNumber(rule.from)) return false;
  if (rule.until && day > dayNumber(rule.until)) return false;
  if (rule.freq === 'weekly') {
    const interval = rule.interval ?? 1;
    if (interval === 1) return true;
    // Weeks counted Monday to Sunday from the week of `from` (or of the epoch's Monday, 1970-01-05).
    const anchor = rule.from ? dayNumber(rule.from) : 4;
    const mondayOf = (d: number) => d - ((new Date(d * DAY_MS).getUTCDay() + 6) % 7);
    const weeks = Math.round((mondayOf(day) - mondayOf(anchor)) / 7);
    return weeks % interval === 0;
  }
  const dom = date.getUTCDate();
  const nthFromStart = Math.floor((dom - 1) / 7) + 1;
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const isLast = dom + 7 > daysInMonth;
  return (rule.nth ?? []).some((n) => n === nthFromStart || (n === -1 && isLast));
}

/**
 * The next `count` openings of the rule that have not ended at `now` (an opening under way is the
 * first), looking at most `horizonDays` ahead. Empty for a rule that has run out.
 */
export function nextOpenings(rule: StationScheduleRule, now: Date, count = 5, horizonDays = 400): Opening[] {
  if (scheduleProblems(rule).length) return [];
  const out: Opening[] = [];
  const today = Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS);
  for (let day = today; day <= today + horizonDays && out.length < count; day++) {
    if (!opensOn(rule, day)) continue;
    const base = day * DAY_MS - CHINA_OFFSET_MS;
    const start = base + minutes(rule.start) * 60_000;
    const end = base + minutes(rule.end) * 60_000;
    if (end <= now.getTime()) continue;
    out.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
  }
  return out;
}

const RRULE_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The rule as an RFC 5545 RRULE (for calendars), e.g. "FREQ=WEEKLY;BYDAY=SA". */
export function toRRule(rule: StationScheduleRule): string {
  const days = [...rule.weekdays].sort((a, b) => a - b).map((d) => RRULE_DAYS[d - 1]);
  const byDay =
    rule.freq === 'monthly' ? (rule.nth ?? []).flatMap((n) => days.map((d) => `${n}${d}`)).join(',') : (days as string[]).join(',');
  const parts = [`FREQ=${rule.freq === 'monthly' ? 'MONTHLY' : 'WEEKLY'}`];
  if (rule.freq === 'weekly' && (rule.interval ?? 1) > 1) parts.push(`INTERVAL=${rule.interval}`);
  parts.push(`BYDAY=${byDay}`);
  if (rule.until) parts.push(`UNTIL=${rule.until.replace(/-/g, '')}`);
  return parts.join(';');
}

const ZH_DAYS = ['一', '二', '三', '四', '五', '六', '日'];
const EN_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The rule in words, e.g. "每周六 09:00–11:00" / "Every Sat 09:00–11:00". */
export function describeSchedule(rule: StationScheduleRule, language: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  const sorted = [...rule.weekdays].sort((a, b) => a - b);
  const time = `${rule.start}–${rule.end}`;
  if (language === 'zh-CN') {
    const days = sorted.map((d) => `周${ZH_DAYS[d - 1]}`).join('、');
    const nth = (rule.nth ?? []).map((n) => (n === -1 ? '最后一个' : `第${n}个`)).join('、');
    const every = rule.freq === 'monthly' ? `每月${nth}` : (rule.interval ?? 1) > 1 ? `每${rule.interval}周` : '每';
    return `${every}${days} ${time}`;
  }
  const days = sorted.map((d) => EN_DAYS[d - 1]).join(', ');
  const nth = (rule.nth ?? []).map((n) => (n === -1 ? 'last' : `#${n}`)).join(', ');
  const every = rule.freq === 'monthly' ? `Monthly (${nth})` : (rule.interval ?? 1) > 1 ? `Every ${rule.interval} weeks on` : 'Every';
  return `${every} ${days} ${time}`;
}
