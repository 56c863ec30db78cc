import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * OwnersCommittees abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it.
 */
export const ownersCommitteesAbilities = {
  abilities: ['ownersCommittees.read', 'ownersCommittees.write'],
  grants: {
    system_admin: ['ownersCommittees.read', 'ownersCommittees.write'],
    county_staff: ['ownersCommittees.read'],
    subdistrict_staff: ['ownersCommittees.read', 'ownersCommittees.write'],
    community_staff: ['ownersCommittees.read', 'ownersCommittees.write'],
  },
  labels: {
    'ownersCommittees.read': { 'zh-CN': '查看owners-committees', 'en-US': 'Read owners-committees' },
    'ownersCommittees.write': { 'zh-CN': '维护owners-committees', 'en-US': 'Keep owners-committees' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof ownersCommitteesAbilities.abilities)[number], true> {}
}
