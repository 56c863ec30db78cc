import type { LocaleStrings } from '@linli/web-kit';
import type { calendarZh } from './strings.zh-CN.ts';

export const calendarEn: LocaleStrings<typeof calendarZh> = {
  menu: 'Working days',
  title: 'Working-day calendar',
  intro:
    'Working-day deadlines of demands follow this calendar: the State Council holiday notices (with adjusted working days), plus the county’s own days off or working days per year.',
  year: 'Year',
  source: 'Source',
  notOfficial: 'The State Council notice of this year is not built in: enter its holidays and adjusted working days here.',
  specialDays: 'Holidays and adjusted working days',
  overrides: 'County overrides',
  day: 'Date',
  kind: 'Type',
  name: 'Name',
  origin: 'Origin',
  holiday: 'Day off',
  workday: 'Working day',
  originNotice: 'State Council notice',
  originStatutory: 'Statutory holiday',
  originOverride: 'County override',
  addDay: 'Add a date',
  save: 'Save this year',
  saved: 'Overrides of {{year}} saved',
  readOnly: 'Only county administrators with demand configuration may change it.',
  autoEscalate: 'Escalate overdue demands automatically',
  autoEscalateHelp:
    'A demand still being handled after its resolution deadline goes one level up (compound → community → subdistrict → county department), once per deadline.',
};
