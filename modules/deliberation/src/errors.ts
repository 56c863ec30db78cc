import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the deliberation module, in both languages (pure: the web may read it). Listed in the manifest. */
export const deliberationErrors = defineErrors('deliberation', {
  not_a_community: { status: 'invalid_input', 'en-US': '{place} is not a community', 'zh-CN': '{place} 不是社区' },
  not_a_topic_place: {
    status: 'invalid_input',
    'en-US': '{place} is not a compound, community or subdistrict',
    'zh-CN': '{place} 不是小区、社区或街道',
  },
  topic_changed_meanwhile: {
    status: 'conflict',
    'en-US': 'The topic was changed meanwhile (version {version}, you saw {seen})',
    'zh-CN': '该议题已被他人修改，请刷新后重试',
  },
  topic_not_in_state: {
    status: 'conflict',
    'en-US': 'Cannot {action} a topic that is {status}',
    'zh-CN': '状态为「{status}」的议题不能{action}',
  },
  topic_action_refused: { status: 'conflict', 'en-US': 'Cannot {action}: {reason}', 'zh-CN': '不能{action}：{reason}' },
  topic_action_forbidden: { status: 'forbidden', 'en-US': 'You may not {action} this topic', 'zh-CN': '您不能对该议题执行「{action}」' },
  unknown_kind: { status: 'invalid_input', 'en-US': 'The scope lists have no kind {code}', 'zh-CN': '正负面清单中没有事项「{code}」' },
  kind_on_other_list: {
    status: 'invalid_input',
    'en-US': '{kind} is on the {list} list here',
    'zh-CN': '「{kind}」在此处属于{list}',
  },
  redirect_needs_category: {
    status: 'invalid_input',
    'en-US': 'A topic redirected to the demand loop needs the demand category (demandCategoryId)',
    'zh-CN': '转为诉求办理的议题须选择诉求类别',
  },
  reason_required: { status: 'invalid_input', 'en-US': 'An excluded topic needs the reason', 'zh-CN': '不予受理的议题须写明理由' },
  resident_only: {
    status: 'forbidden',
    'en-US': 'Only a resident registered in a household may do this',
    'zh-CN': '仅登记在户的居民可以操作',
  },
  not_own_compound: {
    status: 'forbidden',
    'en-US': 'Residents propose and support topics of their own compound',
    'zh-CN': '居民只能提出和支持本小区的议题',
  },
  already_supported: { status: 'conflict', 'en-US': 'Your household already supports this topic', 'zh-CN': '您家已支持过该议题' },
  not_supportable: {
    status: 'conflict',
    'en-US': 'A topic that is {status} takes no more support',
    'zh-CN': '状态为「{status}」的议题不再接受支持',
  },
  merge_into_self: { status: 'invalid_input', 'en-US': 'A topic cannot be merged into itself', 'zh-CN': '议题不能合并到自身' },
  merge_target_closed: {
    status: 'conflict',
    'en-US': 'The topic to keep is {status}; merge into an open topic',
    'zh-CN': '保留的议题状态为「{status}」，请合并到未结束的议题',
  },
  demand_linked: {
    status: 'conflict',
    'en-US': 'Demand {number} is already a topic ({topic})',
    'zh-CN': '诉求 {number} 已转为议题 {topic}',
  },
  scope_kind_changed: {
    status: 'conflict',
    'en-US': 'The kind was changed meanwhile (version {version})',
    'zh-CN': '该清单事项已被他人修改，请刷新后重试',
  },
});

/** What a 404 names (`AppError.notFound(deliberationNouns.item, id)`). */
export const deliberationNouns = {
  item: { 'zh-CN': 'deliberation记录', 'en-US': 'deliberation item' },
  topic: { 'zh-CN': '议题', 'en-US': 'topic' },
  demand: { 'zh-CN': '诉求', 'en-US': 'demand' },
  kind: { 'zh-CN': '清单事项', 'en-US': 'scope kind' },
} as const satisfies Record<string, Noun>;
