import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * The audit trail is read by the audit admin alone (separation of duties, 等保 三级).
 * This file is pure (no node imports): the web reads it too.
 */
export const auditAbilities = {
  abilities: ['audit.read'],
  grants: { audit_admin: ['audit.read'] },
  labels: { 'audit.read': { 'zh-CN': '查看审计日志', 'en-US': 'Read the audit trail' } },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof auditAbilities.abilities)[number], true> {}
}
