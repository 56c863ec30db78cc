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
  not_in_a_compound: { status: 'invalid_input', 'en-US': 'your home is not in a compound', 'zh-CN': '您家不在小区内，无需评价物业服务' },
});

/** What a 404 names (`AppError.notFound(propertyEvaluationNouns.round, id)`). */
export const propertyEvaluationNouns = {
  round: { 'zh-CN': '物业服务测评', 'en-US': 'evaluation round' },
} as const satisfies Record<string, Noun>;
