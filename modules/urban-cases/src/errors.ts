import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the urban-cases module, in both languages (pure: the web may read it). Listed in the manifest. */
export const urbanCasesErrors = defineErrors('urban_cases', {
  not_a_case_place: { status: 'invalid_input', 'en-US': '{place} is not a compound or building', 'zh-CN': '{place} 不是小区或楼栋' },
  not_a_compound: { status: 'invalid_input', 'en-US': '{place} is not a compound', 'zh-CN': '{place} 不是小区' },
  whole_number: { status: 'invalid_input', 'en-US': 'The quantity of {kind} is a whole number', 'zh-CN': '{kind}的数量须为整数' },
  case_status: {
    status: 'conflict',
    'en-US': 'The case is {status}: it cannot be {action}',
    'zh-CN': '案件当前为“{status}”，不能{action}',
  },
  stale: { status: 'conflict', 'en-US': 'Someone changed it meanwhile: reload and try again', 'zh-CN': '已被他人修改，请刷新后重试' },
  after_photo_needed: {
    status: 'invalid_input',
    'en-US': 'Add a photo after the work before closing the case',
    'zh-CN': '办结前请上传整治后的照片',
  },
  photo_type: {
    status: 'invalid_input',
    'en-US': 'Photos are JPEG, PNG or WebP images up to {mb} MB',
    'zh-CN': '照片须为 JPEG、PNG 或 WebP 图片，不超过 {mb} MB',
  },
  photos_full: { status: 'conflict', 'en-US': 'At most {max} photos', 'zh-CN': '最多 {max} 张照片' },
  resident_only: {
    status: 'forbidden',
    'en-US': 'Only residents registered in a household can report',
    'zh-CN': '登记了住户的居民才能上报',
  },
  not_own_compound: { status: 'forbidden', 'en-US': 'You can report only in your own compound', 'zh-CN': '只能上报本人所在小区的问题' },
  department_inactive: { status: 'invalid_input', 'en-US': '{name} is no longer active', 'zh-CN': '{name} 已停用' },
  funding_sum: {
    status: 'invalid_input',
    'en-US': 'The funding sources sum to {sum} yuan, the budget is {budget} yuan',
    'zh-CN': '资金来源合计 {sum} 元，与预算 {budget} 元不符',
  },
  renovation_status: {
    status: 'conflict',
    'en-US': 'The project is {status}: it cannot be {action}',
    'zh-CN': '项目当前为“{status}”，不能{action}',
  },
  acceptance_photo_needed: {
    status: 'invalid_input',
    'en-US': 'Add a photo of the acceptance first',
    'zh-CN': '请先上传验收照片',
  },
});

/** What a 404 names (`AppError.notFound(urbanCasesNouns.case, id)`). */
export const urbanCasesNouns = {
  case: { 'zh-CN': '城管进小区案件', 'en-US': 'urban-management case' },
  renovation: { 'zh-CN': '小区改造项目', 'en-US': 'renovation project' },
  photo: { 'zh-CN': '照片', 'en-US': 'photo' },
  department: { 'zh-CN': '部门', 'en-US': 'department' },
  topic: { 'zh-CN': '议题', 'en-US': 'topic' },
} as const satisfies Record<string, Noun>;
