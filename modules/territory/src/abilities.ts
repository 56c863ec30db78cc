import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Territory abilities. Everyone on the staff side sees the territory of their grant; the system
 * admin and the subdistrict and community staff keep it (create, move, merge, import households).
 * This file is pure (no node imports): the web reads it too.
 */
export const territoryAbilities = {
  abilities: ['territory.read', 'territory.write', 'territory.import'],
  grants: {
    system_admin: ['territory.read', 'territory.write', 'territory.import'],
    security_admin: ['territory.read'],
    audit_admin: ['territory.read'],
    county_staff: ['territory.read'],
    subdistrict_staff: ['territory.read', 'territory.write', 'territory.import'],
    community_staff: ['territory.read', 'territory.write', 'territory.import'],
    compound_staff: ['territory.read'],
    grid_worker: ['territory.read'],
    property_staff: ['territory.read'],
    owners_committee_member: ['territory.read'],
    volunteer: ['territory.read'],
  },
  labels: {
    'territory.read': { 'zh-CN': '查看区划', 'en-US': 'Read the territory' },
    'territory.write': { 'zh-CN': '维护区划', 'en-US': 'Keep the territory' },
    'territory.import': { 'zh-CN': '导入住户', 'en-US': 'Import households' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof territoryAbilities.abilities)[number], true> {}
}
