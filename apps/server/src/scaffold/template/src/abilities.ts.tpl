import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * __Pascal__ abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it.
 */
export const __camel__Abilities = {
  abilities: ['__camel__.read', '__camel__.write'],
  grants: {
    system_admin: ['__camel__.read', '__camel__.write'],
    county_staff: ['__camel__.read'],
    subdistrict_staff: ['__camel__.read', '__camel__.write'],
    community_staff: ['__camel__.read', '__camel__.write'],
  },
  labels: {
    '__camel__.read': { 'zh-CN': '查看__name__', 'en-US': 'Read __name__' },
    '__camel__.write': { 'zh-CN': '维护__name__', 'en-US': 'Keep __name__' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof __camel__Abilities.abilities)[number], true> {}
}
