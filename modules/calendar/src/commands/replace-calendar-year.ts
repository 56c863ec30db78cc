import { AppError, auditEntry, type ErrorDetail, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import { CalendarRepository } from '../calendar.repository.ts';
import { createCalendar, HOLIDAY_YEARS, isCalendarDay } from '../calendar.ts';
import { requireConfigure } from '../configure.ts';
import type { CalendarYear, ReplaceCalendarBody } from '../contract.ts';

/**
 * Replaces a year's overrides of the working-day calendar (demand.configure on the county).
 * Every day must be a real date inside that year and appear once. Demands already submitted keep
 * their deadlines; new deadlines use the new calendar.
 */
export async function replaceCalendarYear(tx: Db, ctx: RequestContext, year: number, input: ReplaceCalendarBody): Promise<CalendarYear> {
  await requireConfigure(tx, ctx);
  const errors: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  input.days.forEach((d, i) => {
    if (!isCalendarDay(d.day)) errors.push({ field: `days/${i}/day`, reason: 'is not a real date as YYYY-MM-DD', value: d.day });
    else if (!d.day.startsWith(`${year}-`)) errors.push({ field: `days/${i}/day`, reason: `is not in ${year}`, value: d.day });
    else if (seen.has(d.day)) errors.push({ field: `days/${i}/day`, reason: `is listed twice (also at ${seen.get(d.day)})`, value: d.day });
    seen.set(d.day, i);
  });
  if (errors.length > 0) throw AppError.invalid(errors);
  const tenantId = ctx.actor.tenantId;
  const calendars = new CalendarRepository(tx);
  const before = await calendars.overrides(tenantId, year);
  const days = input.days
    .map((d) => ({ day: d.day, workday: d.workday, name: d.name?.trim() ?? '' }))
    .sort((a, b) => a.day.localeCompare(b.day));
  await calendars.replaceYear(tenantId, year, days, ctx.actor.accountId);
  const key = (d: { day: string; workday: boolean; name: string }) => `${d.day}|${d.workday}|${d.name}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(days.map(key));
  const added = days.filter((d) => !beforeKeys.has(key(d))).map((d) => d.day);
  const removed = before.filter((d) => !afterKeys.has(key(d))).map((d) => d.day);
  await recordAudit(
    tx,
    auditEntry(ctx, 'demand.calendar.replace', { type: 'calendar_year', id: String(year) }, { year, count: days.length, added, removed }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'demand_calendar.replaced',
    aggregateType: 'calendar_year',
    aggregateId: String(year),
    payload: { year, count: days.length },
  });
  return calendarYear(year, days);
}

/** A year of the calendar as the API shows it: built-in days after the overrides, and the overrides. */
export function calendarYear(year: number, overrides: { day: string; workday: boolean; name: string }[]): CalendarYear {
  const builtIn = HOLIDAY_YEARS.find((y) => y.year === year);
  return {
    year,
    source: builtIn?.source ?? null,
    official: builtIn?.official ?? false,
    days: createCalendar(overrides).specialDays(year),
    overrides,
  };
}
