import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { urbanCasesAbilities } from './abilities.ts';
import { seedUrbanCasesDemo } from './demo.ts';
import { urbanCasesErrors } from './errors.ts';
import { urbanCasesRoutes } from './routes.ts';

/** Urban-cases: 城管进小区 cases in compounds (违建、垃圾、车位、充电桩、乱堆乱放) and 老旧小区改造 renovation projects. */
export const urbanCasesModule: ModuleManifest = {
  name: 'urban-cases',
  description: 'Urban-management cases in compounds (城管进小区) and renovation projects of old compounds (老旧小区改造)',
  routes: urbanCasesRoutes,
  abilities: urbanCasesAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: urbanCasesErrors,
  demo: seedUrbanCasesDemo,
  tables: [
    'urban_case',
    'urban_case_event',
    'urban_case_photo',
    'urban_renovation',
    'urban_renovation_compound',
    'urban_renovation_funding',
    'urban_renovation_phase',
    'urban_renovation_photo',
  ],
  reads: ['department'],
  territoryRefs: {
    nodes: [
      {
        table: 'urban_case',
        column: 'node_id',
        kinds: ['compound', 'building'],
        onMerge: 'repoint',
        label: { 'zh-CN': '城管进小区案件', 'en-US': 'urban-management cases' },
      },
      {
        table: 'urban_renovation',
        column: 'node_id',
        onMerge: 'repoint',
        label: { 'zh-CN': '小区改造项目', 'en-US': 'renovation projects' },
      },
      {
        table: 'urban_renovation_compound',
        column: 'compound_id',
        kinds: ['compound'],
        onMerge: 'repoint',
        uniqueWith: ['project_id'],
        label: { 'zh-CN': '小区改造项目的小区', 'en-US': 'compounds of renovation projects' },
      },
    ],
  },
};
