import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { propertyEvaluationAbilities } from './abilities.ts';
import { seedPropertyEvaluationDemo } from './demo.ts';
import { propertyEvaluationErrors } from './errors.ts';
import { propertyEvaluationRoutes } from './routes.ts';

/** Property-service evaluation (物业服务评价): quarterly rounds, residents' ratings, staff inspections, combined scores. */
export const propertyEvaluationModule: ModuleManifest = {
  name: 'property-evaluation',
  description:
    'Property-service evaluation: quarterly rounds in which residents rate their compound’s property service on the phone (one rating per household; not those who serve it or handled its demands), staff inspections with a checklist and photos, and a combined score per compound and company (ratings, demands, inspections) kept and published at close and handed to the property module’s management status',
  routes: propertyEvaluationRoutes,
  abilities: propertyEvaluationAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: propertyEvaluationErrors,
  demo: seedPropertyEvaluationDemo,
  tables: [
    'property_evaluation_round',
    'property_evaluation_rating',
    'property_inspection_item',
    'property_inspection',
    'property_inspection_result',
    'property_inspection_photo',
    'property_evaluation_weights',
    'property_evaluation_result',
    'property_evaluation_score',
  ],
  // property_profile, property_company: the company serving a compound when a household rates or staff
  // inspect (kept with the rating or inspection). demand, demand_event: whether a rater handled demands
  // of the compound in the round's quarter (RoundRepository.handledDemandsIn; no interface asks that).
  reads: ['property_profile', 'property_company', 'demand', 'demand_event'],
  territoryRefs: {
    nodes: [
      {
        table: 'property_evaluation_round',
        column: 'node_id',
        kinds: ['county', 'subdistrict', 'community'],
        onMerge: 'repoint',
        label: { 'zh-CN': '物业服务测评', 'en-US': 'evaluation rounds' },
      },
      {
        table: 'property_evaluation_rating',
        column: 'compound_id',
        kinds: ['compound'],
        onMerge: 'repoint',
        label: { 'zh-CN': '物业服务评价', 'en-US': 'property-service ratings' },
      },
      {
        table: 'property_evaluation_rating',
        column: 'household_id',
        kinds: ['household'],
        onMerge: 'repoint',
        label: { 'zh-CN': '物业服务评价（户）', 'en-US': 'property-service ratings (households)' },
      },
      {
        table: 'property_inspection',
        column: 'compound_id',
        kinds: ['compound'],
        onMerge: 'repoint',
        label: { 'zh-CN': '物业服务检查', 'en-US': 'property-service inspections' },
      },
    ],
  },
};
