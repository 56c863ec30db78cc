import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { ballotsAbilities } from './abilities.ts';
import { seedBallotsDemo } from './demo.ts';
import { ballotsErrors } from './errors.ts';
import { ballotsRoutes } from './routes.ts';

/** Ballots: the one ballot engine of deliberation, owners' decisions and micro-funds — paper tallies and online votes, Art. 278 rules. */
export const ballotsModule: ModuleManifest = {
  name: 'ballots',
  description: '表决：现场计票与线上投票，按户按人或按面积，双过半/双四分之三（民法典第278条），委托、改票、匿名',
  routes: ballotsRoutes,
  abilities: ballotsAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: ballotsErrors,
  demo: seedBallotsDemo,
  tables: [
    'ballot',
    'ballot_option',
    'ballot_roll',
    'ballot_proxy',
    'ballot_participation',
    'ballot_choice',
    'ballot_total',
    'ballot_tally_entry',
  ],
  reads: ['resident'],
  territoryRefs: {
    paths: [{ table: 'ballot', column: 'place_path' }],
    nodes: [
      { table: 'ballot', column: 'place_id', onMerge: 'refuse', label: { 'zh-CN': '表决', 'en-US': 'ballots' } },
      // A place with ballots is not merged away (its path is the ballots' scope); a household merged
      // into another keeps its votes, the roll shows the household it became.
      {
        table: 'ballot_roll',
        column: 'household_id',
        kinds: ['household'],
        onMerge: 'repoint',
        label: { 'zh-CN': '表决名单', 'en-US': 'voter lists' },
      },
    ],
  },
};
