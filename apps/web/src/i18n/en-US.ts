import type { LocaleStrings } from '@linli/web-kit';
import type { shellZh } from './zh-CN.ts';

// English strings of the shell; same keys as zh-CN.ts (the type makes a missing key a compile error).
export const shellEn: LocaleStrings<typeof shellZh> = {
  app: { name: 'Linli', fullName: 'Linli · Party-led community co-governance', language: 'Language', loading: 'Loading…' },
  menu: {
    home: 'Home',
  },
  auth: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    login: 'Sign in',
    logout: 'Sign out',
    failed: 'Wrong username or password, or the account is temporarily locked',
    tooMany: 'Too many sign-in attempts. Try again in {{minutes}} min ({{time}})',
    tooManyNoTime: 'Too many sign-in attempts. Try again later',
    expiredTitle: 'Password expired',
    expiredHint: 'Your password has expired. Set a new password to continue.',
    changePassword: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    passwordMismatch: 'The passwords do not match',
    passwordChanged: 'Password changed',
    scope: 'Scope',
    roles: 'Roles',
  },
  home: {
    welcome: 'Hello, {{name}}',
    intro: 'Open your work from the menu on the left.',
    grants: 'Your roles and scope',
  },
  mobile: {
    home: 'Home',
    profile: 'Me',
    myHousehold: 'My address',
    myCommunity: 'Community',
    noHousehold: 'No address linked yet; please contact your community worker.',
    account: 'Account',
    tenant: 'County',
    welcome: 'Welcome to Linli',
    participate: 'Take part',
    adminEntry: 'Open the admin app',
  },
  errors: {
    network: 'Network error, please try again',
    forbidden: 'Forbidden',
    notFound: 'Not found',
    pageNotFound: 'Page not found',
  },
};
