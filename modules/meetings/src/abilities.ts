import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Meetings abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it.
 */
export const meetingsAbilities = {
  abilities: ['meetings.read', 'meetings.write'],
  grants: {
    system_admin: ['meetings.read', 'meetings.write'],
    county_staff: ['meetings.read'],
    subdistrict_staff: ['meetings.read', 'meetings.write'],
    community_staff: ['meetings.read', 'meetings.write'],
  },
  labels: {
    'meetings.read': { 'zh-CN': '查看meetings', 'en-US': 'Read meetings' },
    'meetings.write': { 'zh-CN': '维护meetings', 'en-US': 'Keep meetings' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof meetingsAbilities.abilities)[number], true> {}
}
