import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Ballots abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it.
 */
export const ballotsAbilities = {
  abilities: ['ballots.read', 'ballots.write'],
  grants: {
    system_admin: ['ballots.read', 'ballots.write'],
    county_staff: ['ballots.read'],
    subdistrict_staff: ['ballots.read', 'ballots.write'],
    community_staff: ['ballots.read', 'ballots.write'],
  },
  labels: {
    'ballots.read': { 'zh-CN': '查看ballots', 'en-US': 'Read ballots' },
    'ballots.write': { 'zh-CN': '维护ballots', 'en-US': 'Keep ballots' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof ballotsAbilities.abilities)[number], true> {}
}
