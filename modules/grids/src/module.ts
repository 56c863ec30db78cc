import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { gridAbilities } from './abilities.ts';
import { gridErrors } from './errors.ts';
import { gridRoutes } from './routes.ts';

/** Grids (网格): grids and micro-grids of a community over its buildings, each with a "1 + N" team. */
export const gridsModule: ModuleManifest = {
  name: 'grids',
  description: 'Grids and micro-grids of a community covering buildings, with their teams',
  routes: gridRoutes,
  abilities: gridAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: gridErrors,
  tables: ['grid', 'grid_building', 'grid_member'],
  reads: ['account', 'resident'],
  territoryRefs: {
    nodes: [
      { table: 'grid', column: 'community_id', kinds: ['community'], onMerge: 'repoint', label: { 'zh-CN': '网格', 'en-US': 'grids' } },
      {
        table: 'grid_building',
        column: 'building_id',
        kinds: ['building'],
        onMerge: 'repoint',
        uniqueWith: ['grid_id'],
        label: { 'zh-CN': '网格楼栋', 'en-US': 'grid buildings' },
      },
    ],
  },
};
