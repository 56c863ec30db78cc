import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { demandImportRoutes } from './routes.ts';

/**
 * Demand import: 12345 hotline work orders (and other hotline exports) from Excel or CSV through a
 * saved column mapping, checked as a whole file before anything is written; export in the same shape.
 */
export const demandImportModule: ModuleManifest = {
  name: 'demand-import',
  description: '12345 hotline work-order import and export through saved column mappings',
  routes: demandImportRoutes,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  tables: ['demand_import_mapping'],
  reads: ['demand', 'demand_category', 'demand_event', 'department'],
};
