import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { territoryAbilities } from './abilities.ts';
import { territoryErrors } from './errors.ts';
import { territoryRoutes } from './routes.ts';

export const territoryModule: ModuleManifest = {
  name: 'territory',
  description: 'The territory tree county → household: browsing with subtree counts, editing, moves, merges and household/resident import.',
  routes: territoryRoutes,
  abilities: territoryAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: territoryErrors,
  // division is the national division table (scope: global) territory imports from.
  tables: ['territory_node', 'territory_rollup', 'territory_household_count', 'division'],
  // Household import writes residents (migration 0022's triggers keep the subtree counts of residents and party members).
  reads: ['resident', 'grid'],
};
