import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { demandSmartErrors } from './errors.ts';
import { smartIntakeRoutes } from './routes.ts';

/**
 * Smart intake: category and level suggestion while a demand is taken in, similar demands, hot spots
 * and monthly themes.
 */
export const demandSmartModule: ModuleManifest = {
  name: 'demand-smart',
  description: 'Smart intake: category and level suggestion, similar demands, hot spots and monthly themes',
  routes: smartIntakeRoutes,
  errors: demandSmartErrors,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  tables: ['demand_classifier', 'demand_theme', 'demand_place_month'],
  reads: ['account', 'demand', 'demand_category'],
  territoryRefs: {
    paths: [{ table: 'demand_theme', column: 'node_path' }],
    nodes: [{ table: 'demand_theme', column: 'node_id', onMerge: 'repoint', label: { 'zh-CN': '每月一题', 'en-US': 'monthly themes' } }],
  },
};
