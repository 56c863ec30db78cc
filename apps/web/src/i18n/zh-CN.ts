// Chinese strings of the shell (sign-in, layout, home, resident frame), zh-CN being the default;
// en-US.ts has the same keys. Each module's strings are in modules/<name>/web/strings.*.ts.

export const shellZh = {
  app: { name: '邻里', fullName: '邻里 · 党建引领社区共治平台', language: '语言', loading: '加载中…' },
  menu: {
    home: '首页',
  },
  auth: {
    title: '登录',
    username: '用户名',
    password: '密码',
    login: '登录',
    logout: '退出登录',
    failed: '用户名或密码错误，或账号已被暂时锁定',
    tooMany: '登录尝试过于频繁，请在 {{minutes}} 分钟后重试（{{time}}）',
    tooManyNoTime: '登录尝试过于频繁，请稍后重试',
    expiredTitle: '密码已过期',
    expiredHint: '您的密码已过期，请设置新密码后继续使用。',
    changePassword: '修改密码',
    currentPassword: '当前密码',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
    passwordMismatch: '两次输入的密码不一致',
    passwordChanged: '密码已修改',
    scope: '工作范围',
    roles: '角色',
  },
  home: {
    welcome: '您好，{{name}}',
    intro: '从左侧菜单进入您负责的工作。',
    grants: '您的角色与工作范围',
  },
  mobile: {
    home: '首页',
    profile: '我的',
    myHousehold: '我的住址',
    myCommunity: '所在社区',
    noHousehold: '暂未关联住址，请联系社区工作人员。',
    account: '账号',
    tenant: '所属县（市、区）',
    welcome: '欢迎使用邻里',
    participate: '参与议事',
    adminEntry: '进入管理端',
  },
  errors: {
    network: '网络错误，请稍后重试',
    forbidden: '没有权限',
    notFound: '未找到',
    pageNotFound: '页面不存在',
  },
};
