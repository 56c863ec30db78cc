import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Deliberation abilities and who holds them by default. Staff read and keep the topic pool of
 * their subtree (screen, merge, escalate, transition); the county keeps its scope lists
 * (deliberation.scope). Residents hold no ability: they propose and support topics of their own
 * compound as residents of a household (checked by the commands). Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it.
 */
export const deliberationAbilities = {
  abilities: ['deliberation.read', 'deliberation.write', 'deliberation.scope'],
  grants: {
    system_admin: ['deliberation.read', 'deliberation.scope'],
    county_staff: ['deliberation.read', 'deliberation.write', 'deliberation.scope'],
    subdistrict_staff: ['deliberation.read', 'deliberation.write'],
    community_staff: ['deliberation.read', 'deliberation.write'],
    compound_staff: ['deliberation.read', 'deliberation.write'],
    grid_worker: ['deliberation.read', 'deliberation.write'],
  },
  labels: {
    'deliberation.read': { 'zh-CN': '查看议事协商', 'en-US': 'Read deliberation' },
    'deliberation.write': { 'zh-CN': '办理议题', 'en-US': 'Keep the topic pool' },
    'deliberation.scope': { 'zh-CN': '维护正负面清单', 'en-US': 'Keep the scope lists' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof deliberationAbilities.abilities)[number], true> {}
}
