import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { calendarErrors } from './errors.ts';
import { calendarRoutes } from './routes.ts';

/**
 * Calendar: the working-day calendar of mainland China (holidays and 调休 from the State Council
 * notices) with each county's overrides by year, for the deadlines of every module.
 */
export const calendarModule: ModuleManifest = {
  name: 'calendar',
  description: 'Working-day calendar: national holidays and adjusted working days with the county’s overrides, for deadlines',
  routes: calendarRoutes,
  errors: calendarErrors,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  tables: ['tenant_calendar_day'],
};
