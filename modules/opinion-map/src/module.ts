import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { opinionMapAbilities } from './abilities.ts';
import { seedOpinionMapDemo } from './demo.ts';
import { opinionMapErrors } from './errors.ts';
import { opinionMapRoutes } from './routes.ts';

/** OpinionMap: (one line — what the module is for). */
export const opinionMapModule: ModuleManifest = {
  name: 'opinion-map',
  description: '(one line: what the module is for)',
  routes: opinionMapRoutes,
  abilities: opinionMapAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: opinionMapErrors,
  demo: seedOpinionMapDemo,
  tables: ['opinion_map_item'],
  reads: [],
  territoryRefs: {
    nodes: [
      {
        table: 'opinion_map_item',
        column: 'community_id',
        kinds: ['community'],
        onMerge: 'repoint',
        label: { 'zh-CN': 'opinion-map记录', 'en-US': 'opinion-map items' },
      },
    ],
  },
};
