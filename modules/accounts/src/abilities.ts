import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Account abilities. Separation of duties (等保 三级): the security admin alone manages accounts and
 * grants; the audit admin reads them to follow the audit trail.
 * This file is pure (no node imports): the web reads it too.
 */
export const accountAbilities = {
  abilities: ['account.read', 'account.manage'],
  grants: {
    security_admin: ['account.read', 'account.manage'],
    audit_admin: ['account.read'],
  },
  labels: {
    'account.read': { 'zh-CN': '查看账号', 'en-US': 'Read accounts' },
    'account.manage': { 'zh-CN': '管理账号和授权', 'en-US': 'Manage accounts and grants' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof accountAbilities.abilities)[number], true> {}
}
