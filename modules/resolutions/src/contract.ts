import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of resolutions. Imports only typebox and pure files: the web takes its types from here.

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

export const resolutionStatuses = ['in_progress', 'completed', 'cancelled'] as const;
export const ResolutionStatus = Type.Union([Type.Literal('in_progress'), Type.Literal('completed'), Type.Literal('cancelled')]);
export type ResolutionStatus = Static<typeof ResolutionStatus>;
export const memberKinds = ['elder_sage', 'building_leader', 'resident_rep'] as const;
export const MemberKind = Type.Union([Type.Literal('elder_sage'), Type.Literal('building_leader'), Type.Literal('resident_rep')]);
export const Satisfaction = Type.Union([Type.Literal('satisfied'), Type.Literal('basically_satisfied'), Type.Literal('dissatisfied')]);
export type Satisfaction = Static<typeof Satisfaction>;
export const Quality = Type.Union([Type.Literal('good'), Type.Literal('fair'), Type.Literal('poor')]);
export const IdeaKind = Type.Union([Type.Literal('good_opinion'), Type.Literal('golden_idea')]);

export const Resolution = Type.Object({
  id: Uuid,
  nodeId: Uuid,
  nodeName: Type.String(),
  nodeKind: Type.String(),
  committeeId: Nullable(Uuid),
  title: Type.String(),
  content: Nullable(Type.String()),
  topicId: Nullable(Uuid),
  meetingId: Nullable(Uuid),
  demandIds: Type.Array(Uuid),
  proposedRule: Nullable(Type.String()),
  status: ResolutionStatus,
  progress: Type.Integer(),
  decidedOn: Type.String(),
  completedAt: Nullable(Type.String()),
  taskCount: Type.Integer(),
  nextDeadline: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Resolution = Static<typeof Resolution>;

export const Milestone = Type.Object({
  id: Uuid,
  note: Type.String(),
  progress: Type.Integer(),
  photoIds: Type.Array(Uuid),
  recordedAt: Type.String(),
});
export type Milestone = Static<typeof Milestone>;

export const Task = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  title: Type.String(),
  ownerKind: Type.Union([Type.Literal('unit'), Type.Literal('person')]),
  ownerName: Type.String(),
  ownerMemberId: Nullable(Uuid),
  deadline: Type.String(),
  fundingNote: Nullable(Type.String()),
  progress: Type.Integer(),
  milestones: Type.Array(Milestone),
});
export type Task = Static<typeof Task>;

export const Evaluation = Type.Object({
  id: Uuid,
  month: Type.String(),
  dueOn: Type.String(),
  memberName: Nullable(Type.String()),
  progress: Nullable(Type.Integer()),
  quality: Nullable(Quality),
  satisfaction: Nullable(Satisfaction),
  comment: Nullable(Type.String()),
  photoIds: Type.Array(Uuid),
  evaluatedAt: Nullable(Type.String()),
  state: Type.Union([Type.Literal('due'), Type.Literal('late'), Type.Literal('on_time'), Type.Literal('evaluated_late')]),
});
export type Evaluation = Static<typeof Evaluation>;

export const ResolutionDetail = Type.Object({
  ...Resolution.properties,
  tasks: Type.Array(Task),
  evaluations: Type.Array(Evaluation),
  survey: Type.Object({ answers: Type.Integer(), satisfactionRate: Nullable(Type.Number()) }),
});
export type ResolutionDetail = Static<typeof ResolutionDetail>;

export const ResolutionFilter = {
  nodeId: Type.Optional(Uuid),
  status: Type.Optional(ResolutionStatus),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(
    Type.Union([
      Type.Literal('decidedOn'),
      Type.Literal('-decidedOn'),
      Type.Literal('progress'),
      Type.Literal('-progress'),
      Type.Literal('title'),
      Type.Literal('-title'),
    ]),
  ),
};
export const ResolutionListQuery = Type.Object({ ...PageQuery, ...ResolutionFilter });
export type ResolutionListQuery = Static<typeof ResolutionListQuery>;
export const ResolutionExportQuery = Type.Object(ResolutionFilter);
export const ResolutionPage = Page(Resolution);

export const TaskInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  ownerKind: Type.Union([Type.Literal('unit'), Type.Literal('person')]),
  ownerName: Type.String({ minLength: 1, maxLength: 100 }),
  ownerAccountId: Type.Optional(Uuid),
  ownerMemberId: Type.Optional(Uuid),
  deadline: DateOnly,
  fundingNote: Type.Optional(Type.String({ maxLength: 500 })),
});
export type TaskInput = Static<typeof TaskInput>;

export const CreateResolutionBody = Type.Object({
  nodeId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  content: Type.Optional(Type.String({ maxLength: 5000 })),
  decidedOn: Type.Optional(DateOnly),
  topicId: Type.Optional(Uuid),
  meetingId: Type.Optional(Uuid),
  demandIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  proposedRule: Type.Optional(Type.String({ maxLength: 2000, description: '从一个问题到一项机制: the rule proposed for the station' })),
  tasks: Type.Array(TaskInput, { minItems: 1, maxItems: 30 }),
});
export type CreateResolutionBody = Static<typeof CreateResolutionBody>;

export const RecordProgressBody = Type.Object({
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  note: Type.String({ minLength: 1, maxLength: 1000 }),
  photoIds: Type.Optional(Type.Array(Uuid, { maxItems: 9 })),
});
export type RecordProgressBody = Static<typeof RecordProgressBody>;

export const Photo = Type.Object({ id: Uuid, fileName: Type.String(), contentType: Type.String(), size: Type.Integer() });
export type Photo = Static<typeof Photo>;

export const CommitteeMember = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: MemberKind,
  hasAccount: Type.Boolean(),
  active: Type.Boolean(),
});
export type CommitteeMember = Static<typeof CommitteeMember>;

export const Committee = Type.Object({
  id: Uuid,
  nodeId: Uuid,
  nodeName: Type.String(),
  name: Type.String(),
  members: Type.Array(CommitteeMember),
  openResolutions: Type.Integer(),
});
export type Committee = Static<typeof Committee>;
export const CommitteeList = Type.Object({ items: Type.Array(Committee) });
export const CommitteeQuery = Type.Object({ nodeId: Type.Optional(Uuid) });

export const CreateCommitteeBody = Type.Object({
  nodeId: Uuid,
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export type CreateCommitteeBody = Static<typeof CreateCommitteeBody>;

export const AddMemberBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  kind: MemberKind,
  accountId: Type.Optional(Uuid),
});
export type AddMemberBody = Static<typeof AddMemberBody>;

export const ScheduleBody = Type.Object({ month: Month });
export const ScheduleResult = Type.Object({ scheduled: Type.Integer(), alreadyScheduled: Type.Integer() });

export const EvaluateBody = Type.Object({
  month: Month,
  memberId: Uuid,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  quality: Quality,
  satisfaction: Satisfaction,
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
  photoIds: Type.Optional(Type.Array(Uuid, { maxItems: 9 })),
});
export type EvaluateBody = Static<typeof EvaluateBody>;

/** An evaluation the caller owes as a member of a committee: this month's, or an earlier month's still missing. */
export const DueEvaluation = Type.Object({
  resolutionId: Uuid,
  title: Type.String(),
  nodeName: Type.String(),
  progress: Type.Integer({ description: 'The resolution’s progress now' }),
  month: Type.String({ description: 'YYYY-MM' }),
  dueOn: Type.String({ description: 'YYYY-MM-DD' }),
  state: Evaluation.properties.state,
  evaluatedAt: Nullable(Type.String()),
  committeeName: Type.String(),
  memberId: Type.String({ format: 'uuid', description: 'The caller’s own seat on the committee: the memberId to evaluate with' }),
  ownsTask: Type.Boolean({ description: 'The caller owns a task of the resolution, so may not evaluate it' }),
});
export type DueEvaluation = Static<typeof DueEvaluation>;
export const DueEvaluationList = Type.Object({ items: Type.Array(DueEvaluation) });
export type DueEvaluationList = Static<typeof DueEvaluationList>;

export const MonthGridQuery = Type.Object({ nodeId: Type.Optional(Uuid), from: Month, to: Month });
export const MonthGridRow = Type.Object({
  resolutionId: Uuid,
  title: Type.String(),
  nodeName: Type.String(),
  status: ResolutionStatus,
  cells: Type.Array(Type.Object({ month: Type.String(), state: Evaluation.properties.state, evaluationId: Uuid })),
});
export const MonthGrid = Type.Object({ months: Type.Array(Type.String()), rows: Type.Array(MonthGridRow) });
export type MonthGrid = Static<typeof MonthGrid>;

export const LateEvaluation = Type.Object({
  evaluationId: Uuid,
  resolutionId: Uuid,
  title: Type.String(),
  nodeName: Type.String(),
  committeeName: Type.String(),
  month: Type.String(),
  dueOn: Type.String(),
  daysLate: Type.Integer(),
});
export type LateEvaluation = Static<typeof LateEvaluation>;
export const LateList = Type.Object({ items: Type.Array(LateEvaluation) });

export const PublishBody = Type.Object({
  nodeId: Uuid,
  month: Month,
  objectionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30, default: 7 })),
});
export type PublishBody = Static<typeof PublishBody>;

export const NoticeEntry = Type.Object({
  resolutionId: Uuid,
  title: Type.String(),
  nodeName: Type.String(),
  status: ResolutionStatus,
  progress: Type.Integer(),
  evaluation: Nullable(
    Type.Object({
      progress: Nullable(Type.Integer()),
      quality: Nullable(Quality),
      satisfaction: Nullable(Satisfaction),
      comment: Nullable(Type.String()),
    }),
  ),
});
export type NoticeEntry = Static<typeof NoticeEntry>;

export const Publication = Type.Object({
  id: Uuid,
  nodeId: Uuid,
  nodeName: Type.String(),
  month: Type.String(),
  publishedAt: Type.String(),
  objectionUntil: Type.String(),
  open: Type.Boolean(),
  objections: Type.Integer(),
  entries: Type.Array(NoticeEntry),
});
export type Publication = Static<typeof Publication>;
export const PublicationList = Type.Object({ items: Type.Array(Publication) });
/** A place's notices on its public page: the place's name and the notices (newest first), each with its printable PDF. */
export const PublicNotices = Type.Object({
  placeName: Type.String(),
  items: Type.Array(Type.Object({ ...Publication.properties, pdfUrl: Type.String() })),
});
export type PublicNotices = Static<typeof PublicNotices>;
export const PublicationQuery = Type.Object({ nodeId: Type.Optional(Uuid) });

export const ObjectBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 1000 }),
  resolutionId: Type.Optional(Uuid),
});
export const Objection = Type.Object({
  id: Uuid,
  publicationId: Uuid,
  resolutionId: Nullable(Uuid),
  text: Type.String(),
  createdAt: Type.String(),
});
export const ObjectionList = Type.Object({ items: Type.Array(Objection) });

export const SurveyBody = Type.Object({ satisfaction: Satisfaction });

export const IdeaBody = Type.Object({
  nodeId: Uuid,
  kind: IdeaKind,
  text: Type.String({ minLength: 1, maxLength: 2000 }),
  resolutionId: Type.Optional(Uuid),
});
export const Idea = Type.Object({
  id: Uuid,
  nodeName: Type.String(),
  kind: IdeaKind,
  text: Type.String(),
  resolutionTitle: Nullable(Type.String()),
  reportedOn: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Idea = Static<typeof Idea>;
export const IdeaList = Type.Object({ items: Type.Array(Idea) });
export const IdeaReportQuery = Type.Object({ nodeId: Type.Optional(Uuid), markReported: Type.Optional(Type.Boolean()) });

export const Figures = Type.Object({
  resolutions: Type.Integer(),
  completed: Type.Integer(),
  completionRate: Nullable(Type.Number()),
  satisfactionRate: Nullable(Type.Number()),
  daysDecisionToCompletion: Nullable(Type.Number()),
  evaluationsOnTime: Nullable(Type.Number()),
});
export type Figures = Static<typeof Figures>;
export const FiguresQuery = Type.Object({ nodeId: Type.Optional(Uuid), from: DateOnly, to: DateOnly });
export const QuarterlyQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
export const QuarterlyRow = Type.Object({
  subdistrictId: Uuid,
  subdistrictName: Type.String(),
  quarter: Type.Integer(),
  ...Figures.properties,
});
export const QuarterlyFigures = Type.Object({ items: Type.Array(QuarterlyRow) });

export type CommitteeList = Static<typeof CommitteeList>;
export type LateList = Static<typeof LateList>;
export type PublicationList = Static<typeof PublicationList>;
export type IdeaList = Static<typeof IdeaList>;
export type ObjectionList = Static<typeof ObjectionList>;
export type QuarterlyFigures = Static<typeof QuarterlyFigures>;
export type ScheduleResult = Static<typeof ScheduleResult>;
