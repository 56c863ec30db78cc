import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { open311AdminRoutes } from './admin.routes.ts';
import { open311Errors } from './errors.ts';
import { open311Routes } from './routes.ts';

/**
 * Open311: the GeoReport v2 API for outside clients (apps, the city platform) at /open311, and the
 * admin of those clients, their keys and the services' attributes under /api/v1.
 */
export const open311Module: ModuleManifest = {
  name: 'open311',
  description: 'Open311 GeoReport v2 for outside clients, and the admin of those clients',
  routes: open311AdminRoutes,
  errors: open311Errors,
  rootRoutes: open311Routes,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  tables: ['open311_client', 'open311_request'],
  reads: ['account', 'demand', 'demand_category', 'demand_event', 'department'],
};
