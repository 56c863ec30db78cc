// The opinion map's enumerations, declared once (pure: the contract, the SQL checks and the web read them).

export const conversationStates = ['open', 'closed'] as const;
export type ConversationState = (typeof conversationStates)[number];

export const statementStatuses = ['pending', 'approved', 'rejected'] as const;
export type StatementStatus = (typeof statementStatuses)[number];

export const authorKinds = ['staff', 'resident'] as const;
export type AuthorKind = (typeof authorKinds)[number];

/**
 * Why a statement was rejected. `excluded_topic`: it falls under the council's 负面清单 (scope list of
 * excluded topic kinds), e.g. matters for the courts or the police; the note names the list entry.
 */
export const rejectReasons = ['excluded_topic', 'off_topic', 'personal_data', 'abusive', 'duplicate', 'other'] as const;
export type RejectReason = (typeof rejectReasons)[number];

export const voteChoices = ['agree', 'disagree', 'pass'] as const;
export type VoteChoice = (typeof voteChoices)[number];
export const voteValue: Record<VoteChoice, 1 | -1 | 0> = { agree: 1, disagree: -1, pass: 0 };
export const voteChoiceOf = (value: number): VoteChoice => (value > 0 ? 'agree' : value < 0 ? 'disagree' : 'pass');

/** Longest statement: a short sentence a resident reads on a phone. */
export const STATEMENT_MAX_LENGTH = 140;
