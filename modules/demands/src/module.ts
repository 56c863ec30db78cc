import type { ModuleManifest } from '@linli/core';
import { attachmentRoutes } from './attachments.routes.ts';
import { boardRoutes } from './board.routes.ts';
import { calendarRoutes } from './calendar-routes.ts';
import { demandImportRoutes } from './import/routes.ts';
import { kpiRoutes } from './kpi.routes.ts';
import { open311AdminRoutes } from './open311/admin.routes.ts';
import { open311Routes } from './open311/routes.ts';
import { demandRoutes } from './routes.ts';
import { smartIntakeRoutes } from './smart/routes.ts';

/** Route groups of the module, each in its own file; registered in this order under /api/v1. */
const routeGroups = [
  demandRoutes,
  kpiRoutes,
  attachmentRoutes,
  boardRoutes,
  calendarRoutes,
  demandImportRoutes,
  smartIntakeRoutes,
  open311AdminRoutes,
];

/**
 * Demands (诉求): resident demands in a closed loop — intake on every channel, tiered dispatch to
 * compound / community / subdistrict / county department, deadlines, a full timeline, evaluation,
 * callbacks and KPIs.
 */
export const demandsModule: ModuleManifest = {
  name: 'demands',
  description: 'Resident demands in a closed loop: intake, tiered dispatch, deadlines, timeline, evaluation, callbacks and KPIs',
  routes: async (app, deps) => {
    // Each group is its own plugin, so one group's hooks (e.g. sign-in required) stay inside it.
    for (const group of routeGroups) await app.register(async (child) => group(child, deps));
  },
  rootRoutes: open311Routes,
};
