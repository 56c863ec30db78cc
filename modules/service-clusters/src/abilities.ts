import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Service-cluster abilities and who holds them by default. Pure (no node imports): the web reads it too.
 * A grant holds on the granted node and everything under it. Planning clusters is the county's and the
 * subdistricts' work; communities see the plans of their compounds.
 */
export const serviceClustersAbilities = {
  abilities: ['serviceClusters.read', 'serviceClusters.write'],
  grants: {
    system_admin: ['serviceClusters.read', 'serviceClusters.write'],
    county_staff: ['serviceClusters.read', 'serviceClusters.write'],
    subdistrict_staff: ['serviceClusters.read', 'serviceClusters.write'],
    community_staff: ['serviceClusters.read'],
  },
  labels: {
    'serviceClusters.read': { 'zh-CN': '查看物业组团方案', 'en-US': 'Read service-cluster plans' },
    'serviceClusters.write': { 'zh-CN': '编制和采纳物业组团方案', 'en-US': 'Plan and adopt service clusters' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof serviceClustersAbilities.abilities)[number], true> {}
}
