import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Organisation abilities (property companies, owners' committees, units of 双报到): government staff,
 * property staff and the owners' committee read them; the system admin and the subdistrict and
 * community staff keep them. This file is pure (no node imports): the web reads it too.
 */
export const organisationAbilities = {
  abilities: ['organisation.read', 'organisation.write'],
  grants: {
    system_admin: ['organisation.read', 'organisation.write'],
    county_staff: ['organisation.read'],
    subdistrict_staff: ['organisation.read', 'organisation.write'],
    community_staff: ['organisation.read', 'organisation.write'],
    compound_staff: ['organisation.read'],
    grid_worker: ['organisation.read'],
    property_staff: ['organisation.read'],
    owners_committee_member: ['organisation.read'],
  },
  labels: {
    'organisation.read': { 'zh-CN': '查看组织', 'en-US': 'Read organisations' },
    'organisation.write': { 'zh-CN': '维护组织', 'en-US': 'Keep organisations' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof organisationAbilities.abilities)[number], true> {}
}
