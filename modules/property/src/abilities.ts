import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Property abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it.
 */
export const propertyAbilities = {
  abilities: ['property.read', 'property.write'],
  grants: {
    system_admin: ['property.read', 'property.write'],
    county_staff: ['property.read'],
    subdistrict_staff: ['property.read', 'property.write'],
    community_staff: ['property.read', 'property.write'],
  },
  labels: {
    'property.read': { 'zh-CN': '查看property', 'en-US': 'Read property' },
    'property.write': { 'zh-CN': '维护property', 'en-US': 'Keep property' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof propertyAbilities.abilities)[number], true> {}
}
