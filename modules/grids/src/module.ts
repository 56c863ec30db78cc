import type { ModuleManifest } from '@linli/core';
import { gridRoutes } from './routes.ts';

/** Grids (网格): grids and micro-grids of a community over its buildings, each with a "1 + N" team. */
export const gridsModule: ModuleManifest = {
  name: 'grids',
  description: 'Grids and micro-grids of a community covering buildings, with their teams',
  routes: gridRoutes,
};
