import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Meetings abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it. Residents need no ability: their
 * notices and check-in follow their household grant.
 */
export const meetingsAbilities = {
  abilities: ['meetings.read', 'meetings.write'],
  grants: {
    system_admin: ['meetings.read'],
    county_staff: ['meetings.read'],
    subdistrict_staff: ['meetings.read', 'meetings.write'],
    community_staff: ['meetings.read', 'meetings.write'],
    compound_staff: ['meetings.read', 'meetings.write'],
    grid_worker: ['meetings.read'],
    owners_committee_member: ['meetings.read', 'meetings.write'],
    property_staff: ['meetings.read'],
  },
  labels: {
    'meetings.read': { 'zh-CN': '查看议事会与会议', 'en-US': 'Read councils and meetings' },
    'meetings.write': { 'zh-CN': '组织议事会与会议', 'en-US': 'Run councils and meetings' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof meetingsAbilities.abilities)[number], true> {}
}
