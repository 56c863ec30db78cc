import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Owners'-committee abilities and who holds them by default. Street and community staff keep the
 * committees, run the re-elections and record training; the county reads (compliance per street).
 * Pure (no node imports): the web reads it too. A grant holds on the granted node and everything under it.
 */
export const ownersCommitteesAbilities = {
  abilities: ['ownersCommittees.read', 'ownersCommittees.write'],
  grants: {
    system_admin: ['ownersCommittees.read', 'ownersCommittees.write'],
    county_staff: ['ownersCommittees.read'],
    subdistrict_staff: ['ownersCommittees.read', 'ownersCommittees.write'],
    community_staff: ['ownersCommittees.read', 'ownersCommittees.write'],
    compound_staff: ['ownersCommittees.read'],
  },
  labels: {
    'ownersCommittees.read': { 'zh-CN': '查看业委会', 'en-US': "Read owners' committees" },
    'ownersCommittees.write': { 'zh-CN': '维护业委会', 'en-US': "Keep owners' committees" },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof ownersCommitteesAbilities.abilities)[number], true> {}
}
