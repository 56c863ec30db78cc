import type { ModuleManifest } from '@linli/core';
import { attachmentRoutes } from './attachments.routes.ts';
import { demandRoutes } from './routes.ts';
import { deadlineSettingsRoutes } from './settings.routes.ts';

/** Route groups of the module, each in its own file; registered in this order under /api/v1. */
const routeGroups = [demandRoutes, attachmentRoutes, deadlineSettingsRoutes];

/**
 * Demands (诉求): resident demands in a closed loop — intake on every channel, tiered dispatch to
 * compound / community / subdistrict / county department, deadlines, a full timeline, evaluation
 * and callbacks. KPIs and the board, 12345 import, smart intake and Open311 are sibling modules.
 */
export const demandsModule: ModuleManifest = {
  name: 'demands',
  description: 'Resident demands in a closed loop: intake, tiered dispatch, deadlines, timeline, evaluation and callbacks',
  routes: async (app, deps) => {
    // Each group is its own plugin, so one group's hooks (e.g. sign-in required) stay inside it.
    for (const group of routeGroups) await app.register(async (child) => group(child, deps));
  },
};
