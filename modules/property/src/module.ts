import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { propertyAbilities } from './abilities.ts';
import { seedPropertyDemo } from './demo.ts';
import { propertyErrors } from './errors.ts';
import { propertyRoutes } from './routes.ts';

/** Property: (one line — what the module is for). */
export const propertyModule: ModuleManifest = {
  name: 'property',
  description: '(one line: what the module is for)',
  routes: propertyRoutes,
  abilities: propertyAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: propertyErrors,
  demo: seedPropertyDemo,
  tables: ['property_item'],
  reads: [],
  territoryRefs: {
    nodes: [
      {
        table: 'property_item',
        column: 'community_id',
        kinds: ['community'],
        onMerge: 'repoint',
        label: { 'zh-CN': 'property记录', 'en-US': 'property items' },
      },
    ],
  },
};
