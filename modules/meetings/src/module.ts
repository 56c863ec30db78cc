import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { meetingsAbilities } from './abilities.ts';
import { seedMeetingsDemo } from './demo.ts';
import { meetingsErrors } from './errors.ts';
import { meetingsRoutes } from './routes.ts';

/** Meetings: (one line — what the module is for). */
export const meetingsModule: ModuleManifest = {
  name: 'meetings',
  description: '(one line: what the module is for)',
  routes: meetingsRoutes,
  abilities: meetingsAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: meetingsErrors,
  demo: seedMeetingsDemo,
  tables: ['meetings_item'],
  reads: [],
  territoryRefs: {
    nodes: [
      {
        table: 'meetings_item',
        column: 'community_id',
        kinds: ['community'],
        onMerge: 'repoint',
        label: { 'zh-CN': 'meetings记录', 'en-US': 'meetings items' },
      },
    ],
  },
};
