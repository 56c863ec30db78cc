import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Grid abilities: government staff read grids and teams; the system admin and the subdistrict and
 * community staff keep them. This file is pure (no node imports): the web reads it too.
 */
export const gridAbilities = {
  abilities: ['grid.read', 'grid.write'],
  grants: {
    system_admin: ['grid.read', 'grid.write'],
    county_staff: ['grid.read'],
    subdistrict_staff: ['grid.read', 'grid.write'],
    community_staff: ['grid.read', 'grid.write'],
    compound_staff: ['grid.read'],
    grid_worker: ['grid.read'],
  },
  labels: {
    'grid.read': { 'zh-CN': '查看网格', 'en-US': 'Read grids' },
    'grid.write': { 'zh-CN': '维护网格', 'en-US': 'Keep grids' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof gridAbilities.abilities)[number], true> {}
}
