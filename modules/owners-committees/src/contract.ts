import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, type TSchema, Type } from 'typebox';
import {
  type CommitteeKind,
  type CommitteeStatus,
  committeeKinds,
  committeeStatuses,
  type ElectedKind,
  electedKinds,
  electionStatuses,
  type MatterChoice,
  type MatterKind,
  type MeetingKind,
  type MemberPosition,
  matterChoices,
  matterKinds,
  meetingConveners,
  meetingKinds,
  meetingStatuses,
  memberPositions,
  type VettingItem,
  vettingItems,
  vettingStatuses,
} from './vocabulary.ts';

// The HTTP contract of owners-committees. Imports only typebox and pure files: the web takes its types from here.

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateOnly = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** The party figures of a committee, evaluated live from the party records (never typed in). */
export const PartyShare = Type.Object({
  members: Type.Integer(),
  partyMembers: Type.Integer(),
  /** partyMembers / members (0..1), null without members. */
  share: Nullable(Type.Number()),
  /** ≥ 50 % party members. */
  met: Type.Boolean(),
  /** Formed on or after the county's rule date: the ≥ 50 % rule applies. */
  ruleApplies: Type.Boolean(),
  /** The chair is the secretary of the compound's party branch. */
  chairIsSecretary: Type.Boolean(),
});
export type PartyShare = Static<typeof PartyShare>;

export const Committee = Type.Object({
  id: Uuid,
  compoundId: Uuid,
  compoundName: Type.String(),
  communityId: Nullable(Uuid),
  communityName: Nullable(Type.String()),
  subdistrictName: Nullable(Type.String()),
  kind: Type.Enum(committeeKinds),
  name: Type.String(),
  formedOn: Type.String(),
  termStart: Type.String(),
  termEnd: Type.String(),
  status: Type.Enum(committeeStatuses),
  endedOn: Nullable(Type.String()),
  note: Nullable(Type.String()),
  /** Days until the term ends (negative once past). */
  daysToTermEnd: Type.Integer(),
  /** Share of the active members trained in the current term (0..1), null without members. */
  trainedShare: Nullable(Type.Number()),
  party: PartyShare,
  createdAt: Type.String({ format: 'date-time' }),
});
export type Committee = Static<typeof Committee>;

/** A member as the caller may see them: the name masked (王**) without people.roster on the household, the party tag only with people.sensitive. */
export const CommitteeMember = Type.Object({
  id: Uuid,
  residentId: Uuid,
  name: Type.String(),
  householdName: Nullable(Type.String()),
  position: Type.Enum(memberPositions),
  since: Type.String(),
  until: Nullable(Type.String()),
  /** From the party records; absent where the caller may not see party membership. */
  partyMember: Type.Optional(Type.Boolean()),
  branchSecretary: Type.Optional(Type.Boolean()),
  trainings: Type.Integer(),
});
export type CommitteeMember = Static<typeof CommitteeMember>;

export const CommitteeDetail = Type.Object({
  ...Committee.properties,
  members: Type.Array(CommitteeMember),
  partyRuleFrom: Type.String(),
});
export type CommitteeDetail = Committee & { members: CommitteeMember[]; partyRuleFrom: string };

const committeeSorts = ['formedOn', '-formedOn', 'termEnd', '-termEnd', 'name', '-name'] as const;
export const CommitteeFilter = {
  nodeId: Type.Optional(Type.String({ format: 'uuid', description: 'Committees of compounds under this place' })),
  kind: Type.Optional(Type.Enum(committeeKinds)),
  status: Type.Optional(Type.Enum(committeeStatuses)),
  partyShareMet: Type.Optional(Type.Boolean({ description: 'Only committees that meet (true) or miss (false) the ≥ 50 % party share' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the name or the compound' })),
  sort: Type.Optional(Type.Enum(committeeSorts)),
};
export interface CommitteeListFilter {
  nodeId?: string;
  kind?: CommitteeKind;
  status?: CommitteeStatus;
  partyShareMet?: boolean;
  q?: string;
  sort?: (typeof committeeSorts)[number];
}
export const CommitteeListQuery = Type.Object({ ...PageQuery, ...CommitteeFilter });
export const CommitteeExportQuery = Type.Object(CommitteeFilter);
export const CommitteePage = Page(Committee);

export const CreateCommitteeBody = Type.Object({
  compoundId: Uuid,
  kind: Type.Enum(committeeKinds),
  name: Type.Optional(Text(200)),
  formedOn: DateOnly,
  termStart: Type.Optional(DateOnly),
  /** Defaults to five years after the start. */
  termEnd: Type.Optional(DateOnly),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreateCommitteeBody = {
  compoundId: string;
  kind: CommitteeKind;
  name?: string;
  formedOn: string;
  termStart?: string;
  termEnd?: string;
  note?: string;
};

export const EndCommitteeBody = Type.Object({
  status: Type.Union([Type.Literal('expired'), Type.Literal('dissolved')]),
  endedOn: DateOnly,
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type EndCommitteeBody = { status: 'expired' | 'dissolved'; endedOn: string; note?: string };

export const AddMemberBody = Type.Object({
  residentId: Uuid,
  position: Type.Enum(memberPositions),
  since: DateOnly,
});
export type AddMemberBody = { residentId: string; position: MemberPosition; since: string };
export const EndMemberBody = Type.Object({ until: DateOnly });
export type EndMemberBody = Static<typeof EndMemberBody>;

/** Compliance per street (or per community when asked for one street). */
export const ComplianceRow = Type.Object({
  nodeId: Uuid,
  nodeName: Type.String(),
  committees: Type.Integer(),
  ownersCommittees: Type.Integer(),
  propertyManagementCommittees: Type.Integer(),
  /** Committees formed on or after the rule date (the rule applies to them). */
  underRule: Type.Integer(),
  underRuleMet: Type.Integer(),
  partyShareMet: Type.Integer(),
  chairIsSecretary: Type.Integer(),
  members: Type.Integer(),
  partyMembers: Type.Integer(),
  trainedMembers: Type.Integer(),
});
export type ComplianceRow = Static<typeof ComplianceRow>;
export const ComplianceQuery = Type.Object({
  nodeId: Type.Optional(Type.String({ format: 'uuid', description: 'A street: its communities; a county or none: the streets' })),
});
export const ComplianceReport = Type.Object({ partyRuleFrom: Type.String(), rows: Type.Array(ComplianceRow) });
export type ComplianceReport = Static<typeof ComplianceReport>;

export const TermsEndingQuery = Type.Object({
  ...PageQuery,
  nodeId: Type.Optional(Type.String({ format: 'uuid' })),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730, default: 90 })),
});
export const TermsEndingExportQuery = Type.Object({
  nodeId: Type.Optional(Type.String({ format: 'uuid' })),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730, default: 90 })),
});

export const SettingsBody = Type.Object({ partyRuleFrom: DateOnly });
export const Settings = Type.Object({ partyRuleFrom: Type.String() });
export type Settings = Static<typeof Settings>;

// ---- Elections (换届选举)

export const VettingCheck = Type.Object({
  id: Uuid,
  item: Type.Enum(vettingItems),
  passed: Type.Boolean(),
  note: Nullable(Type.String()),
  checkedByName: Nullable(Type.String()),
  checkedAt: Type.String({ format: 'date-time' }),
});
export type VettingCheck = Static<typeof VettingCheck>;

export const Candidate = Type.Object({
  id: Uuid,
  residentId: Uuid,
  name: Type.String(),
  householdName: Nullable(Type.String()),
  position: Type.Enum(memberPositions),
  partyMember: Type.Optional(Type.Boolean()),
  vetting: Type.Enum(vettingStatuses),
  checks: Type.Array(VettingCheck),
  optionNo: Nullable(Type.Integer()),
  elected: Nullable(Type.Boolean()),
  votes: Nullable(Type.Integer()),
  area: Nullable(Type.Number()),
});
export type Candidate = Static<typeof Candidate>;

export const Notice = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('candidates'), Type.Literal('result')]),
  title: Type.String(),
  body: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
});
export type Notice = Static<typeof Notice>;

export const Election = Type.Object({
  id: Uuid,
  compoundId: Uuid,
  compoundName: Type.String(),
  committeeId: Nullable(Uuid),
  committeeName: Nullable(Type.String()),
  kind: Type.Enum(electedKinds),
  title: Type.String(),
  seats: Type.Integer(),
  termYears: Type.Integer(),
  status: Type.Enum(electionStatuses),
  ballotId: Nullable(Uuid),
  newCommitteeId: Nullable(Uuid),
  createdAt: Type.String({ format: 'date-time' }),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  candidates: Type.Integer(),
});
export type Election = Static<typeof Election>;
export const ElectionDetail = Type.Object({
  ...Election.properties,
  candidateList: Type.Array(Candidate),
  notices: Type.Array(Notice),
  /** The ballot's outcome once closed (quorum, turnout by owners and area). */
  result: Nullable(
    Type.Object({
      quorumMet: Type.Boolean(),
      turnout: Type.Number(),
      areaTurnout: Nullable(Type.Number()),
    }),
  ),
});
export type ElectionDetail = Election & {
  candidateList: Candidate[];
  notices: Notice[];
  result: { quorumMet: boolean; turnout: number; areaTurnout: number | null } | null;
};
export const ElectionFilter = {
  nodeId: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Optional(Type.Enum(electionStatuses)),
};
export const ElectionListQuery = Type.Object({ ...PageQuery, ...ElectionFilter });
export const ElectionExportQuery = Type.Object(ElectionFilter);
export const ElectionPage = Page(Election);

export const CreateElectionBody = Type.Object({
  compoundId: Uuid,
  kind: Type.Enum(electedKinds),
  title: Type.Optional(Text(200)),
  seats: Type.Integer({ minimum: 3, maximum: 15 }),
  termYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
});
export type CreateElectionBody = { compoundId: string; kind: ElectedKind; title?: string; seats: number; termYears?: number };
export const AddCandidateBody = Type.Object({ residentId: Uuid, position: Type.Optional(Type.Enum(memberPositions)) });
export type AddCandidateBody = { residentId: string; position?: MemberPosition };
export const VetCandidateBody = Type.Object({
  item: Type.Enum(vettingItems),
  passed: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type VetCandidateBody = { item: VettingItem; passed: boolean; note?: string };
export const OpenVoteBody = Type.Object({
  method: Type.Union([Type.Literal('tally'), Type.Literal('online')]),
  /** Proxies a voter may hold (委托投票). */
  maxProxies: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
});
export type OpenVoteBody = { method: 'tally' | 'online'; maxProxies?: number };

// ---- Training

export const Training = Type.Object({
  id: Uuid,
  nodeId: Uuid,
  nodeName: Type.String(),
  title: Type.String(),
  heldOn: Type.String(),
  placeText: Nullable(Type.String()),
  attendees: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Training = Static<typeof Training>;
export const TrainingFilter = {
  nodeId: Type.Optional(Type.String({ format: 'uuid' })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
};
export const TrainingListQuery = Type.Object({ ...PageQuery, ...TrainingFilter });
export const TrainingExportQuery = Type.Object(TrainingFilter);
export const TrainingPage = Page(Training);
export const CreateTrainingBody = Type.Object({
  nodeId: Uuid,
  title: Text(200),
  heldOn: DateOnly,
  placeText: Type.Optional(Type.String({ maxLength: 200 })),
});
export type CreateTrainingBody = Static<typeof CreateTrainingBody>;
export const AttendanceBody = Type.Object({ memberIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }) });
export type AttendanceBody = Static<typeof AttendanceBody>;
export const Attendee = Type.Object({
  memberId: Uuid,
  name: Type.String(),
  committeeId: Uuid,
  committeeName: Type.String(),
  compoundName: Type.String(),
  position: Type.Enum(memberPositions),
});
export type Attendee = Static<typeof Attendee>;
export const TrainingDetail = Type.Object({ ...Training.properties, attendeeList: Type.Array(Attendee) });
export type TrainingDetail = Training & { attendeeList: Attendee[] };

// ---- Owners' general meetings (业主大会)

export const MatterInput = Type.Object({
  kind: Type.Enum(matterKinds),
  title: Text(200),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const CreateMeetingBody = Type.Object({
  compoundId: Uuid,
  kind: Type.Enum(meetingKinds),
  title: Type.Optional(Text(200)),
  placeText: Type.Optional(Type.String({ maxLength: 200 })),
  voteFrom: DateOnly,
  voteUntil: DateOnly,
  matters: Type.Array(MatterInput, { minItems: 1, maxItems: 20 }),
});
export type CreateMeetingBody = {
  compoundId: string;
  kind: MeetingKind;
  title?: string;
  placeText?: string;
  voteFrom: string;
  voteUntil: string;
  matters: { kind: MatterKind; title: string; description?: string }[];
};
export const PublishNoticeBody = Type.Object({
  /** The day the notice went up on the compound's board (default today); the vote starts ≥ 15 days later. */
  noticeOn: Type.Optional(DateOnly),
});
export type PublishNoticeBody = { noticeOn?: string };
export const PaperBallotBody = Type.Object({
  householdId: Uuid,
  choices: Type.Array(Type.Object({ matterId: Uuid, choice: Type.Enum(matterChoices) }), { minItems: 1, maxItems: 20 }),
});
export type PaperBallotBody = { householdId: string; choices: { matterId: string; choice: MatterChoice }[] };
export const MeetingProxyBody = Type.Object({
  householdId: Uuid,
  proxyName: Type.String({ minLength: 1, maxLength: 50 }),
  /** When the proxy owns another household of the compound: they may vote for it on the phone too. */
  holderHouseholdId: Type.Optional(Uuid),
  /** The authorisation document (授权委托书) uploaded to this meeting first. */
  documentId: Uuid,
});
export type MeetingProxyBody = { householdId: string; proxyName: string; holderHouseholdId?: string; documentId: string };

const Share = Type.Object({ voters: Type.Integer(), area: Type.Number(), share: Type.Number(), areaShare: Nullable(Type.Number()) });
/** A matter's outcome: participation and approval by area and by head (Civil Code Art. 278). */
export const MatterResult = Type.Object({
  rule: Type.Union([Type.Literal('art278_ordinary'), Type.Literal('art278_major')]),
  quorumMet: Type.Boolean(),
  passed: Type.Boolean(),
  roll: Type.Object({ voters: Type.Integer(), area: Type.Number() }),
  cast: Type.Object({ voters: Type.Integer(), area: Type.Number() }),
  /** Share of the roll's households (heads) and of its floor area that took part. */
  turnout: Type.Number(),
  areaTurnout: Type.Number(),
  agree: Share,
  oppose: Share,
  abstain: Share,
  /** Of the ballots cast, how many were paper ballots entered by staff. */
  paper: Type.Integer(),
});
export type MatterResult = Static<typeof MatterResult>;
export const Matter = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  kind: Type.Enum(matterKinds),
  title: Type.String(),
  description: Nullable(Type.String()),
  rule: Type.Union([Type.Literal('art278_ordinary'), Type.Literal('art278_major')]),
  ballotId: Nullable(Uuid),
  result: Nullable(MatterResult),
});
export type Matter = Static<typeof Matter>;
export const Meeting = Type.Object({
  id: Uuid,
  compoundId: Uuid,
  compoundName: Type.String(),
  communityName: Nullable(Type.String()),
  kind: Type.Enum(meetingKinds),
  title: Type.String(),
  convener: Type.Enum(meetingConveners),
  committeeId: Nullable(Uuid),
  committeeName: Nullable(Type.String()),
  status: Type.Enum(meetingStatuses),
  voteFrom: Type.String(),
  voteUntil: Type.String(),
  noticeOn: Nullable(Type.String()),
  matters: Type.Integer(),
  passedMatters: Nullable(Type.Integer()),
  createdAt: Type.String({ format: 'date-time' }),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type Meeting = Static<typeof Meeting>;
export const PaperBallot = Type.Object({
  householdId: Uuid,
  householdName: Type.String(),
  proxyName: Nullable(Type.String()),
  enteredByName: Nullable(Type.String()),
  enteredAt: Type.String({ format: 'date-time' }),
});
export type PaperBallot = Static<typeof PaperBallot>;
export const MeetingProxy = Type.Object({
  id: Uuid,
  householdId: Uuid,
  householdName: Type.String(),
  proxyName: Type.String(),
  holderHouseholdId: Nullable(Uuid),
  holderHouseholdName: Nullable(Type.String()),
  documentId: Uuid,
  documentName: Type.String(),
  registeredByName: Nullable(Type.String()),
  registeredAt: Type.String({ format: 'date-time' }),
});
export type MeetingProxy = Static<typeof MeetingProxy>;
export const MeetingDocument = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  uploadedAt: Type.String({ format: 'date-time' }),
});
export type MeetingDocument = Static<typeof MeetingDocument>;
export const MeetingDetail = Type.Object({
  ...Meeting.properties,
  placeText: Nullable(Type.String()),
  noticeBody: Nullable(Type.String()),
  resultBody: Nullable(Type.String()),
  matterList: Type.Array(Matter),
  paperBallots: Type.Array(PaperBallot),
  proxies: Type.Array(MeetingProxy),
  /** Households on the roll and households that have voted so far (phone and paper), while voting. */
  roll: Nullable(Type.Integer()),
  votedSoFar: Nullable(Type.Integer()),
});
export type MeetingDetail = Meeting & {
  placeText: string | null;
  noticeBody: string | null;
  resultBody: string | null;
  matterList: Matter[];
  paperBallots: PaperBallot[];
  proxies: MeetingProxy[];
  roll: number | null;
  votedSoFar: number | null;
};
export const MeetingFilter = {
  nodeId: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Optional(Type.Enum(meetingStatuses)),
  kind: Type.Optional(Type.Enum(meetingKinds)),
  sort: Type.Optional(
    Type.Union([Type.Literal('createdAt'), Type.Literal('-createdAt'), Type.Literal('voteFrom'), Type.Literal('-voteFrom')]),
  ),
};
export const MeetingListQuery = Type.Object({ ...PageQuery, ...MeetingFilter });
export const MeetingExportQuery = Type.Object(MeetingFilter);
export const MeetingPage = Page(Meeting);
/** A meeting as the compound's residents see it on the phone: the notice, the agenda and, once published, the result. */
export const MyMeeting = Type.Object({
  id: Uuid,
  compoundName: Type.String(),
  kind: Type.Enum(meetingKinds),
  title: Type.String(),
  status: Type.Enum(meetingStatuses),
  voteFrom: Type.String(),
  voteUntil: Type.String(),
  noticeOn: Nullable(Type.String()),
  placeText: Nullable(Type.String()),
  noticeBody: Nullable(Type.String()),
  resultBody: Nullable(Type.String()),
  matters: Type.Array(Matter),
});
export type MyMeeting = Static<typeof MyMeeting>;
export const MyMeetingList = Type.Object({ items: Type.Array(MyMeeting) });

/** Figures for the property KPIs (iface.md). */
export interface CommitteeFigures {
  ownersCommittees: number;
  propertyManagementCommittees: number;
  committeesPartyShareMet: number;
  newCommittees: number;
  newCommitteesPartyShareMet: number;
  termsEndingWithin90Days: number;
  trainedMemberShare: number | null;
}
