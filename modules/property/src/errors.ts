import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the property module, in both languages (pure: the web may read it). Listed in the manifest. */
export const propertyErrors = defineErrors('property', {
  not_a_community: { status: 'invalid_input', 'en-US': '{place} is not a community', 'zh-CN': '{place} 不是社区' },
  not_a_compound: { status: 'invalid_input', 'en-US': '{place} is not a compound', 'zh-CN': '{place} 不是小区' },
  credit_code_invalid: {
    status: 'invalid_input',
    'en-US': '{code} is not a valid unified social credit code',
    'zh-CN': '{code} 不是有效的统一社会信用代码',
  },
  credit_code_taken: {
    status: 'conflict',
    'en-US': 'Another company is registered with the credit code {code}',
    'zh-CN': '已有其他企业登记了统一社会信用代码 {code}',
  },
  contract_of_other_compound: {
    status: 'invalid_input',
    'en-US': 'The contract is not one of this compound',
    'zh-CN': '该合同不属于本小区',
  },
  criteria_county_only: {
    status: 'forbidden',
    'en-US': 'Only county staff may set the county’s management criteria',
    'zh-CN': '只有县级工作人员可以设置全县的物业管理评价标准',
  },
  instructor_place: {
    status: 'invalid_input',
    'en-US': 'An instructor is appointed to a compound or a community',
    'zh-CN': '党建指导员须选派到小区或社区',
  },
  instructor_ended: { status: 'conflict', 'en-US': 'The instructor has already left', 'zh-CN': '该党建指导员已离任' },
  reception_no_company: {
    status: 'invalid_input',
    'en-US': 'No property company serves {compound}: register its contract first',
    'zh-CN': '{compound} 没有物业企业，请先登记物业服务合同',
  },
  reception_cancelled: {
    status: 'conflict',
    'en-US': 'The reception day was cancelled',
    'zh-CN': '该接待日已取消',
  },
  reception_ended: {
    status: 'conflict',
    'en-US': 'The reception day has already been closed',
    'zh-CN': '该接待日已结束登记',
  },
  question_has_demand: {
    status: 'conflict',
    'en-US': 'The question is already demand {number}',
    'zh-CN': '该问题已转为诉求 {number}',
  },
  household_not_in_compound: {
    status: 'invalid_input',
    'en-US': 'The household is not in the compound of the reception day',
    'zh-CN': '该房屋不在接待日所在小区',
  },
  compound_in_two_clusters: {
    status: 'invalid_input',
    'en-US': 'The compound {compound} is in more than one cluster',
    'zh-CN': '小区 {compound} 同时出现在多个组团中',
  },
});

/** What a 404 names (`AppError.notFound(propertyNouns.company, id)`). */
export const propertyNouns = {
  company: { 'zh-CN': '物业服务企业', 'en-US': 'property company' },
  contract: { 'zh-CN': '物业服务合同', 'en-US': 'property contract' },
  profile: { 'zh-CN': '小区物业档案', 'en-US': 'compound property profile' },
  crossPosting: { 'zh-CN': '交叉任职记录', 'en-US': 'cross-posting' },
  receptionDay: { 'zh-CN': '物业经理接待日', 'en-US': 'reception day' },
  instructor: { 'zh-CN': '党建指导员', 'en-US': 'party-building instructor' },
  receptionQuestion: { 'zh-CN': '接待日问题', 'en-US': 'reception question' },
} as const satisfies Record<string, Noun>;
