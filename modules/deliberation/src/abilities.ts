import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Deliberation abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it.
 */
export const deliberationAbilities = {
  abilities: ['deliberation.read', 'deliberation.write'],
  grants: {
    system_admin: ['deliberation.read', 'deliberation.write'],
    county_staff: ['deliberation.read'],
    subdistrict_staff: ['deliberation.read', 'deliberation.write'],
    community_staff: ['deliberation.read', 'deliberation.write'],
  },
  labels: {
    'deliberation.read': { 'zh-CN': '查看deliberation', 'en-US': 'Read deliberation' },
    'deliberation.write': { 'zh-CN': '维护deliberation', 'en-US': 'Keep deliberation' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof deliberationAbilities.abilities)[number], true> {}
}
