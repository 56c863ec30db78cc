/**
 * The words of the topic pool — statuses, actions, sources, levels, adviser roles and the default
 * scope lists — declared once for the server and the web app. Imports nothing (the web reads it).
 */
export const topicStatuses = [
  'submitted',
  'admissible',
  'excluded',
  'pooled',
  'scheduled',
  'deliberated',
  'adopted',
  'rejected',
  'deferred',
  'escalated',
  'implementing',
  'completed',
  'evaluated',
  'published',
  'closed',
  'merged',
] as const;
export type TopicStatus = (typeof topicStatuses)[number];

/** A topic in one of these is finished: no deadline runs and nothing more is done to it. */
export const finishedStatuses: readonly TopicStatus[] = ['excluded', 'rejected', 'completed', 'evaluated', 'published', 'closed', 'merged'];

/** Decided by a council: the decision date counts for "days from topic to decision". */
export const decidedStatuses: readonly TopicStatus[] = ['adopted', 'rejected', 'deferred'];

/** Resolved: the matter was carried through (or the topic closed after its completion). */
export const resolvedStatuses: readonly TopicStatus[] = ['completed', 'evaluated', 'published', 'closed'];

export const topicActions = [
  'screen',
  'pool',
  'schedule',
  'deliberate',
  'decide',
  'escalate',
  'implement',
  'complete',
  'evaluate',
  'publish',
  'close',
  'merge',
] as const;
export type TopicAction = (typeof topicActions)[number];

/** Where a topic came from (议题来源). */
export const topicSources = [
  'demand',
  'hot_spot',
  'monthly_theme',
  'resident',
  'wish_box',
  'bench_meeting',
  'home_visit',
  'wechat_group',
  'staff',
] as const;
export type TopicSource = (typeof topicSources)[number];

/** 小事小区办、大事社区办、难事街道办: the three banks of the topic pool. */
export const topicLevels = ['compound', 'community', 'subdistrict'] as const;
export type TopicLevel = (typeof topicLevels)[number];

export const scopeLists = ['allowed', 'excluded'] as const;
export type ScopeList = (typeof scopeLists)[number];

/** Where an excluded topic goes instead: a demand in the closed loop, mediation (三官一律), or elsewhere. */
export const redirects = ['demand', 'mediation', 'other'] as const;
export type Redirect = (typeof redirects)[number];

export const adviserRoles = ['judge', 'prosecutor', 'police', 'lawyer', 'mediator', 'other'] as const;
export type AdviserRole = (typeof adviserRoles)[number];

export interface DefaultScopeKind {
  code: string;
  list: ScopeList;
  name: string;
  description: string;
  redirect?: Redirect;
}

/** The county's scope lists when it has not written its own: 9 allowed and 6 excluded kinds. */
export const defaultScopeKinds: readonly DefaultScopeKind[] = [
  { code: 'safety', list: 'allowed', name: '安全隐患排查与监测', description: '消防通道、电动车充电、高空坠物等公共安全' },
  { code: 'parking', list: 'allowed', name: '停车管理', description: '车位划分、停车秩序、充电桩设置' },
  { code: 'public_funds', list: 'allowed', name: '公共收益与资金使用', description: '公共收益、维修资金、微基金的使用' },
  { code: 'environment', list: 'allowed', name: '环境卫生', description: '垃圾分类、楼道清理、噪音油烟' },
  { code: 'facility_repair', list: 'allowed', name: '公共设施维修', description: '路灯、道路、管网、健身器材维修' },
  { code: 'pets', list: 'allowed', name: '文明养宠', description: '犬只管理、宠物粪便清理' },
  { code: 'elevator', list: 'allowed', name: '加装电梯', description: '既有住宅加装电梯的协商' },
  { code: 'greening', list: 'allowed', name: '绿化管护', description: '绿地养护、毁绿种菜、树木修剪' },
  { code: 'activities', list: 'allowed', name: '邻里活动', description: '文体活动、志愿服务、节日活动' },
  { code: 'judicial', list: 'excluded', name: '应由司法程序解决的事项', description: '已进入诉讼、仲裁的纠纷', redirect: 'mediation' },
  {
    code: 'government_duty',
    list: 'excluded',
    name: '政府部门法定职责事项',
    description: '属于职能部门依法履职的事项',
    redirect: 'demand',
  },
  {
    code: 'private_dispute',
    list: 'excluded',
    name: '个人私事与邻里私人纠纷',
    description: '不涉及公共利益的个人纠纷',
    redirect: 'mediation',
  },
  { code: 'religion_ethnic', list: 'excluded', name: '宗教、民族事务', description: '涉及宗教、民族政策的事项', redirect: 'other' },
  { code: 'illegal', list: 'excluded', name: '违法违规诉求', description: '违反法律法规和公序良俗的要求', redirect: 'other' },
  { code: 'personnel', list: 'excluded', name: '人事任免事项', description: '干部任免、人事安排', redirect: 'other' },
];
