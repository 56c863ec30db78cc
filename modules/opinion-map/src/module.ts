import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { opinionMapAbilities } from './abilities.ts';
import { seedOpinionMapDemo } from './demo.ts';
import { opinionMapErrors } from './errors.ts';
import { opinionMapRoutes } from './routes.ts';

/** Opinion map (观点地图): residents vote on short statements; the council sees the opinion groups and what they share. */
export const opinionMapModule: ModuleManifest = {
  name: 'opinion-map',
  description:
    'Opinion map: residents write and vote on statements of a contested topic; participants are grouped by how they vote (PCA, k-means) and each group’s representative statements and the consensus across groups are listed for the council',
  routes: opinionMapRoutes,
  abilities: opinionMapAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: opinionMapErrors,
  demo: seedOpinionMapDemo,
  tables: ['opinion_conversation', 'opinion_participant', 'opinion_statement', 'opinion_vote', 'opinion_map'],
  reads: ['deliberation_topic'],
  territoryRefs: {
    nodes: [
      {
        table: 'opinion_conversation',
        column: 'node_id',
        kinds: ['subdistrict', 'community', 'compound'],
        onMerge: 'repoint',
        label: { 'zh-CN': '观点征集', 'en-US': 'opinion-map conversations' },
      },
    ],
  },
};
