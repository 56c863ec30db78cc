import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Opinion-map abilities. Staff read conversations and maps; community and subdistrict staff open and
 * close conversations and moderate statements. Residents hold no ability: they take part, like they
 * report demands, through their resident grant, in the conversations of the places above their
 * household (participation.ts). Pure (no node imports): the web reads it too.
 */
export const opinionMapAbilities = {
  abilities: ['opinionMap.read', 'opinionMap.write'],
  grants: {
    system_admin: ['opinionMap.read'],
    county_staff: ['opinionMap.read'],
    subdistrict_staff: ['opinionMap.read', 'opinionMap.write'],
    community_staff: ['opinionMap.read', 'opinionMap.write'],
    compound_staff: ['opinionMap.read'],
    grid_worker: ['opinionMap.read'],
  },
  labels: {
    'opinionMap.read': { 'zh-CN': '查看观点地图', 'en-US': 'Read opinion maps' },
    'opinionMap.write': { 'zh-CN': '发起观点征集并审核观点', 'en-US': 'Open conversations and moderate statements' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof opinionMapAbilities.abilities)[number], true> {}
}
