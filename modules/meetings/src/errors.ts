import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the meetings module, in both languages (pure: the web may read it). Listed in the manifest. */
export const meetingsErrors = defineErrors('meetings', {
  wrong_place_kind: {
    status: 'invalid_input',
    'en-US': 'A {level} council sits on a place of that level; {place} is not one',
    'zh-CN': '{place} 与议事会层级不符',
  },
  council_full: {
    status: 'conflict',
    'en-US': 'The council already has its {max} members',
    'zh-CN': '议事会成员已满 {max} 人，不能再增加',
  },
  council_too_small: {
    status: 'conflict',
    'en-US': 'The council has {members} members; it needs at least {min} to meet',
    'zh-CN': '议事会现有 {members} 名成员，至少需要 {min} 名才能召开会议',
  },
  council_inactive: { status: 'conflict', 'en-US': 'The council is no longer active', 'zh-CN': '该议事会已停用' },
  seat_taken: { status: 'conflict', 'en-US': 'This person already holds a seat on the council', 'zh-CN': '此人已在该议事会任职' },
  wrong_status: {
    status: 'conflict',
    'en-US': 'The meeting is {status}: it cannot be {action} now',
    'zh-CN': '会议当前状态为“{status}”，不能{action}',
  },
  place_required: { status: 'invalid_input', 'en-US': 'Give a deliberation station or a place', 'zh-CN': '请填写议事阵地或会议地点' },
  quorum_not_met: {
    status: 'conflict',
    'en-US': '{present} of {members} members are present; {needed} are needed to open the meeting',
    'zh-CN': '应到成员 {members} 人，实到 {present} 人，不足 {needed} 人，未达到法定人数，不能开会',
  },
  already_checked_in: { status: 'conflict', 'en-US': '{name} has already checked in', 'zh-CN': '{name} 已签到，无需重复签到' },
  wrong_code: { status: 'invalid_input', 'en-US': 'The check-in code is not right', 'zh-CN': '签到码不正确' },
  motion_open: {
    status: 'conflict',
    'en-US': 'Another motion is still open: decide or withdraw it first (one motion at a time)',
    'zh-CN': '还有动议未表决：一次只讨论一个动议，请先表决或撤回',
  },
  no_open_motion: { status: 'conflict', 'en-US': 'The motion is not open for debate', 'zh-CN': '该动议不在讨论中' },
  turn_limit: {
    status: 'conflict',
    'en-US': '{name} has spoken twice on this motion already',
    'zh-CN': '{name} 已就此动议发言两次，不能再发言',
  },
  must_alternate: {
    status: 'conflict',
    'en-US': 'Speakers alternate: the floor goes to the other side now',
    'zh-CN': '正反方轮流发言：现在应由另一方发言',
  },
  votes_exceed_present: {
    status: 'invalid_input',
    'en-US': 'More votes than people present ({present})',
    'zh-CN': '票数超过实到人数（{present} 人）',
  },
  not_a_resident: { status: 'forbidden', 'en-US': 'Only residents use this page', 'zh-CN': '仅限居民使用' },
  photo_type: { status: 'invalid_input', 'en-US': 'Send a JPEG, PNG or WebP photo', 'zh-CN': '请上传 JPEG、PNG 或 WebP 格式的照片' },
});

/** What a 404 names (`AppError.notFound(meetingsNouns.meeting, id)`). */
export const meetingsNouns = {
  council: { 'zh-CN': '议事会', 'en-US': 'council' },
  seat: { 'zh-CN': '席位', 'en-US': 'seat' },
  meeting: { 'zh-CN': '会议', 'en-US': 'meeting' },
  invitee: { 'zh-CN': '参会人', 'en-US': 'invitee' },
  motion: { 'zh-CN': '动议', 'en-US': 'motion' },
  attendance: { 'zh-CN': '签到记录', 'en-US': 'check-in' },
  photo: { 'zh-CN': '照片', 'en-US': 'photo' },
} as const satisfies Record<string, Noun>;
