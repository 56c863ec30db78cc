import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { deliberationAbilities } from './abilities.ts';
import { seedDeliberationDemo } from './demo.ts';
import { deliberationErrors } from './errors.ts';
import { deliberationRoutes } from './routes.ts';

/** Deliberation: (one line — what the module is for). */
export const deliberationModule: ModuleManifest = {
  name: 'deliberation',
  description: '(one line: what the module is for)',
  routes: deliberationRoutes,
  abilities: deliberationAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: deliberationErrors,
  demo: seedDeliberationDemo,
  tables: ['deliberation_item'],
  reads: [],
  territoryRefs: {
    nodes: [
      {
        table: 'deliberation_item',
        column: 'community_id',
        kinds: ['community'],
        onMerge: 'repoint',
        label: { 'zh-CN': 'deliberation记录', 'en-US': 'deliberation items' },
      },
    ],
  },
};
