import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Resolutions abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it. Residents follow the resolutions of
 * the places above their household, answer surveys and object to a notice (`resolutions.follow`);
 * a committee member with an account evaluates (`resolutions.evaluate`, checked against membership).
 */
export const resolutionsAbilities = {
  abilities: ['resolutions.read', 'resolutions.write', 'resolutions.evaluate', 'resolutions.follow'],
  grants: {
    system_admin: ['resolutions.read'],
    county_staff: ['resolutions.read'],
    subdistrict_staff: ['resolutions.read', 'resolutions.write', 'resolutions.evaluate'],
    community_staff: ['resolutions.read', 'resolutions.write', 'resolutions.evaluate'],
    compound_staff: ['resolutions.read', 'resolutions.write', 'resolutions.evaluate'],
    grid_worker: ['resolutions.read'],
    owners_committee_member: ['resolutions.read'],
    resident: ['resolutions.follow', 'resolutions.evaluate'],
  },
  labels: {
    'resolutions.read': { 'zh-CN': '查看决议与监督评价', 'en-US': 'Read resolutions and their supervision' },
    'resolutions.write': { 'zh-CN': '维护决议、监督委员会与公示', 'en-US': 'Keep resolutions, committees and notices' },
    'resolutions.evaluate': { 'zh-CN': '监督评价决议', 'en-US': 'Evaluate resolutions' },
    'resolutions.follow': { 'zh-CN': '关注本小区决议、提出异议', 'en-US': 'Follow resolutions and object' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof resolutionsAbilities.abilities)[number], true> {}
}
