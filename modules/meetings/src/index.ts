// The public interface of meetings: what other modules and the server may import.
//
//   scheduleAgendaItem(tx, ctx, meetingId, { kind, id?, title }) → item id
//       puts a subject of another module (a deliberation topic, a property reform matter …) on the
//       agenda of a meeting not yet held; in the caller's transaction, meetings.write on its place.
//   meetingDecisions(db, ctx, meetingId) → the agenda items with decision and outcome, or undefined
//       when the meeting is unknown or outside the caller's meetings.read scope.
//   countMeetings(db, { tenantId, paths }, { nodeId?, from?, to?, kind? }) → { compound, community,
//       subdistrict, county, total, byMonth }: meetings held (opened with a quorum) by council level
//       and by Shanghai month (`YYYY-MM`); `kind: 'joint_meeting'` counts the joint meetings (联席会议) only.
//   Events in the outbox: meetings.notice_published, meetings.reminder, meetings.cancelled, meetings.closed (payload:
//   nodeId, level, title, agenda or decisions, invitees' resident ids — never names or phones).

export { scheduleAgendaItem } from './commands/schedule-agenda-item.ts';
export * from './contract.ts';
export { CouncilRepository } from './council.repository.ts';
export { MeetingRepository } from './meeting.repository.ts';
export { meetingsModule } from './module.ts';
export { countMeetings, meetingDecisions } from './queries.ts';
