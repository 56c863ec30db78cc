import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the owners-committees module, in both languages (pure: the web may read it). Listed in the manifest. */
export const ownersCommitteesErrors = defineErrors('owners_committees', {
  not_a_compound: { status: 'invalid_input', 'en-US': '{place} is not a compound', 'zh-CN': '{place} 不是小区' },
  committee_exists: {
    status: 'conflict',
    'en-US': '{place} already has an active committee ({name}); end it first',
    'zh-CN': '{place} 已有在任的委员会（{name}），请先办理到期或解散',
  },
  committee_not_active: { status: 'conflict', 'en-US': 'The committee is no longer active', 'zh-CN': '该委员会已不在任' },
  not_in_compound: {
    status: 'invalid_input',
    'en-US': 'The resident does not live in a household of {place}',
    'zh-CN': '该居民不住在 {place} 的房屋中',
  },
  already_member: { status: 'conflict', 'en-US': 'The resident is already a member of this committee', 'zh-CN': '该居民已是本委员会成员' },
  chair_taken: { status: 'conflict', 'en-US': 'The committee already has a chair', 'zh-CN': '本委员会已有主任' },
  member_ended: { status: 'conflict', 'en-US': 'The member has already left the committee', 'zh-CN': '该成员已离任' },
  election_running: {
    status: 'conflict',
    'en-US': 'An election of {place} is already under way',
    'zh-CN': '{place} 已有正在进行的换届选举',
  },
  election_state: {
    status: 'conflict',
    'en-US': 'The election is {status}: this step is not possible now',
    'zh-CN': '选举当前状态为 {status}，不能进行此操作',
  },
  already_candidate: { status: 'conflict', 'en-US': 'The resident is already a candidate', 'zh-CN': '该居民已是候选人' },
  not_vetted: {
    status: 'conflict',
    'en-US': '{count} candidate(s) have not passed the eligibility review',
    'zh-CN': '尚有 {count} 名候选人未通过资格审查',
  },
  too_few_candidates: {
    status: 'conflict',
    'en-US': 'The election needs at least {seats} vetted candidates',
    'zh-CN': '候选人不足：至少需要 {seats} 名通过资格审查的候选人',
  },
  ballot_still_open: {
    status: 'conflict',
    'en-US': 'Close the ballot first (the votes are still being counted)',
    'zh-CN': '表决尚未结束，请先结束表决',
  },
  meeting_state: {
    status: 'conflict',
    'en-US': 'The meeting is {status}: this step is not possible now',
    'zh-CN': '业主大会当前状态为 {status}，不能进行此操作',
  },
  notice_too_short: {
    status: 'invalid_input',
    'en-US': 'The vote starts {days} day(s) after the notice; the notice must go up at least {min} days before',
    'zh-CN': '公告日至表决开始仅 {days} 天，业主大会应于会议召开 {min} 日前公告',
  },
  voting_not_started: { status: 'conflict', 'en-US': 'The vote starts on {date}', 'zh-CN': '表决自 {date} 开始，尚未到表决时间' },
  first_meeting_held: {
    status: 'conflict',
    'en-US': "{place} already has an owners' committee: its meetings are regular or extraordinary",
    'zh-CN': '{place} 已成立业主委员会，不能再召开首次业主大会',
  },
  not_household_of_compound: {
    status: 'invalid_input',
    'en-US': '{household} is not a household of {place}',
    'zh-CN': '{household} 不是 {place} 的房屋',
  },
  household_voted: {
    status: 'conflict',
    'en-US': '{household} has already voted (on the phone or on paper)',
    'zh-CN': '{household} 已投票（手机或纸质表决票），一户只能表决一次',
  },
  proxy_exists: {
    status: 'conflict',
    'en-US': '{household} already has a proxy ({name}); one proxy per household',
    'zh-CN': '{household} 已委托 {name}，每户只能委托一人',
  },
  proxy_chain: {
    status: 'conflict',
    'en-US': 'A household that gave a proxy cannot hold one, nor a proxy holder give one',
    'zh-CN': '已委托他人的房屋不能再受托，受托人不能转委托',
  },
  paper_incomplete: {
    status: 'invalid_input',
    'en-US': 'A paper ballot gives one choice on every matter of the agenda',
    'zh-CN': '纸质表决票须对每个表决事项各填一项意见',
  },
  document_type: {
    status: 'invalid_input',
    'en-US': 'The authorisation document must be a JPEG, PNG or WebP photo or a PDF of at most {mb} MB',
    'zh-CN': '授权委托书须为不超过 {mb} MB 的 JPEG、PNG、WebP 照片或 PDF 文件',
  },
});

/** What a 404 names (`AppError.notFound(ownersCommitteesNouns.committee, id)`). */
export const ownersCommitteesNouns = {
  committee: { 'zh-CN': '业委会', 'en-US': "owners' committee" },
  member: { 'zh-CN': '业委会成员', 'en-US': 'committee member' },
  election: { 'zh-CN': '换届选举', 'en-US': 'election' },
  candidate: { 'zh-CN': '候选人', 'en-US': 'candidate' },
  training: { 'zh-CN': '培训', 'en-US': 'training' },
  meeting: { 'zh-CN': '业主大会', 'en-US': "owners' general meeting" },
  matter: { 'zh-CN': '表决事项', 'en-US': 'matter' },
  document: { 'zh-CN': '授权委托书', 'en-US': 'authorisation document' },
} as const satisfies Record<string, Noun>;
