import type { TerritoryNodeRef, TerritoryPathRef } from '@linli/core';
import { stationRoutes } from './stations.routes.ts';
import { publicStationRoutes } from './stations-public.routes.ts';

// What deliberation stations add to the module's manifest (module.ts spreads these in).

/** Route groups: staff and resident routes (signed in), and the public page (no sign-in). */
export const stationRouteGroups = [stationRoutes, publicStationRoutes];

export const stationTables = [
  'deliberation_station_kind',
  'deliberation_station',
  'deliberation_station_photo',
  'deliberation_station_rules',
];

/** A station carries its node's id and a copy of the node's path (its scope checks run on the copy). */
export const stationTerritoryRefs: { paths: TerritoryPathRef[]; nodes: TerritoryNodeRef[] } = {
  paths: [{ table: 'deliberation_station', column: 'node_path' }],
  nodes: [
    {
      table: 'deliberation_station',
      column: 'node_id',
      kinds: ['compound', 'community', 'subdistrict'],
      onMerge: 'repoint',
      label: { 'zh-CN': '议事阵地', 'en-US': 'deliberation stations' },
    },
  ],
};
