// Strings of the notification bell and the resident's messages (demands, meetings, resolutions); strings.en-US.ts has the same keys.
export const notificationsZh = {
  bell: {
    title: '消息通知',
    empty: '暂无消息',
    markAllRead: '全部已读',
    unreadOnly: '只看未读',
    loadFailed: '消息加载失败',
  },
  // Texts are stored in Chinese with each notification; these are used for the other language only.
  messages: {
    demandStatus: { title: '诉求进展', body: '您的诉求 {{number}} {{status}}。' },
    demandAssigned: { title: '{{kind}}：{{number}}', body: '诉求 {{number}}「{{title}}」已{{kind}}至你单位，请及时办理。' },
    demandDueSoon: { title: '诉求即将到期：{{number}}', body: '诉求 {{number}}「{{title}}」的{{deadline}}时限为 {{due}}，请及时处理。' },
    demandOverdue: { title: '诉求已超期：{{number}}', body: '诉求 {{number}}「{{title}}」已超过{{deadline}}时限（{{due}}），请尽快处理。' },
    demandReturned: { title: '退单：{{number}}', body: '诉求 {{number}}「{{title}}」已被退回，请重新派单。' },
    extensionRequested: { title: '延期申请：{{number}}', body: '诉求 {{number}}「{{title}}」申请将办结时限延至 {{due}}，请审批。' },
    extensionApproved: { title: '延期已批准：{{number}}', body: '诉求 {{number}} 的办结时限已延至 {{due}}。' },
    extensionRefused: { title: '延期未批准：{{number}}', body: '诉求 {{number}} 的延期申请未获批准，办结时限仍为 {{due}}。' },
    demandSupervised: { title: '督办：{{number}}', body: '诉求 {{number}}「{{title}}」已被督办，请加快办理。' },
    meetingNotice: {
      title: '会议通知：{{title}}',
      body: '「{{title}}」定于 {{starts}} 在{{place}}召开{{agendaText}}。请准时参加。',
      agenda: '，议题：{{agenda}}',
    },
    meetingReminder: { title: '会议提醒：{{title}}', body: '「{{title}}」将于 {{starts}} 在{{place}}召开，请准时参加，到场后扫码签到。' },
    evaluationDue: { title: '待评价：{{title}}', body: '决议「{{title}}」{{month}}的监督评价待完成，请于月底前评价。' },
    objectionFiled: {
      title: '公示异议：{{place}}',
      body: '有居民对{{place}}{{month}}的决议公示{{resolutionText}}提出异议，请及时核实处理。',
      resolution: '中的「{{resolution}}」',
    },
  },
  events: {
    'demand.accepted': '已受理',
    'demand.rejected': '未予受理',
    'demand.dispatched': '已派单办理',
    'demand.started': '正在办理',
    'demand.resolved': '已办结，请您评价',
    'demand.closed': '已销号',
    'demand.transferred': '已转办',
    'demand.escalated': '已提级办理',
    'demand.merged': '已与其他诉求合并办理',
  },
  kinds: { dispatch: '派单', transfer: '转办', escalate: '提级', reopen: '重办' },
  deadlines: { response: '响应', resolve: '办结' },
};
