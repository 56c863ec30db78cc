import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of smart intake and monthly themes, in both languages (pure: the web may read it). Listed in the manifest. */
export const demandSmartErrors = defineErrors('demand_smart', {
  theme_closed: { status: 'conflict', 'en-US': 'The theme is already closed', 'zh-CN': '该每月一题已结束' },
  theme_changed: {
    status: 'conflict',
    'en-US': 'The theme was changed meanwhile (version {version}, you saw {seen})',
    'zh-CN': '该每月一题已被他人修改（当前版本 {version}，您看到的是 {seen}），请刷新后重试',
  },
  theme_changed_first: {
    status: 'conflict',
    'en-US': 'Someone else changed the theme first; reload it',
    'zh-CN': '该每月一题已被他人先行修改，请刷新',
  },
  theme_taken: {
    status: 'conflict',
    'en-US': 'This place already has a theme of this category for the month',
    'zh-CN': '该地点本月已有此类别的每月一题',
  },
  intake_required: { status: 'forbidden', 'en-US': 'Permission demand.intake is required', 'zh-CN': '需要 demand.intake 权限' },
  read_required: { status: 'forbidden', 'en-US': 'Permission demand.read is required', 'zh-CN': '需要 demand.read 权限' },
});

/** What a 404 names. */
export const demandSmartNouns = {
  place: { 'zh-CN': '地点', 'en-US': 'Place' },
  demand: { 'zh-CN': '诉求', 'en-US': 'Demand' },
  theme: { 'zh-CN': '每月一题', 'en-US': 'Theme' },
} as const satisfies Record<string, Noun>;
