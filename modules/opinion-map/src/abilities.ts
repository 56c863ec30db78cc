import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * OpinionMap abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it.
 */
export const opinionMapAbilities = {
  abilities: ['opinionMap.read', 'opinionMap.write'],
  grants: {
    system_admin: ['opinionMap.read', 'opinionMap.write'],
    county_staff: ['opinionMap.read'],
    subdistrict_staff: ['opinionMap.read', 'opinionMap.write'],
    community_staff: ['opinionMap.read', 'opinionMap.write'],
  },
  labels: {
    'opinionMap.read': { 'zh-CN': '查看opinion-map', 'en-US': 'Read opinion-map' },
    'opinionMap.write': { 'zh-CN': '维护opinion-map', 'en-US': 'Keep opinion-map' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof opinionMapAbilities.abilities)[number], true> {}
}
