import type { ModuleManifest } from '@linli/core';
import { partyRoutes } from './routes.ts';

/** Party (党建): the five-level organisation tree beside the territory, members, and the "one branch per compound" coverage report. */
export const partyModule: ModuleManifest = {
  name: 'party',
  description: 'Five-level party organisation tree, party members and coverage of compounds and buildings',
  routes: partyRoutes,
};
