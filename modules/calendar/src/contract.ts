import { type Static, Type } from 'typebox';

/** Schemas of the working-day calendar API (a tenant's overrides of the national calendar per year). */
export const CalendarYearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
export type CalendarYearParams = Static<typeof CalendarYearParams>;

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Shanghai)' });
const DayName = Type.String({ maxLength: 40 });

export const CalendarOverrideItem = Type.Object({
  day: Day,
  /** true: an extra working day (调休上班); false: a day off. */
  workday: Type.Boolean(),
  name: Type.Optional(DayName),
});
export type CalendarOverrideItem = Static<typeof CalendarOverrideItem>;

export const ReplaceCalendarBody = Type.Object({ days: Type.Array(CalendarOverrideItem, { maxItems: 366 }) });
export type ReplaceCalendarBody = Static<typeof ReplaceCalendarBody>;

export const CalendarDay = Type.Object({
  day: Day,
  workday: Type.Boolean(),
  name: Type.String(),
  /** notice: the State Council notice; statutory: fixed-date holidays only; override: the tenant's entry. */
  origin: Type.Enum(['notice', 'statutory', 'override']),
});

export const CalendarYear = Type.Object({
  year: Type.Integer(),
  /** Where the built-in days of the year come from; null when none are built in. */
  source: Type.Union([Type.String(), Type.Null()]),
  /** false when the year's State Council notice is not built in (enter its days as overrides). */
  official: Type.Boolean(),
  /** Holidays and adjusted working days after the overrides apply, by day. */
  days: Type.Array(CalendarDay),
  /** The tenant's own entries of the year (what PUT replaces). */
  overrides: Type.Array(Type.Object({ day: Day, workday: Type.Boolean(), name: Type.String() })),
});
export type CalendarYear = Static<typeof CalendarYear>;
