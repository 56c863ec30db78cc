import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { peopleAbilities } from './abilities.ts';
import { peopleErrors } from './errors.ts';
import { peopleRoutes } from './routes.ts';

/**
 * People (居民): residents in households with tags and encrypted, masked contact data; audited
 * unmasking; building and entrance leaders.
 */
export const peopleModule: ModuleManifest = {
  name: 'people',
  description: 'Residents in households (masked personal data, audited reveal) and building / entrance leaders',
  routes: peopleRoutes,
  abilities: peopleAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: peopleErrors,
  tables: ['resident', 'node_leader'],
  reads: ['territory_rollup'],
  territoryRefs: {
    nodes: [
      {
        table: 'resident',
        column: 'household_id',
        kinds: ['household'],
        onMerge: 'repoint',
        label: { 'zh-CN': '居民', 'en-US': 'residents' },
      },
      {
        table: 'node_leader',
        column: 'node_id',
        onMerge: 'repoint',
        uniqueWith: ['role', 'resident_id'],
        label: { 'zh-CN': '楼栋长', 'en-US': 'leaders' },
      },
    ],
  },
};
