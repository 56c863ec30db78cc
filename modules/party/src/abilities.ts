import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Party organisation abilities. Government staff read the organisation tree (the member roll also
 * needs people.sensitive); the owners' committee sees the organisations it works with.
 * This file is pure (no node imports): the web reads it too.
 */
export const partyAbilities = {
  abilities: ['party.read', 'party.write'],
  grants: {
    system_admin: ['party.read', 'party.write'],
    county_staff: ['party.read'],
    subdistrict_staff: ['party.read', 'party.write'],
    community_staff: ['party.read', 'party.write'],
    compound_staff: ['party.read'],
    grid_worker: ['party.read'],
    owners_committee_member: ['party.read'],
  },
  labels: {
    'party.read': { 'zh-CN': '查看党组织', 'en-US': 'Read party organisations' },
    'party.write': { 'zh-CN': '维护党组织', 'en-US': 'Keep party organisations' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof partyAbilities.abilities)[number], true> {}
}
