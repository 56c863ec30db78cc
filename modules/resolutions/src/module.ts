import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { resolutionsAbilities } from './abilities.ts';
import { seedResolutionsDemo } from './demo.ts';
import { resolutionsErrors } from './errors.ts';
import { resolutionsRoutes } from './routes.ts';

/** Resolutions: (one line — what the module is for). */
export const resolutionsModule: ModuleManifest = {
  name: 'resolutions',
  description: '(one line: what the module is for)',
  routes: resolutionsRoutes,
  abilities: resolutionsAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: resolutionsErrors,
  demo: seedResolutionsDemo,
  tables: ['resolutions_item'],
  reads: [],
  territoryRefs: {
    nodes: [
      {
        table: 'resolutions_item',
        column: 'community_id',
        kinds: ['community'],
        onMerge: 'repoint',
        label: { 'zh-CN': 'resolutions记录', 'en-US': 'resolutions items' },
      },
    ],
  },
};
