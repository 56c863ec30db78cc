import type { Channel, DemandAction, DemandStatus, DemandType, HandlingLevel, InboxTab, Satisfaction, Urgency } from './vocabulary.ts';

/**
 * The Chinese names of the vocabulary, declared once: the server writes them into workbooks and
 * KPI groups, the web app's zh-CN strings take them (`@linli/demands/labels.zh-CN`). Like
 * vocabulary.ts, this file imports nothing at run time. Terms follow the glossary.
 */
export const demandLabelsZh = {
  statuses: {
    submitted: '待受理',
    accepted: '待派单',
    rejected: '不予受理',
    returned: '已退单',
    dispatched: '已派单',
    in_progress: '办理中',
    resolved: '已办结',
    evaluated: '已评价',
    closed: '已销号',
    merged: '已合并',
  } satisfies Record<DemandStatus, string>,
  tabs: {
    to_accept: '待受理',
    to_dispatch: '待派单',
    in_progress: '办理中',
    due_soon: '即将超期',
    overdue: '已超期',
    to_callback: '待回访',
  } satisfies Record<InboxTab, string>,
  levels: { compound: '小区', community: '社区', subdistrict: '街道', department: '职能部门' } satisfies Record<HandlingLevel, string>,
  channels: {
    hotline_12345: '12345热线',
    mobile: '移动端',
    web: '网站',
    grid_visit: '网格员走访',
    wish_box: '意见箱',
    bench_meeting: '板凳会/议事会',
    walk_in: '窗口来访',
    petition: '信访',
    online_opinion: '网络舆情',
  } satisfies Record<Channel, string>,
  types: { enquiry: '咨询', help: '求助', complaint: '投诉', suggestion: '建议', report: '举报', praise: '表扬' } satisfies Record<
    DemandType,
    string
  >,
  urgencies: { normal: '一般', urgent: '紧急', critical: '特急' } satisfies Record<Urgency, string>,
  satisfactions: { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } satisfies Record<Satisfaction, string>,
  actions: {
    accept: '受理',
    reject: '不予受理',
    dispatch: '派单',
    start: '开始办理',
    resolve: '办结',
    evaluate: '评价',
    close: '销号',
    return: '退单',
    transfer: '转办',
    escalate: '提级',
    request_extension: '申请延期',
    decide_extension: '延期审批',
    reopen: '重办',
    merge: '合并',
    supervise: '督办',
    callback: '回访',
  } satisfies Record<DemandAction, string>,
} as const;
