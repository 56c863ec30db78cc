import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of property-service evaluation, in both languages (pure: the web may read it). Listed in the manifest. */
export const propertyEvaluationErrors = defineErrors('property_evaluation', {
  not_a_place_for_rounds: {
    status: 'invalid_input',
    'en-US': '{place} is not a county, street or community: a round covers one of them',
    'zh-CN': '{place} 不是县（市、区）、街道或社区，测评只能按这些范围开展',
  },
  period_taken: { status: 'conflict', 'en-US': '{place} has a round for {period} already', 'zh-CN': '{place} 已有 {period} 的测评' },
  dates_out_of_order: { status: 'invalid_input', 'en-US': 'the round closes before it opens', 'zh-CN': '截止日期早于开始日期' },
  round_closed: { status: 'conflict', 'en-US': 'the round of {period} is closed', 'zh-CN': '{period} 的测评已结束' },
  round_not_open_today: {
    status: 'conflict',
    'en-US': 'the round of {period} takes ratings from {opensOn} to {closesOn}',
    'zh-CN': '{period} 的测评时间为 {opensOn} 至 {closesOn}',
  },
  already_rated: { status: 'conflict', 'en-US': 'your household has rated in this round already', 'zh-CN': '您家本期已经评价过了' },
  resident_only: { status: 'forbidden', 'en-US': 'only residents rate their property service', 'zh-CN': '只有居民可以评价本小区物业服务' },
  staff_cannot_rate: {
    status: 'forbidden',
    'en-US': 'you work for the property company serving {compound}: you cannot rate its service',
    'zh-CN': '您是为 {compound} 提供服务的物业企业人员，不能评价本小区的物业服务',
  },
  handler_cannot_rate: {
    status: 'forbidden',
    'en-US': 'you handled demands of {compound} in {period}: you cannot rate its property service',
    'zh-CN': '您在 {period} 办理过 {compound} 的诉求，不能评价本小区的物业服务',
  },
  county_only: {
    status: 'forbidden',
    'en-US': 'only county staff may set the county’s {what}',
    'zh-CN': '只有县级工作人员可以设置全县的{what}',
  },
  not_a_compound: { status: 'invalid_input', 'en-US': '{place} is not a compound', 'zh-CN': '{place} 不是小区' },
  no_checklist: {
    status: 'conflict',
    'en-US': 'the county has no inspection checklist yet: set its items first',
    'zh-CN': '尚未设置物业服务检查项目，请先设置检查清单',
  },
  inspected_in_future: {
    status: 'invalid_input',
    'en-US': 'the inspection day {day} is in the future',
    'zh-CN': '检查日期 {day} 晚于今天',
  },
  photo_type: {
    status: 'invalid_input',
    'en-US': 'a photo must be a JPEG, PNG or WebP image of at most {mb} MB',
    'zh-CN': '照片须为 JPEG、PNG 或 WebP 图片，且不超过 {mb} MB',
  },
  photos_full: { status: 'conflict', 'en-US': 'an inspection keeps at most {max} photos', 'zh-CN': '每次检查最多上传 {max} 张照片' },
  not_in_a_compound: { status: 'invalid_input', 'en-US': 'your home is not in a compound', 'zh-CN': '您家不在小区内，无需评价物业服务' },
});

/** What a 404 names (`AppError.notFound(propertyEvaluationNouns.round, id)`). */
export const propertyEvaluationNouns = {
  round: { 'zh-CN': '物业服务测评', 'en-US': 'evaluation round' },
  inspection: { 'zh-CN': '物业服务检查', 'en-US': 'property-service inspection' },
  photo: { 'zh-CN': '检查照片', 'en-US': 'inspection photo' },
} as const satisfies Record<string, Noun>;
