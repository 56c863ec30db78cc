import type { ModuleManifest } from '@linli/core';
import { workbenchRoutes } from './routes.ts';

/**
 * The workbench (工作台): each person's home page. It owns no table and writes nothing; it reads the
 * demands, demand statistics, party, territory and notifications modules through their interfaces.
 */
export const workbenchModule: ModuleManifest = {
  name: 'workbench',
  description: "Each person's home page: the work that waits, today's deadlines and the scope's figures; the resident's phone home",
  routes: workbenchRoutes,
  tables: [],
  reads: [],
};
