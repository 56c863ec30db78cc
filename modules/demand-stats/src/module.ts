import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { boardRoutes } from './board.routes.ts';
import { kpiRoutes } from './kpi.routes.ts';

/** Route groups of the module, each in its own file; registered in this order under /api/v1. */
const routeGroups = [kpiRoutes, boardRoutes];

/**
 * Demand statistics: the KPIs of demands in a scope (response, on-time resolution, satisfaction,
 * breakdowns, rankings of handling units, Excel export) and the public notice board of a community.
 */
export const demandStatsModule: ModuleManifest = {
  name: 'demand-stats',
  description: 'KPIs of demands with breakdowns and rankings, and the public notice board of a community',
  routes: async (app, deps) => {
    // Each group is its own plugin, so one group's hooks (e.g. sign-in required) stay inside it.
    for (const group of routeGroups) await app.register(async (child) => group(child, deps));
  },
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  // The KPI rollups are kept by triggers on demand (migration 0009) from demand.node_path.
  tables: ['demand_kpi_month', 'demand_kpi_category_month'],
  reads: ['demand', 'demand_callback', 'demand_category', 'department'],
};
