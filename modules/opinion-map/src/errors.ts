import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the opinion map, in both languages (pure: the web may read it). Listed in the manifest. */
export const opinionMapErrors = defineErrors('opinion_map', {
  wrong_place_kind: {
    status: 'invalid_input',
    'en-US': '{place} is not a subdistrict, community or compound',
    'zh-CN': '{place} 不是街道、社区或小区',
  },
  reason_required: {
    status: 'invalid_input',
    'en-US': 'A rejection needs its reason',
    'zh-CN': '驳回时须选择原因',
  },
  conversation_closed: {
    status: 'conflict',
    'en-US': 'The conversation is closed: it takes no more votes or statements',
    'zh-CN': '该观点征集已结束，不能再投票或提交观点',
  },
  already_closed: { status: 'conflict', 'en-US': 'The conversation is already closed', 'zh-CN': '该观点征集已经结束' },
  already_moderated: {
    status: 'conflict',
    'en-US': 'The statement was already {status}; reload it',
    'zh-CN': '该观点已被审核（{status}），请刷新',
  },
  statement_not_open: {
    status: 'conflict',
    'en-US': 'Only approved statements can be voted on',
    'zh-CN': '该观点尚未通过审核，不能投票',
  },
  not_a_resident: {
    status: 'forbidden',
    'en-US': 'Only residents living in the conversation’s place take part',
    'zh-CN': '只有居住在该区域的居民可以参与',
  },
  duplicate_statement: {
    status: 'conflict',
    'en-US': 'The same statement is already in this conversation',
    'zh-CN': '该观点已存在，请直接投票',
  },
});

/** What a 404 names. */
export const opinionMapNouns = {
  conversation: { 'zh-CN': '观点征集', 'en-US': 'Conversation' },
  statement: { 'zh-CN': '观点', 'en-US': 'Statement' },
} as const satisfies Record<string, Noun>;

/** Status words as params of the texts above. */
export const statusNoun = (status: string): Noun => ({
  'zh-CN': ({ pending: '待审核', approved: '已通过', rejected: '已驳回' } as Record<string, string>)[status] ?? status,
  'en-US': status,
});
