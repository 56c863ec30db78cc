import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { ownersCommitteesAbilities } from './abilities.ts';
import { seedOwnersCommitteesDemo } from './demo.ts';
import { ownersCommitteesErrors } from './errors.ts';
import { ownersCommitteesRoutes } from './routes.ts';

/** OwnersCommittees: (one line — what the module is for). */
export const ownersCommitteesModule: ModuleManifest = {
  name: 'owners-committees',
  description: '(one line: what the module is for)',
  routes: ownersCommitteesRoutes,
  abilities: ownersCommitteesAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: ownersCommitteesErrors,
  demo: seedOwnersCommitteesDemo,
  tables: ['owners_committees_item'],
  reads: [],
  territoryRefs: {
    nodes: [
      {
        table: 'owners_committees_item',
        column: 'community_id',
        kinds: ['community'],
        onMerge: 'repoint',
        label: { 'zh-CN': 'owners-committees记录', 'en-US': 'owners-committees items' },
      },
    ],
  },
};
