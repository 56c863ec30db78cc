import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { partyAbilities } from './abilities.ts';
import { partyErrors } from './errors.ts';
import { partyRoutes } from './routes.ts';

/** Party (党建): the five-level organisation tree beside the territory, members, and the "one branch per compound" coverage report. */
export const partyModule: ModuleManifest = {
  name: 'party',
  description: 'Five-level party organisation tree, party members and coverage of compounds and buildings',
  routes: partyRoutes,
  abilities: partyAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: partyErrors,
  tables: ['party_org', 'party_member'],
  reads: ['resident'],
  territoryRefs: {
    nodes: [{ table: 'party_org', column: 'node_id', onMerge: 'repoint', label: { 'zh-CN': '党组织', 'en-US': 'party organisations' } }],
  },
};
