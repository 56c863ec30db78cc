import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';
import { councilKinds, councilLevels, inviteeKinds, itemOutcomes, meetingStatuses, seatRoles } from './rules.ts';

// The HTTP contract of meetings. Imports only typebox and pure files: the web takes its types from here.

export const CouncilLevel = Type.Enum(councilLevels);
export const CouncilKind = Type.Enum(councilKinds);
export const SeatRole = Type.Enum(seatRoles);
export const MeetingStatus = Type.Enum(meetingStatuses);
export const InviteeKind = Type.Enum(inviteeKinds);
export const ItemOutcome = Type.Enum(itemOutcomes);
export const Stance = Type.Enum(['for', 'against'] as const);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateOnly = Type.String({ format: 'date' });
const Name = Type.String({ minLength: 1, maxLength: 50 });

// ---- Councils ----

export const Council = Type.Object({
  id: Uuid,
  nodeId: Uuid,
  nodeName: Type.String(),
  level: CouncilLevel,
  kind: CouncilKind,
  name: Type.String(),
  minMembers: Nullable(Type.Integer()),
  maxMembers: Nullable(Type.Integer()),
  quorumPercent: Type.Integer(),
  termStart: Nullable(Type.String()),
  termEnd: Nullable(Type.String()),
  active: Type.Boolean(),
  members: Type.Integer({ description: 'seats held now' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Council = Static<typeof Council>;

export const CouncilSeat = Type.Object({
  id: Uuid,
  role: SeatRole,
  name: Type.String(),
  residentId: Nullable(Uuid),
  partyOrgId: Nullable(Uuid),
  partyOrgName: Nullable(Type.String()),
  organisationId: Nullable(Uuid),
  organisationName: Nullable(Type.String()),
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  isPartyMember: Type.Optional(Type.Boolean({ description: 'only where the caller may see party membership (people.sensitive)' })),
  termStart: Nullable(Type.String()),
  termEnd: Nullable(Type.String()),
});
export type CouncilSeat = Static<typeof CouncilSeat>;

export const CouncilDetail = Type.Intersect([Council, Type.Object({ seats: Type.Array(CouncilSeat) })]);
export type CouncilDetail = Static<typeof CouncilDetail>;

export const CouncilFilter = {
  nodeId: Type.Optional(Uuid),
  level: Type.Optional(CouncilLevel),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.Enum(['name', '-name', 'createdAt', '-createdAt'] as const)),
};
export const CouncilListQuery = Type.Object({ ...PageQuery, ...CouncilFilter });
export type CouncilListQuery = Static<typeof CouncilListQuery>;
export const CouncilExportQuery = Type.Object(CouncilFilter);
export const CouncilPage = Page(Council);

export const CreateCouncilBody = Type.Object({
  nodeId: Uuid,
  level: CouncilLevel,
  kind: Type.Optional(CouncilKind),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  minMembers: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  maxMembers: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  quorumPercent: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  termStart: Type.Optional(DateOnly),
  termEnd: Type.Optional(DateOnly),
});
export type CreateCouncilBody = Static<typeof CreateCouncilBody>;

export const UpdateCouncilBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  quorumPercent: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  termStart: Type.Optional(Nullable(DateOnly)),
  termEnd: Type.Optional(Nullable(DateOnly)),
  active: Type.Optional(Type.Boolean()),
});
export type UpdateCouncilBody = Static<typeof UpdateCouncilBody>;

export const AddSeatBody = Type.Object({
  role: SeatRole,
  name: Type.Optional(Name),
  residentId: Type.Optional(Uuid),
  partyOrgId: Type.Optional(Uuid),
  organisationId: Type.Optional(Uuid),
  departmentId: Type.Optional(Uuid),
  termStart: Type.Optional(DateOnly),
  termEnd: Type.Optional(DateOnly),
});
export type AddSeatBody = Static<typeof AddSeatBody>;

// ---- Meetings ----

export const Subject = Type.Object({
  kind: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'what the item is: topic, ballot, renovation_project …' }),
  id: Type.Optional(Uuid),
  title: Type.String({ minLength: 1, maxLength: 200 }),
});
export type Subject = Static<typeof Subject>;

export const MeetingItem = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  subjectKind: Type.String(),
  subjectId: Nullable(Uuid),
  title: Type.String(),
  decision: Nullable(Type.String()),
  outcome: Nullable(ItemOutcome),
});
export type MeetingItem = Static<typeof MeetingItem>;

export const Meeting = Type.Object({
  id: Uuid,
  councilId: Uuid,
  councilName: Type.String(),
  nodeId: Uuid,
  nodeName: Type.String(),
  level: CouncilLevel,
  title: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Nullable(Type.String({ format: 'date-time' })),
  stationId: Nullable(Uuid),
  placeText: Nullable(Type.String()),
  status: MeetingStatus,
  invited: Type.Integer(),
  present: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Meeting = Static<typeof Meeting>;

export const Invitee = Type.Object({
  id: Uuid,
  kind: InviteeKind,
  name: Type.String(),
  affiliation: Nullable(Type.String()),
  seatId: Nullable(Uuid),
  residentId: Nullable(Uuid),
  invitedByPhone: Type.Boolean(),
  checkedInAt: Nullable(Type.String({ format: 'date-time' })),
});
export type Invitee = Static<typeof Invitee>;

export const Attendance = Type.Object({
  id: Uuid,
  inviteeId: Nullable(Uuid),
  name: Type.String(),
  isMember: Type.Boolean(),
  method: Type.Enum(['code', 'staff'] as const),
  checkedInAt: Type.String({ format: 'date-time' }),
});
export type Attendance = Static<typeof Attendance>;

export const Turn = Type.Object({
  id: Uuid,
  attendanceId: Uuid,
  speaker: Type.String(),
  seq: Type.Integer(),
  stance: Stance,
  seconds: Type.Integer(),
});
export type Turn = Static<typeof Turn>;

export const Motion = Type.Object({
  id: Uuid,
  itemId: Nullable(Uuid),
  text: Type.String(),
  mover: Type.String(),
  status: Type.Enum(['open', 'adopted', 'rejected', 'withdrawn'] as const),
  votesFor: Nullable(Type.Integer()),
  votesAgainst: Nullable(Type.Integer()),
  votesAbstain: Nullable(Type.Integer()),
  turns: Type.Array(Turn),
});
export type Motion = Static<typeof Motion>;

export const Photo = Type.Object({
  id: Uuid,
  kind: Type.Enum(['sign_in_sheet', 'signatures'] as const),
  fileName: Type.String(),
  uploadedAt: Type.String({ format: 'date-time' }),
});
export type Photo = Static<typeof Photo>;

export const MeetingDetail = Type.Intersect([
  Meeting,
  Type.Object({
    code: Type.Optional(Type.String({ description: 'the check-in code, for staff who run the meeting' })),
    membersExpected: Nullable(Type.Integer()),
    quorumNeeded: Nullable(Type.Integer()),
    presentAtOpen: Nullable(Type.Integer()),
    quorumPercent: Type.Integer(),
    chairName: Nullable(Type.String()),
    minutes: Nullable(Type.String()),
    publishedAt: Nullable(Type.String({ format: 'date-time' })),
    openedAt: Nullable(Type.String({ format: 'date-time' })),
    closedAt: Nullable(Type.String({ format: 'date-time' })),
    items: Type.Array(MeetingItem),
    invitees: Type.Array(Invitee),
    attendance: Type.Array(Attendance),
    motions: Type.Array(Motion),
    photos: Type.Array(Photo),
  }),
]);
export type MeetingDetail = Static<typeof MeetingDetail>;

export const MeetingFilter = {
  councilId: Type.Optional(Uuid),
  nodeId: Type.Optional(Uuid),
  level: Type.Optional(CouncilLevel),
  status: Type.Optional(MeetingStatus),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.Enum(['startsAt', '-startsAt', 'title', '-title'] as const)),
};
export const MeetingListQuery = Type.Object({ ...PageQuery, ...MeetingFilter });
export type MeetingListQuery = Static<typeof MeetingListQuery>;
export const MeetingExportQuery = Type.Object(MeetingFilter);
export const MeetingPage = Page(Meeting);

export const InviteeInput = Type.Object({
  kind: Type.Union([Type.Literal('flexible'), Type.Literal('adviser'), Type.Literal('observer')]),
  residentId: Type.Optional(Uuid),
  name: Type.Optional(Name),
  affiliation: Type.Optional(Type.String({ maxLength: 100 })),
  invitedByPhone: Type.Optional(Type.Boolean()),
});
export type InviteeInput = Static<typeof InviteeInput>;

export const CreateMeetingBody = Type.Object({
  councilId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.Optional(Type.String({ format: 'date-time' })),
  stationId: Type.Optional(Uuid),
  placeText: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  chairName: Type.Optional(Name),
  items: Type.Array(Subject, { maxItems: 30 }),
  invitees: Type.Optional(Type.Array(InviteeInput, { maxItems: 200 })),
});
export type CreateMeetingBody = Static<typeof CreateMeetingBody>;

export const AddInviteesBody = Type.Object({ invitees: Type.Array(InviteeInput, { minItems: 1, maxItems: 200 }) });
export type AddInviteesBody = Static<typeof AddInviteesBody>;

export const StaffCheckInBody = Type.Object({ inviteeId: Uuid });
export const CodeCheckInBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) });

export const MotionBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 1000 }),
  mover: Name,
  itemId: Type.Optional(Uuid),
});
export type MotionBody = Static<typeof MotionBody>;

export const TurnBody = Type.Object({
  attendanceId: Uuid,
  stance: Stance,
  seconds: Type.Integer({ minimum: 0, maximum: 3600 }),
  noOpposingSpeaker: Type.Optional(Type.Boolean({ description: 'the chair confirms nobody of the other side asks for the floor' })),
});
export type TurnBody = Static<typeof TurnBody>;

export const DecideMotionBody = Type.Union([
  Type.Object({
    withdrawn: Type.Literal(true),
  }),
  Type.Object({
    votesFor: Type.Integer({ minimum: 0, maximum: 100_000 }),
    votesAgainst: Type.Integer({ minimum: 0, maximum: 100_000 }),
    votesAbstain: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  }),
]);
export type DecideMotionBody = Static<typeof DecideMotionBody>;

export const MinutesBody = Type.Object({
  minutes: Type.String({ maxLength: 20000 }),
  items: Type.Optional(
    Type.Array(Type.Object({ id: Uuid, decision: Type.String({ maxLength: 4000 }), outcome: ItemOutcome }), { maxItems: 30 }),
  ),
});
export type MinutesBody = Static<typeof MinutesBody>;

/** The closing report: attendance by kind and the decision of every item. */
export const ClosingReport = Type.Object({
  meetingId: Uuid,
  title: Type.String(),
  invited: Type.Integer(),
  present: Type.Integer(),
  membersExpected: Type.Integer(),
  membersPresent: Type.Integer(),
  quorumMet: Type.Boolean(),
  byKind: Type.Record(Type.String(), Type.Object({ invited: Type.Integer(), present: Type.Integer() })),
  decisions: Type.Array(MeetingItem),
  motions: Type.Object({ adopted: Type.Integer(), rejected: Type.Integer(), withdrawn: Type.Integer() }),
});
export type ClosingReport = Static<typeof ClosingReport>;

// ---- Residents' phone ----

export const MyMeeting = Type.Object({
  id: Uuid,
  title: Type.String(),
  councilName: Type.String(),
  nodeName: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  placeText: Nullable(Type.String()),
  stationId: Nullable(Uuid),
  status: MeetingStatus,
  invited: Type.Boolean(),
  checkedIn: Type.Boolean(),
  items: Type.Array(
    Type.Object({ position: Type.Integer(), title: Type.String(), decision: Nullable(Type.String()), outcome: Nullable(ItemOutcome) }),
  ),
  minutes: Nullable(Type.String({ description: 'once the meeting is closed' })),
});
export type MyMeeting = Static<typeof MyMeeting>;
export const MyMeetingPage = Type.Object({ items: Type.Array(MyMeeting) });
