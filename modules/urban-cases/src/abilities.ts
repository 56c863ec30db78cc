import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * UrbanCases abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it.
 */
export const urbanCasesAbilities = {
  abilities: ['urbanCases.read', 'urbanCases.write'],
  grants: {
    system_admin: ['urbanCases.read', 'urbanCases.write'],
    county_staff: ['urbanCases.read'],
    subdistrict_staff: ['urbanCases.read', 'urbanCases.write'],
    community_staff: ['urbanCases.read', 'urbanCases.write'],
  },
  labels: {
    'urbanCases.read': { 'zh-CN': '查看urban-cases', 'en-US': 'Read urban-cases' },
    'urbanCases.write': { 'zh-CN': '维护urban-cases', 'en-US': 'Keep urban-cases' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof urbanCasesAbilities.abilities)[number], true> {}
}
