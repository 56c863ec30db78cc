import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { propertyAbilities } from './abilities.ts';
import { seedPropertyDemo } from './demo.ts';
import { propertyErrors } from './errors.ts';
import { propertyRoutes } from './routes.ts';

/** Property reform (红色物业 / 大物业): property companies, contracts, compound profiles with their management status, ledgers and KPIs. */
export const propertyModule: ModuleManifest = {
  name: 'property',
  description:
    'Property reform: the property company registry, contracts and fee collection, compound property profiles with their management status and history, ledgers and KPIs',
  routes: propertyRoutes,
  abilities: propertyAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: propertyErrors,
  demo: seedPropertyDemo,
  tables: [
    'property_company',
    'property_cross_posting',
    'property_contract',
    'property_collection',
    'property_criteria',
    'property_profile',
    'property_status_change',
    'property_compound_score',
    'property_renewal_decision',
    'property_reception_day',
    'property_reception_question',
    'property_instructor',
  ],
  reads: ['party_org', 'resident'],
  territoryRefs: {
    nodes: [
      {
        table: 'property_company',
        column: 'community_id',
        kinds: ['community'],
        onMerge: 'repoint',
        label: { 'zh-CN': '物业服务企业', 'en-US': 'property companies' },
      },
      {
        table: 'property_contract',
        column: 'compound_id',
        kinds: ['compound'],
        onMerge: 'repoint',
        label: { 'zh-CN': '物业服务合同', 'en-US': 'property contracts' },
      },
      {
        table: 'property_profile',
        column: 'compound_id',
        kinds: ['compound'],
        onMerge: 'refuse',
        label: { 'zh-CN': '小区物业档案', 'en-US': 'compound property profiles' },
      },
      {
        table: 'property_compound_score',
        column: 'compound_id',
        kinds: ['compound'],
        onMerge: 'refuse',
        label: { 'zh-CN': '小区物业服务测评得分', 'en-US': 'compound evaluation scores' },
      },
      {
        table: 'property_reception_day',
        column: 'compound_id',
        kinds: ['compound'],
        onMerge: 'repoint',
        label: { 'zh-CN': '物业经理接待日', 'en-US': 'reception days' },
      },
      {
        table: 'property_reception_question',
        column: 'household_id',
        kinds: ['household'],
        onMerge: 'repoint',
        label: { 'zh-CN': '接待日问题（户）', 'en-US': 'reception questions (households)' },
      },
      {
        table: 'property_instructor',
        column: 'node_id',
        kinds: ['compound', 'community'],
        onMerge: 'repoint',
        label: { 'zh-CN': '党建指导员', 'en-US': 'party-building instructors' },
      },
    ],
  },
};
