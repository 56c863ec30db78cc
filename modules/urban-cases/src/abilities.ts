import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Urban-cases abilities and who holds them by default: staff read and keep the 城管进小区 cases and
 * the renovation projects of their subtree (county staff assign cases to the county's departments
 * and close them). Residents hold no ability: they report cases in their own compound as residents
 * of a household (checked by the command). Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it.
 */
export const urbanCasesAbilities = {
  abilities: ['urbanCases.read', 'urbanCases.write'],
  grants: {
    system_admin: ['urbanCases.read'],
    county_staff: ['urbanCases.read', 'urbanCases.write'],
    subdistrict_staff: ['urbanCases.read', 'urbanCases.write'],
    community_staff: ['urbanCases.read', 'urbanCases.write'],
    compound_staff: ['urbanCases.read', 'urbanCases.write'],
    grid_worker: ['urbanCases.read', 'urbanCases.write'],
  },
  labels: {
    'urbanCases.read': { 'zh-CN': '查看城管进小区与小区改造', 'en-US': 'Read urban-management cases and renovations' },
    'urbanCases.write': { 'zh-CN': '办理城管进小区与小区改造', 'en-US': 'Keep urban-management cases and renovations' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof urbanCasesAbilities.abilities)[number], true> {}
}
