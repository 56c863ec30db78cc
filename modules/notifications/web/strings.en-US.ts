import type { LocaleStrings } from '@linli/web-kit';
import type { notificationsZh } from './strings.zh-CN.ts';

export const notificationsEn: LocaleStrings<typeof notificationsZh> = {
  bell: {
    title: 'Notifications',
    empty: 'No notifications',
    markAllRead: 'Mark all read',
    unreadOnly: 'Unread only',
    loadFailed: 'Could not load notifications',
  },
  messages: {
    demandStatus: { title: 'Demand update', body: 'Your demand {{number}}: {{status}}.' },
    demandAssigned: {
      title: '{{kind}}: {{number}}',
      body: 'Demand {{number}} “{{title}}” was assigned to your unit ({{kind}}); please handle it.',
    },
    demandDueSoon: { title: 'Due soon: {{number}}', body: 'The {{deadline}} deadline of demand {{number}} “{{title}}” is {{due}}.' },
    demandOverdue: { title: 'Overdue: {{number}}', body: 'Demand {{number}} “{{title}}” passed its {{deadline}} deadline ({{due}}).' },
    demandReturned: { title: 'Returned: {{number}}', body: 'Demand {{number}} “{{title}}” was returned; please dispatch it again.' },
    extensionRequested: {
      title: 'Extension requested: {{number}}',
      body: 'Demand {{number}} “{{title}}”: a later resolution deadline ({{due}}) is requested.',
    },
    extensionApproved: { title: 'Extension approved: {{number}}', body: 'The resolution deadline of demand {{number}} is now {{due}}.' },
    extensionRefused: {
      title: 'Extension refused: {{number}}',
      body: 'The extension of demand {{number}} was refused; the deadline stays {{due}}.',
    },
    demandSupervised: { title: 'Supervised: {{number}}', body: 'Demand {{number}} “{{title}}” is under supervision; please speed it up.' },
    meetingNotice: {
      title: 'Meeting notice: {{title}}',
      body: '“{{title}}” meets on {{starts}} at {{place}}{{agendaText}}. Please attend.',
      agenda: '; agenda: {{agenda}}',
    },
    meetingReminder: {
      title: 'Meeting reminder: {{title}}',
      body: '“{{title}}” meets on {{starts}} at {{place}}. Please attend and check in with the code in the room.',
    },
    evaluationDue: {
      title: 'To evaluate: {{title}}',
      body: 'The committee’s evaluation of resolution “{{title}}” for {{month}} is due by the end of the month.',
    },
    objectionFiled: {
      title: 'Objection to a notice: {{place}}',
      body: 'A resident objected to the {{month}} notice of {{place}}{{resolutionText}}; please look into it.',
      resolution: ' (“{{resolution}}”)',
    },
  },
  events: {
    'demand.accepted': 'accepted',
    'demand.rejected': 'not accepted',
    'demand.dispatched': 'dispatched for handling',
    'demand.started': 'being handled',
    'demand.resolved': 'resolved — please evaluate',
    'demand.closed': 'closed',
    'demand.transferred': 'transferred',
    'demand.escalated': 'escalated',
    'demand.merged': 'merged with another demand',
  },
  kinds: { dispatch: 'Dispatch', transfer: 'Transfer', escalate: 'Escalation', reopen: 'Reopened' },
  deadlines: { response: 'response', resolve: 'resolution' },
};
