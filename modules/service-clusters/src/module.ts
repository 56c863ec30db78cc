import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { serviceClustersAbilities } from './abilities.ts';
import { seedServiceClustersDemo } from './demo.ts';
import { serviceClustersErrors } from './errors.ts';
import { serviceClustersRoutes } from './routes.ts';

/** Service clusters (组团 / 肥瘦搭配): scenarios of the cluster planner, compared, locked by hand, solved and adopted. */
export const serviceClustersModule: ModuleManifest = {
  name: 'service-clusters',
  description:
    'Service clusters (组团, 肥瘦搭配): plans that group compounds so that each cluster served by one company pays its way or states its subsidy',
  routes: serviceClustersRoutes,
  abilities: serviceClustersAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: serviceClustersErrors,
  demo: seedServiceClustersDemo,
  tables: ['cluster_scenario', 'cluster_scenario_cluster', 'cluster_scenario_member', 'cluster_scenario_lock'],
  reads: ['account'],
  territoryRefs: {
    nodes: [
      {
        table: 'cluster_scenario',
        column: 'node_id',
        kinds: ['county', 'subdistrict', 'community'],
        onMerge: 'repoint',
        label: { 'zh-CN': '物业组团方案', 'en-US': 'cluster scenarios' },
      },
    ],
  },
};
