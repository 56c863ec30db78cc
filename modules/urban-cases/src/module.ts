import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { urbanCasesAbilities } from './abilities.ts';
import { seedUrbanCasesDemo } from './demo.ts';
import { urbanCasesErrors } from './errors.ts';
import { urbanCasesRoutes } from './routes.ts';

/** UrbanCases: (one line — what the module is for). */
export const urbanCasesModule: ModuleManifest = {
  name: 'urban-cases',
  description: '(one line: what the module is for)',
  routes: urbanCasesRoutes,
  abilities: urbanCasesAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: urbanCasesErrors,
  demo: seedUrbanCasesDemo,
  tables: ['urban_cases_item'],
  reads: [],
  territoryRefs: {
    nodes: [
      {
        table: 'urban_cases_item',
        column: 'community_id',
        kinds: ['community'],
        onMerge: 'repoint',
        label: { 'zh-CN': 'urban-cases记录', 'en-US': 'urban-cases items' },
      },
    ],
  },
};
