import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Resolutions abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it. Residents hold no ability: they follow
 * the resolutions of the places above their household, answer surveys, object to a notice and, when
 * they sit on its committee, evaluate through their resident grant (callers.ts).
 */
export const resolutionsAbilities = {
  abilities: ['resolutions.read', 'resolutions.write', 'resolutions.evaluate'],
  grants: {
    system_admin: ['resolutions.read'],
    county_staff: ['resolutions.read'],
    subdistrict_staff: ['resolutions.read', 'resolutions.write', 'resolutions.evaluate'],
    community_staff: ['resolutions.read', 'resolutions.write', 'resolutions.evaluate'],
    compound_staff: ['resolutions.read', 'resolutions.write', 'resolutions.evaluate'],
    grid_worker: ['resolutions.read'],
    owners_committee_member: ['resolutions.read'],
  },
  labels: {
    'resolutions.read': { 'zh-CN': '查看决议与监督评价', 'en-US': 'Read resolutions and their supervision' },
    'resolutions.write': { 'zh-CN': '维护决议、监督委员会与公示', 'en-US': 'Keep resolutions, committees and notices' },
    'resolutions.evaluate': { 'zh-CN': '监督评价决议', 'en-US': 'Evaluate resolutions' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof resolutionsAbilities.abilities)[number], true> {}
}
