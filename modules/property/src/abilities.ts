import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Property abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it: county, subdistrict and community staff
 * keep the registry and profiles; property-company staff, compound staff and grid workers read them
 * where they are granted.
 */
export const propertyAbilities = {
  abilities: ['property.read', 'property.write'],
  grants: {
    system_admin: ['property.read', 'property.write'],
    county_staff: ['property.read', 'property.write'],
    subdistrict_staff: ['property.read', 'property.write'],
    community_staff: ['property.read', 'property.write'],
    compound_staff: ['property.read'],
    grid_worker: ['property.read'],
    property_staff: ['property.read'],
    owners_committee_member: ['property.read'],
  },
  labels: {
    'property.read': { 'zh-CN': '查看物业管理档案', 'en-US': 'Read property records' },
    'property.write': { 'zh-CN': '维护物业管理档案', 'en-US': 'Keep property records' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof propertyAbilities.abilities)[number], true> {}
}
