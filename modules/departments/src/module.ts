import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { departmentRoutes } from './routes.ts';

/**
 * Departments: the county's departments (住建局, 城管局 …) as handling units at the department level,
 * for every module that dispatches work to them (demands today; deliberation topics and service
 * appointments next).
 */
export const departmentsModule: ModuleManifest = {
  name: 'departments',
  description: 'County departments as handling units that every module can dispatch to',
  routes: departmentRoutes,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  tables: ['department'],
};
