export { CALENDAR_STAMP, CalendarRepository, type StoredOverride } from './calendar.repository.ts';
export * from './calendar.ts';
export { calendarYear, replaceCalendarYear } from './commands/replace-calendar-year.ts';
export * from './contract.ts';
export { calendarModule } from './module.ts';
export { tenantCalendar } from './tenant-calendar.ts';
