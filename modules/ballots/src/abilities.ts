import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Ballot abilities. Staff who run a vote (community and subdistrict workers, compound staff, the
 * owners' committee for owners' decisions) create, open and close ballots, register proxies and type
 * in paper counts in their subtree; the county reads. Residents hold no ability: they vote where the
 * frozen roll lists their household or themselves (checked by the ballots module).
 * Pure (no node imports): the web reads it too.
 */
export const ballotsAbilities = {
  abilities: ['ballots.read', 'ballots.write'],
  grants: {
    system_admin: ['ballots.read'],
    county_staff: ['ballots.read'],
    subdistrict_staff: ['ballots.read', 'ballots.write'],
    community_staff: ['ballots.read', 'ballots.write'],
    compound_staff: ['ballots.read', 'ballots.write'],
    owners_committee_member: ['ballots.read', 'ballots.write'],
  },
  labels: {
    'ballots.read': { 'zh-CN': '查看表决', 'en-US': 'Read ballots' },
    'ballots.write': { 'zh-CN': '组织表决', 'en-US': 'Run ballots' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof ballotsAbilities.abilities)[number], true> {}
}
