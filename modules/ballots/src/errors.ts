import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the ballots module, in both languages (pure: the web may read it). Listed in the manifest. */
export const ballotsErrors = defineErrors('ballots', {
  not_draft: { status: 'conflict', 'en-US': 'The ballot is already open', 'zh-CN': '表决已开始，不能再修改或重新开始' },
  not_open: { status: 'conflict', 'en-US': 'The ballot is not open', 'zh-CN': '表决未在进行中' },
  not_online: {
    status: 'conflict',
    'en-US': 'This ballot is counted on paper, not voted online',
    'zh-CN': '本次表决为现场计票，不能在线投票',
  },
  not_tally: {
    status: 'conflict',
    'en-US': 'This ballot is voted online; counts are not typed in',
    'zh-CN': '本次表决为在线投票，无需录入计票',
  },
  empty_roll: {
    status: 'unprocessable',
    'en-US': 'Nobody is on the voter list of {place}',
    'zh-CN': '{place} 没有可列入表决名单的{unit}',
  },
  area_missing: {
    status: 'unprocessable',
    'en-US': '{count} households of {place} have no floor area; a ballot weighted by floor area needs it for every household',
    'zh-CN': '{place} 有 {count} 户未登记建筑面积，按面积表决需要每户的面积',
  },
  area_needs_households: {
    status: 'invalid_input',
    'en-US': 'A ballot weighted by floor area counts one vote per household',
    'zh-CN': '按面积表决须以户为单位',
  },
  not_on_roll: { status: 'forbidden', 'en-US': 'You are not on the voter list of this ballot', 'zh-CN': '您不在本次表决的名单中' },
  already_voted: {
    status: 'conflict',
    'en-US': 'This vote has already been cast; a change needs the receipt of the first vote',
    'zh-CN': '已投过票；改票需要使用首次投票的凭据',
  },
  voted_already: {
    status: 'conflict',
    'en-US': 'This voter has already voted (on the phone or on paper)',
    'zh-CN': '该表决人已投票（手机或纸质表决票），不能重复投票',
  },
  change_not_allowed: { status: 'conflict', 'en-US': 'This ballot does not allow changing a vote', 'zh-CN': '本次表决不允许改票' },
  changed_once: { status: 'conflict', 'en-US': 'A vote may be changed once only', 'zh-CN': '每票只能改一次' },
  receipt_taken: {
    status: 'conflict',
    'en-US': 'This receipt is already used; the phone makes a new one',
    'zh-CN': '该凭据已被使用，请重新生成',
  },
  proxy_given: {
    status: 'conflict',
    'en-US': 'This voter gave a proxy; the proxy holder votes for them',
    'zh-CN': '该表决人已委托他人，由受托人代为投票',
  },
  not_proxy_holder: { status: 'forbidden', 'en-US': 'You hold no proxy of this voter', 'zh-CN': '您未受该表决人委托' },
  proxy_cap: {
    status: 'conflict',
    'en-US': 'This holder already holds {max} proxies, the most this ballot allows',
    'zh-CN': '受托人已持有 {max} 份委托，达到本次表决的上限',
  },
  proxy_chain: { status: 'conflict', 'en-US': 'A proxy holder cannot give a proxy, nor a grantor hold one', 'zh-CN': '委托不能转委托' },
  proxy_after_vote: { status: 'conflict', 'en-US': 'This voter has already voted', 'zh-CN': '该表决人已投票，不能再委托' },
  too_many_choices: { status: 'invalid_input', 'en-US': 'At most {max} options may be chosen', 'zh-CN': '最多可选 {max} 项' },
  unknown_option: { status: 'invalid_input', 'en-US': 'Option {option} is not on this ballot', 'zh-CN': '选项 {option} 不在本次表决中' },
  tally_inconsistent: { status: 'unprocessable', 'en-US': 'The counts do not add up', 'zh-CN': '计票数据不一致' },
  correction_needs_reason: {
    status: 'invalid_input',
    'en-US': 'A corrected count needs its reason',
    'zh-CN': '更正计票须填写原因',
  },
});

/** What a 404 names (`AppError.notFound(ballotsNouns.ballot, id)`). */
export const ballotsNouns = {
  ballot: { 'zh-CN': '表决', 'en-US': 'ballot' },
  voter: { 'zh-CN': '表决人', 'en-US': 'voter' },
} as const satisfies Record<string, Noun>;
