import type { TerritoryNodeRef } from '@linli/core';
import { visitRoutes } from './visits.routes.ts';

// What quarterly home visits add to the module's manifest (module.ts spreads these in).

export const visitRouteGroups = [visitRoutes];

export const visitTables = ['deliberation_visit_plan', 'deliberation_visit', 'deliberation_visit_attempt'];

/** The grids module's tables a plan's households are read from (which buildings each grid covers). */
export const visitReads = ['grid', 'grid_building'];

/** A visit names its household; no path is copied (scope runs on the grid's community and the household's own path). */
export const visitTerritoryRefs: { nodes: TerritoryNodeRef[] } = {
  nodes: [
    {
      table: 'deliberation_visit',
      column: 'household_id',
      kinds: ['household'],
      onMerge: 'refuse',
      label: { 'zh-CN': '入户走访记录', 'en-US': 'home visits' },
    },
  ],
};
