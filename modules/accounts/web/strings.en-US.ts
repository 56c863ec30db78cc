import { roleLabels } from '@linli/core/permissions';
import type { LocaleStrings } from '@linli/web-kit';
import { labelsIn } from '@linli/web-kit/i18n';
import type { accountsZh } from './strings.zh-CN.ts';

// English strings of the accounts pages: the keys of strings.zh-CN.ts (a missing one is a compile error).
export const accountsEn: LocaleStrings<typeof accountsZh> = {
  menu: {
    accounts: 'Accounts & roles',
  },
  roles: labelsIn(roleLabels, 'en'),
  accounts: {
    title: 'Accounts & roles',
    username: 'Username',
    displayName: 'Name',
    status: 'Status',
    lockedUntil: 'Locked until',
    lastLoginAt: 'Last sign-in',
    grants: 'Role grants',
    create: 'New account',
    initialPassword: 'Initial password',
    grant: 'Grant role',
    revoke: 'Revoke',
    revokeConfirm: 'Revoke this grant?',
    role: 'Role',
    node: 'Scope',
    unlock: 'Unlock',
    disable: 'Disable',
    enable: 'Enable',
    disableConfirm: 'Disable this account?',
    statuses: { active: 'Active', disabled: 'Disabled', locked: 'Locked' },
    query: 'Username / name',
    abilities: 'Abilities',
    resetPassword: 'Reset password',
    temporaryPassword: 'Temporary password',
    generate: 'Generate',
    resetHint: 'Set a temporary password and tell its owner; they must change it at their next login. Their open sessions end.',
    resetDone: 'Temporary password set for {{name}}',
    resetMustChange: 'Pass it on through a safe channel; it must be changed at the next login.',
    unlockConfirm: 'Unlock the account of {{name}}?',
    enableConfirm: 'Enable the account of {{name}} again?',
    disableHint: 'The account is signed out at once and cannot sign in.',
  },
};
