import type { ModuleManifest } from '@linli/core';
import { organisationRoutes } from './routes.ts';

/**
 * Organisations (组织): property companies and the compounds they serve, owners' committees and
 * other units, and dual registration (双报到) of organisations and party members with communities.
 */
export const organisationsModule: ModuleManifest = {
  name: 'organisations',
  description: 'Registered organisations, property services and dual registration with communities',
  routes: organisationRoutes,
};
