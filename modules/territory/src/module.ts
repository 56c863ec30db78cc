import type { ModuleManifest } from '@linli/core';
import { territoryRoutes } from './routes.ts';

export const territoryModule: ModuleManifest = {
  name: 'territory',
  description: 'The territory tree county → household: browsing with subtree counts, editing, moves, merges and household/resident import.',
  routes: territoryRoutes,
};
