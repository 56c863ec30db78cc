/**
 * Which domain events become notifications, for whom, and what they say. Titles and bodies are
 * written in zh-CN (stored with the notification, sent through SMS / WeChat); `key` and `params`
 * let the web app render the same message in en-US.
 *
 * Residents (the reporter of a demand) hear of its status: only the demand number and the new
 * status, never who handled it — no staff names, phones or units' people. Handlers hear of
 * demands assigned to their unit (dispatch, transfer, escalation, reopening), of deadlines, of
 * supervision and of the decision on their extension request; dispatchers of the first receiver
 * hear of returned demands and of extension requests waiting for their approval.
 *
 * Meetings and resolutions (co-governance) name their recipients in the event (`payloadRoutes`):
 * invited residents hear of a meeting's notice and reminder, a supervision committee of the month's
 * evaluation, the committee and the community staff of an objection to a notice.
 */
export type Audience = 'reporter' | 'handlers' | 'intake_or_handlers' | 'dispatchers';

export interface DemandFacts {
  id: string;
  number: string;
  title: string;
  status: string;
}

export interface Message {
  key: string;
  params: Record<string, string>;
  title: string;
  body: string;
}

export interface EventRoute {
  audience: Audience;
  message(demand: DemandFacts, payload: Record<string, unknown>): Message;
}

const statusForReporter: Record<string, string> = {
  'demand.accepted': '已受理',
  'demand.rejected': '未予受理',
  'demand.dispatched': '已派单办理',
  'demand.started': '正在办理',
  'demand.resolved': '已办结，请您评价',
  'demand.closed': '已销号',
  'demand.transferred': '已转办',
  'demand.escalated': '已提级办理',
  'demand.merged': '已与其他诉求合并办理',
};

const deadlineLabel: Record<string, string> = { response: '响应', resolve: '办结' };

/** 2026-11-28T06:00:00Z → 11月28日 14:00 (Asia/Shanghai). */
export function shanghaiShort(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function statusMessage(type: string) {
  return (demand: DemandFacts): Message => {
    const status = statusForReporter[type] ?? '';
    return {
      key: 'notification.demandStatus',
      params: { number: demand.number, event: type },
      title: '诉求进展',
      body: `您的诉求 ${demand.number} ${status}。`,
    };
  };
}

function assignedMessage(kind: string, verb: string) {
  return (demand: DemandFacts): Message => ({
    key: 'notification.demandAssigned',
    params: { number: demand.number, title: demand.title, kind },
    title: `${verb}：${demand.number}`,
    body: `诉求 ${demand.number}「${demand.title}」已${verb}至你单位，请及时办理。`,
  });
}

function deadlineMessage(overdue: boolean) {
  return (demand: DemandFacts, payload: Record<string, unknown>): Message => {
    const deadline = String(payload.deadline ?? 'resolve');
    const dueAt = String(payload.dueAt ?? '');
    const label = deadlineLabel[deadline] ?? '办理';
    const due = dueAt ? shanghaiShort(dueAt) : '';
    return {
      key: overdue ? 'notification.demandOverdue' : 'notification.demandDueSoon',
      params: { number: demand.number, title: demand.title, deadline, dueAt },
      title: overdue ? `诉求已超期：${demand.number}` : `诉求即将到期：${demand.number}`,
      body: overdue
        ? `诉求 ${demand.number}「${demand.title}」已超过${label}时限（${due}），请尽快处理。`
        : `诉求 ${demand.number}「${demand.title}」的${label}时限为 ${due}，请及时处理。`,
    };
  };
}

function simpleMessage(key: string, title: string, body: string) {
  return (demand: DemandFacts): Message => ({
    key,
    params: { number: demand.number, title: demand.title },
    title: title.replace('{number}', demand.number),
    body: body.replace('{number}', demand.number).replace('{title}', demand.title),
  });
}

function extensionRequested(demand: DemandFacts, payload: Record<string, unknown>): Message {
  const dueAt = String(payload.requestedUntil ?? '');
  return {
    key: 'notification.extensionRequested',
    params: { number: demand.number, title: demand.title, dueAt },
    title: `延期申请：${demand.number}`,
    body: `诉求 ${demand.number}「${demand.title}」申请将办结时限延至 ${dueAt ? shanghaiShort(dueAt) : ''}，请审批。`,
  };
}

function extensionDecided(demand: DemandFacts, payload: Record<string, unknown>): Message {
  const approved = payload.approved === true;
  const dueAt = String(payload.resolveDueAt ?? '');
  const due = dueAt ? shanghaiShort(dueAt) : '';
  return {
    key: approved ? 'notification.extensionApproved' : 'notification.extensionRefused',
    params: { number: demand.number, title: demand.title, dueAt },
    title: approved ? `延期已批准：${demand.number}` : `延期未批准：${demand.number}`,
    body: approved ? `诉求 ${demand.number} 的办结时限已延至 ${due}。` : `诉求 ${demand.number} 的延期申请未获批准，办结时限仍为 ${due}。`,
  };
}

/** Event type → routes (one event may notify the reporter and the handlers). */
export const eventRoutes: Record<string, EventRoute[]> = {
  'demand.accepted': [{ audience: 'reporter', message: statusMessage('demand.accepted') }],
  'demand.rejected': [{ audience: 'reporter', message: statusMessage('demand.rejected') }],
  'demand.started': [{ audience: 'reporter', message: statusMessage('demand.started') }],
  'demand.resolved': [{ audience: 'reporter', message: statusMessage('demand.resolved') }],
  'demand.closed': [{ audience: 'reporter', message: statusMessage('demand.closed') }],
  'demand.merged': [{ audience: 'reporter', message: statusMessage('demand.merged') }],
  'demand.dispatched': [
    { audience: 'reporter', message: statusMessage('demand.dispatched') },
    { audience: 'handlers', message: assignedMessage('dispatch', '派单') },
  ],
  'demand.transferred': [
    { audience: 'reporter', message: statusMessage('demand.transferred') },
    { audience: 'handlers', message: assignedMessage('transfer', '转办') },
  ],
  'demand.escalated': [
    { audience: 'reporter', message: statusMessage('demand.escalated') },
    { audience: 'handlers', message: assignedMessage('escalate', '提级') },
  ],
  'demand.reopened': [{ audience: 'handlers', message: assignedMessage('reopen', '重办') }],
  'demand.returned': [
    {
      audience: 'dispatchers',
      message: simpleMessage('notification.demandReturned', '退单：{number}', '诉求 {number}「{title}」已被退回，请重新派单。'),
    },
  ],
  'demand.extension_requested': [{ audience: 'dispatchers', message: extensionRequested }],
  'demand.extension_decided': [{ audience: 'handlers', message: extensionDecided }],
  'demand.supervised': [
    {
      audience: 'handlers',
      message: simpleMessage('notification.demandSupervised', '督办：{number}', '诉求 {number}「{title}」已被督办，请加快办理。'),
    },
  ],
  'demand.deadline_reminder': [{ audience: 'intake_or_handlers', message: deadlineMessage(false) }],
  'demand.overdue': [{ audience: 'intake_or_handlers', message: deadlineMessage(true) }],
};

/** Where a recipient opens the demand: staff in the admin app, residents on the mobile pages. */
export function linkTo(demandId: string, audience: Audience): string {
  return audience === 'reporter' ? `/m/demands/${demandId}` : `/demands/${demandId}`;
}

// ── Co-governance events (meetings, resolutions) ────────────────────────────────────────────
//
// These events name their recipients in the payload: the residents invited to a meeting (their
// resident records: the dispatcher finds their accounts) or the accounts of a supervision
// committee; an objection also goes to the community staff of the place. Texts carry what the
// event carries — titles, time and place — and never names or phones.

/** Who hears of a co-governance event. */
export type PayloadAudience =
  /** The accounts of the residents in payload.residentIds (invitees of a meeting). */
  | 'invited_residents'
  /** The accounts in payload.recipientAccountIds (a supervision committee's members). */
  | 'committee'
  /** The committee, and the community staff of payload.nodeId (a grant on the place or above it). */
  | 'committee_and_community_staff';

export interface PayloadRoute {
  /** The aggregate types the event is written with; another aggregate type stays silent. */
  aggregateTypes: string[];
  audience: PayloadAudience;
  message(payload: Record<string, unknown>): Message;
  /** Where the recipient opens it: `staff` works in the admin app (a grant other than resident), else the /m pages. */
  link(aggregateId: string, payload: Record<string, unknown>, staff: boolean): string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** 2026-02 → 2026年2月. */
function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

function meetingFacts(payload: Record<string, unknown>) {
  const startsAt = text(payload.startsAt);
  return {
    title: text(payload.title),
    startsAt,
    time: startsAt ? shanghaiShort(startsAt) : '',
    // A meeting names its room in words or by a deliberation station; then the place is its node.
    place: text(payload.placeText) || text(payload.nodeName),
  };
}

function meetingNotice(payload: Record<string, unknown>): Message {
  const m = meetingFacts(payload);
  const items = Array.isArray(payload.items) ? (payload.items as { title?: unknown }[]) : [];
  const agenda = items
    .map((i) => text(i?.title))
    .filter(Boolean)
    .join('；');
  return {
    key: 'notification.meetingNotice',
    params: { title: m.title, startsAt: m.startsAt, place: m.place, agenda },
    title: `会议通知：${m.title}`,
    body: `「${m.title}」定于 ${m.time} 在${m.place}召开${agenda ? `，议题：${agenda}` : ''}。请准时参加。`,
  };
}

function meetingReminder(payload: Record<string, unknown>): Message {
  const m = meetingFacts(payload);
  return {
    key: 'notification.meetingReminder',
    params: { title: m.title, startsAt: m.startsAt, place: m.place },
    title: `会议提醒：${m.title}`,
    body: `「${m.title}」将于 ${m.time} 在${m.place}召开，请准时参加，到场后扫码签到。`,
  };
}

function evaluationDue(payload: Record<string, unknown>): Message {
  const title = text(payload.title);
  const month = text(payload.month);
  return {
    key: 'notification.evaluationDue',
    params: { title, month },
    title: `待评价：${title}`,
    body: `决议「${title}」${monthLabel(month)}的监督评价待完成，请于月底前评价。`,
  };
}

function objectionFiled(payload: Record<string, unknown>): Message {
  const place = text(payload.nodeName);
  const month = text(payload.month);
  const resolution = text(payload.resolutionTitle);
  return {
    key: 'notification.objectionFiled',
    params: { place, month, resolution },
    title: `公示异议：${place}`,
    body: `有居民对${place}${monthLabel(month)}的决议公示${resolution ? `中的「${resolution}」` : ''}提出异议，请及时核实处理。`,
  };
}

/** Co-governance event type → who hears of it, what it says and where it opens. */
export const payloadRoutes: Record<string, PayloadRoute> = {
  'meetings.notice_published': {
    aggregateTypes: ['meeting'],
    audience: 'invited_residents',
    message: meetingNotice,
    // Invitees are reached as residents: the notices, agendas and check-in are on the phone pages.
    link: () => '/m/meetings',
  },
  'meetings.reminder': {
    aggregateTypes: ['meeting'],
    audience: 'invited_residents',
    message: meetingReminder,
    link: () => '/m/meetings',
  },
  'resolutions.evaluation_due': {
    aggregateTypes: ['supervision_committee'],
    audience: 'committee',
    message: evaluationDue,
    link: (_id, payload, staff) => (staff ? '/resolutions/supervision' : `/m/resolutions/${text(payload.resolutionId)}`),
  },
  'resolutions.objection_filed': {
    aggregateTypes: ['supervision_committee', 'resolution_publication'],
    audience: 'committee_and_community_staff',
    message: objectionFiled,
    link: (_id, _payload, staff) => (staff ? '/resolutions/notices' : '/m/resolutions/notices'),
  },
};

/** Whether the dispatcher delivers the event (a demand event about a demand, or a co-governance event of its aggregate). */
export function isDelivered(type: string, aggregateType: string): boolean {
  if (eventRoutes[type]) return aggregateType === 'demand';
  return payloadRoutes[type]?.aggregateTypes.includes(aggregateType) ?? false;
}

/**
 * What a phone-only caller is texted, per event: fewer events than a resident sees in-app, because
 * each text interrupts (and costs). Only the demand number and the outcome, as for residents; the
 * caller cannot sign in, so the resolved text announces the callback (回访) instead of asking them
 * to evaluate on the page.
 */
const callerTexts: Record<string, string> = {
  'demand.accepted': '已受理，我们将按时办理。',
  'demand.rejected': '未予受理，如有疑问请再次来电。',
  'demand.resolved': '已办结，工作人员将电话回访，请您对办理结果作出评价。',
  'demand.merged': '已与同一问题的其他诉求合并办理。',
};

/** The text for a phone-only caller of demand `number` on event `type`, or undefined when that event is not texted. */
export function callerText(type: string, number: string): string | undefined {
  const outcome = callerTexts[type];
  return outcome && `您反映的诉求（编号 ${number}）${outcome}`;
}
