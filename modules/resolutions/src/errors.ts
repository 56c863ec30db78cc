import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the resolutions module, in both languages (pure: the web may read it). Listed in the manifest. */
export const resolutionsErrors = defineErrors('resolutions', {
  place_kind: {
    status: 'invalid_input',
    'en-US': '{place} is not a compound, community or subdistrict',
    'zh-CN': '{place} 不是小区、社区或街道',
  },
  committee_place: { status: 'invalid_input', 'en-US': '{place} is not a compound', 'zh-CN': '{place} 不是小区' },
  committee_exists: {
    status: 'conflict',
    'en-US': '{place} already has a supervision committee',
    'zh-CN': '{place} 已有小区事务监督委员会',
  },
  not_under_way: {
    status: 'conflict',
    'en-US': 'The resolution is {status}, not under way',
    'zh-CN': '该决议已{status}，不在实施中',
  },
  owner_evaluates: {
    status: 'forbidden',
    'en-US': 'A member who owns a task of this resolution may not evaluate it',
    'zh-CN': '承担该决议任务的成员不能评价该决议',
  },
  not_a_resident: {
    status: 'forbidden',
    'en-US': 'Only a resident of a household here may follow, answer or object to resolutions',
    'zh-CN': '只有本辖区住户的居民可以关注决议、参与满意度调查或提出异议',
  },
  not_a_member: {
    status: 'forbidden',
    'en-US': 'Only a member of the resolution’s supervision committee may evaluate it',
    'zh-CN': '只有该决议所属监督委员会的成员可以评价',
  },
  no_committee: {
    status: 'conflict',
    'en-US': 'The resolution has no supervision committee',
    'zh-CN': '该决议没有对应的小区事务监督委员会',
  },
  already_evaluated: {
    status: 'conflict',
    'en-US': 'The resolution was already evaluated for {month}',
    'zh-CN': '该决议 {month} 已评价',
  },
  not_scheduled: {
    status: 'conflict',
    'en-US': 'No evaluation of the resolution is scheduled for {month}',
    'zh-CN': '该决议 {month} 没有评价安排',
  },
  objection_closed: {
    status: 'conflict',
    'en-US': 'The objection period of this notice ended on {until}',
    'zh-CN': '本期公示的异议期已于 {until} 结束',
  },
  already_published: {
    status: 'conflict',
    'en-US': '{place} has already published {month}',
    'zh-CN': '{place} {month} 已公示',
  },
  tasks_unfinished: {
    status: 'conflict',
    'en-US': 'Every task must reach 100 % before the resolution is completed',
    'zh-CN': '所有任务进度达到 100% 后才能办结决议',
  },
});

/** What a 404 names (`AppError.notFound(resolutionsNouns.resolution, id)`). */
export const resolutionsNouns = {
  resolution: { 'zh-CN': '决议', 'en-US': 'Resolution' },
  task: { 'zh-CN': '决议任务', 'en-US': 'Resolution task' },
  committee: { 'zh-CN': '小区事务监督委员会', 'en-US': 'Supervision committee' },
  member: { 'zh-CN': '监督委员会成员', 'en-US': 'Committee member' },
  publication: { 'zh-CN': '公示', 'en-US': 'Publication notice' },
  place: { 'zh-CN': '地点', 'en-US': 'Place' },
  photo: { 'zh-CN': '照片', 'en-US': 'Photo' },
  photoFile: { 'zh-CN': '照片文件', 'en-US': 'Photo file' },
} as const satisfies Record<string, Noun>;
