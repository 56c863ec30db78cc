import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { ballotsAbilities } from './abilities.ts';
import { seedBallotsDemo } from './demo.ts';
import { ballotsErrors } from './errors.ts';
import { ballotsRoutes } from './routes.ts';

/** Ballots: (one line — what the module is for). */
export const ballotsModule: ModuleManifest = {
  name: 'ballots',
  description: '(one line: what the module is for)',
  routes: ballotsRoutes,
  abilities: ballotsAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: ballotsErrors,
  demo: seedBallotsDemo,
  tables: ['ballots_item'],
  reads: [],
  territoryRefs: {
    nodes: [
      {
        table: 'ballots_item',
        column: 'community_id',
        kinds: ['community'],
        onMerge: 'repoint',
        label: { 'zh-CN': 'ballots记录', 'en-US': 'ballots items' },
      },
    ],
  },
};
