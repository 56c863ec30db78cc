import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { organisationAbilities } from './abilities.ts';
import { organisationErrors } from './errors.ts';
import { organisationRoutes } from './routes.ts';

/**
 * Organisations (组织): property companies and the compounds they serve, owners' committees and
 * other units, and dual registration (双报到) of organisations and party members with communities.
 */
export const organisationsModule: ModuleManifest = {
  name: 'organisations',
  description: 'Registered organisations, property services and dual registration with communities',
  routes: organisationRoutes,
  abilities: organisationAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: organisationErrors,
  tables: ['organisation', 'property_service', 'dual_registration'],
  reads: ['resident'],
  territoryRefs: {
    nodes: [
      { table: 'organisation', column: 'node_id', onMerge: 'repoint', label: { 'zh-CN': '组织', 'en-US': 'organisations' } },
      {
        table: 'property_service',
        column: 'compound_id',
        kinds: ['compound'],
        onMerge: 'repoint',
        uniqueWith: ['organisation_id'],
        label: { 'zh-CN': '物业服务', 'en-US': 'property services' },
      },
      {
        table: 'dual_registration',
        column: 'community_id',
        kinds: ['community'],
        onMerge: 'repoint',
        // unique on (tenant_id, community_id, coalesce(organisation_id, resident_id)): one of the two is set
        uniqueWith: ['organisation_id', 'resident_id'],
        label: { 'zh-CN': '双报到', 'en-US': 'dual registrations' },
      },
    ],
  },
};
