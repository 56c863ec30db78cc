import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';
import { conversationStates, rejectReasons, STATEMENT_MAX_LENGTH, statementStatuses, voteChoices } from './vocabulary.ts';

// The HTTP contract of the opinion map. Imports only typebox and pure files: the web takes its types from here.

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Time = Type.String({ format: 'date-time' });

export const ConversationState = Type.Enum([...conversationStates]);
export const StatementStatus = Type.Enum([...statementStatuses]);
export const RejectReason = Type.Enum([...rejectReasons]);
export const VoteChoice = Type.Enum([...voteChoices]);

// ---- Conversations (staff)

export const Conversation = Type.Object({
  id: Uuid,
  nodeId: Uuid,
  nodeName: Type.String(),
  topicId: Nullable(Uuid),
  title: Type.String(),
  description: Nullable(Type.String()),
  state: ConversationState,
  createdAt: Time,
  closedAt: Nullable(Time),
  /** Approved statements (those residents vote on), statements awaiting moderation, participants, votes. */
  statementCount: Type.Integer(),
  pendingCount: Type.Integer(),
  participantCount: Type.Integer(),
  voteCount: Type.Integer(),
});
export type Conversation = Static<typeof Conversation>;

export const conversationSorts = ['createdAt', '-createdAt', 'title', '-title'] as const;
export const ConversationFilter = {
  nodeId: Type.Optional(Type.String({ format: 'uuid', description: 'Conversations of this place and the places under it' })),
  state: Type.Optional(ConversationState),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(Type.Enum([...conversationSorts])),
};
export const ConversationListQuery = Type.Object({ ...PageQuery, ...ConversationFilter });
export type ConversationListQuery = Static<typeof ConversationListQuery>;
export const ConversationExportQuery = Type.Object(ConversationFilter);
export const ConversationPage = Page(Conversation);

const StatementText = Type.String({ minLength: 1, maxLength: STATEMENT_MAX_LENGTH });

export const CreateConversationBody = Type.Object({
  nodeId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  topicId: Type.Optional(Type.String({ format: 'uuid', description: 'The deliberation topic this conversation informs' })),
  statements: Type.Optional(Type.Array(StatementText, { maxItems: 50, description: 'Seed statements, approved at once' })),
});
export type CreateConversationBody = Static<typeof CreateConversationBody>;

// ---- Statements (staff)

export const Statement = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  body: Type.String(),
  authorKind: Type.Enum(['staff', 'resident']),
  status: StatementStatus,
  rejectReason: Nullable(RejectReason),
  moderationNote: Nullable(Type.String()),
  createdAt: Time,
  moderatedAt: Nullable(Time),
  agree: Type.Integer(),
  disagree: Type.Integer(),
  pass: Type.Integer(),
});
export type Statement = Static<typeof Statement>;

export const statementSorts = ['createdAt', '-createdAt', 'votes', '-votes'] as const;
export const StatementFilter = {
  status: Type.Optional(StatementStatus),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the statement' })),
  sort: Type.Optional(Type.Enum([...statementSorts])),
};
export const StatementListQuery = Type.Object({ ...PageQuery, ...StatementFilter });
export type StatementListQuery = Static<typeof StatementListQuery>;
export const StatementExportQuery = Type.Object(StatementFilter);
export const StatementPage = Page(Statement);

export const AddStatementBody = Type.Object({ body: StatementText });
export type AddStatementBody = Static<typeof AddStatementBody>;

export const ModerateStatementBody = Type.Object({
  decision: Type.Enum(['approve', 'reject']),
  reason: Type.Optional(RejectReason),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ModerateStatementBody = Static<typeof ModerateStatementBody>;

// ---- The map

const StatementRef = { statementId: Uuid, body: Type.String(), direction: Type.Enum(['agree', 'disagree']) };

export const RepresentativeItem = Type.Object({
  ...StatementRef,
  groupShare: Type.Number({ description: 'share of the group voting that way (smoothed)' }),
  otherShare: Type.Number({ description: 'share of everyone else voting that way (smoothed)' }),
  z: Type.Number(),
});
export const ConsensusItem = Type.Object({
  ...StatementRef,
  score: Type.Number({ description: 'group-informed consensus: the product of the groups’ shares' }),
  groupShares: Type.Array(Type.Number()),
});
export const MapGroup = Type.Object({
  index: Type.Integer(),
  size: Type.Integer(),
  centroid: Type.Array(Type.Number()),
  representative: Type.Array(RepresentativeItem),
});
export type MapGroup = Static<typeof MapGroup>;

const MapSummary = {
  conversationId: Uuid,
  status: Type.Enum(['ready', 'insufficient']),
  computedAt: Time,
  eligibleParticipants: Type.Integer({ description: 'participants with enough votes to be placed' }),
  neededParticipants: Type.Integer(),
  minVotes: Type.Integer(),
  statementCount: Type.Integer(),
  k: Type.Integer({ description: 'number of groups (0 when there is no map)' }),
  silhouette: Type.Number(),
  explainedVariance: Type.Array(Type.Number()),
  groups: Type.Array(MapGroup),
  consensus: Type.Array(ConsensusItem),
};

/** The map as the council sees it: participants by number within the conversation, never by name. */
export const OpinionMapView = Type.Object({
  ...MapSummary,
  points: Type.Array(Type.Object({ number: Type.Integer(), x: Type.Number(), y: Type.Number(), group: Type.Integer() })),
});
export type OpinionMapView = Static<typeof OpinionMapView>;

// ---- Residents

export const MyConversation = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Nullable(Type.String()),
  nodeName: Type.String(),
  state: ConversationState,
  statementCount: Type.Integer(),
  votedCount: Type.Integer(),
});
export type MyConversation = Static<typeof MyConversation>;
export const MyConversationList = Type.Object({ items: Type.Array(MyConversation) });

export const StatementsToVote = Type.Object({
  items: Type.Array(Type.Object({ id: Uuid, body: Type.String() })),
  remaining: Type.Integer({ description: 'approved statements not yet voted on' }),
  voted: Type.Integer(),
});
export type StatementsToVote = Static<typeof StatementsToVote>;

export const VoteBody = Type.Object({ value: VoteChoice });
export type VoteBody = Static<typeof VoteBody>;
export const VoteResult = Type.Object({ statementId: Uuid, value: VoteChoice, voted: Type.Integer() });
export type VoteResult = Static<typeof VoteResult>;

export const WrittenStatement = Type.Object({ id: Uuid, body: Type.String(), status: StatementStatus });
export type WrittenStatement = Static<typeof WrittenStatement>;

/** Where the caller stands: their own point and group; the others only as anonymous dots. */
export const MyPosition = Type.Object({
  ...MapSummary,
  votes: Type.Integer({ description: 'the caller’s votes in this conversation' }),
  me: Nullable(Type.Object({ x: Type.Number(), y: Type.Number(), group: Type.Integer() })),
  points: Type.Array(Type.Object({ x: Type.Number(), y: Type.Number(), group: Type.Integer() })),
});
export type MyPosition = Static<typeof MyPosition>;
