import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Demand abilities. Staff of a unit take in, handle and dispatch in their subtree; the county
 * supervises; the system admin configures categories, deadlines and the calendar. Property staff
 * only handle what is dispatched to their compound. Residents hold no ability: they submit,
 * evaluate and reopen their own demands as the reporter (checked by the demands module).
 * The sibling modules (statistics, import, smart intake, Open311) check these abilities too.
 * This file is pure (no node imports): the web reads it too.
 */
export const demandAbilities = {
  abilities: ['demand.read', 'demand.intake', 'demand.handle', 'demand.dispatch', 'demand.supervise', 'demand.configure'],
  grants: {
    system_admin: ['demand.read', 'demand.configure'],
    county_staff: ['demand.read', 'demand.intake', 'demand.handle', 'demand.dispatch', 'demand.supervise'],
    subdistrict_staff: ['demand.read', 'demand.intake', 'demand.handle', 'demand.dispatch'],
    community_staff: ['demand.read', 'demand.intake', 'demand.handle', 'demand.dispatch'],
    compound_staff: ['demand.read', 'demand.intake', 'demand.handle'],
    grid_worker: ['demand.read', 'demand.intake', 'demand.handle'],
    property_staff: ['demand.handle'],
  },
  labels: {
    'demand.read': { 'zh-CN': '查看诉求', 'en-US': 'Read demands' },
    'demand.intake': { 'zh-CN': '登记诉求', 'en-US': 'Take in demands' },
    'demand.handle': { 'zh-CN': '办理诉求', 'en-US': 'Handle demands' },
    'demand.dispatch': { 'zh-CN': '派单', 'en-US': 'Dispatch demands' },
    'demand.supervise': { 'zh-CN': '督办诉求', 'en-US': 'Supervise demands' },
    'demand.configure': { 'zh-CN': '诉求设置', 'en-US': 'Configure demands' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof demandAbilities.abilities)[number], true> {}
}
