import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Resolutions abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it.
 */
export const resolutionsAbilities = {
  abilities: ['resolutions.read', 'resolutions.write'],
  grants: {
    system_admin: ['resolutions.read', 'resolutions.write'],
    county_staff: ['resolutions.read'],
    subdistrict_staff: ['resolutions.read', 'resolutions.write'],
    community_staff: ['resolutions.read', 'resolutions.write'],
  },
  labels: {
    'resolutions.read': { 'zh-CN': '查看resolutions', 'en-US': 'Read resolutions' },
    'resolutions.write': { 'zh-CN': '维护resolutions', 'en-US': 'Keep resolutions' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof resolutionsAbilities.abilities)[number], true> {}
}
