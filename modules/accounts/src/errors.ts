import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the accounts module, in both languages (pure: the web may read it). Listed in the manifest. */
export const accountErrors = defineErrors('account', {
  login_refused: {
    status: 'unauthenticated',
    'en-US': 'Invalid user name or password, or the account is temporarily locked',
    'zh-CN': '用户名或密码错误，或账号已被暂时锁定',
  },
  disabled: { status: 'forbidden', 'en-US': 'This account is disabled', 'zh-CN': '该账号已停用' },
  csrf: {
    status: 'forbidden',
    'en-US': 'Missing or wrong CSRF token (x-csrf-token header)',
    'zh-CN': '安全令牌缺失或错误，请刷新页面后重试',
  },
  password_expired: {
    status: 'password_expired',
    'en-US': 'Your password has expired; please change it',
    'zh-CN': '密码已过期，请修改密码',
  },
  username_taken: { status: 'conflict', 'en-US': 'The user name {username} is taken', 'zh-CN': '用户名 {username} 已被占用' },
  own_roles: { status: 'forbidden', 'en-US': 'You cannot change your own roles', 'zh-CN': '不能修改自己的角色' },
  own_account: { status: 'forbidden', 'en-US': 'You cannot disable your own account', 'zh-CN': '不能停用自己的账号' },
  rate_limited: {
    status: 'rate_limited',
    'en-US': 'Too many requests; retry in {seconds} s',
    'zh-CN': '请求过于频繁，请 {seconds} 秒后重试',
  },
});

/** What a 404 names. */
export const accountNouns = {
  account: { 'zh-CN': '账号', 'en-US': 'account' },
  grant: { 'zh-CN': '角色授权', 'en-US': 'role grant' },
  node: { 'zh-CN': '区划节点', 'en-US': 'territory node' },
} as const satisfies Record<string, Noun>;
