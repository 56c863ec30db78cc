import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Property-service evaluation abilities and who holds them by default. Pure (no node imports): the web
 * reads it too. A grant holds on the granted node and everything under it. Residents rate through
 * `/me/property-evaluation` with their household grant, no ability needed.
 */
export const propertyEvaluationAbilities = {
  abilities: ['propertyEvaluation.read', 'propertyEvaluation.write'],
  grants: {
    system_admin: ['propertyEvaluation.read', 'propertyEvaluation.write'],
    county_staff: ['propertyEvaluation.read', 'propertyEvaluation.write'],
    subdistrict_staff: ['propertyEvaluation.read', 'propertyEvaluation.write'],
    community_staff: ['propertyEvaluation.read', 'propertyEvaluation.write'],
    grid_worker: ['propertyEvaluation.read'],
  },
  labels: {
    'propertyEvaluation.read': { 'zh-CN': '查看物业服务测评', 'en-US': 'Read property-service evaluations' },
    'propertyEvaluation.write': { 'zh-CN': '开展物业服务测评', 'en-US': 'Run property-service evaluations' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof propertyEvaluationAbilities.abilities)[number], true> {}
}
