/**
 * The rules of councils and meetings, as pure functions (no database), each unit-tested:
 * council size, quorum, the meeting's states, and simplified Robert's rules as practised in 南塘 —
 * a motion first, a neutral chair, one motion at a time, speakers alternate for and against, about
 * two minutes a turn, at most two turns per person per motion, and the majority decides.
 */

export const councilLevels = ['compound', 'community', 'subdistrict', 'county'] as const;
export type CouncilLevel = (typeof councilLevels)[number];
export const councilKinds = ['council', 'joint_meeting', 'owners_meeting'] as const;
export type CouncilKind = (typeof councilKinds)[number];
export const seatRoles = [
  'party_branch',
  'owners_committee',
  'property_company',
  'representative',
  'elder',
  'resident_group_leader',
  'street_committee',
  'department',
  'member',
] as const;
export type SeatRole = (typeof seatRoles)[number];
export const meetingStatuses = ['draft', 'published', 'open', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const inviteeKinds = ['member', 'flexible', 'adviser', 'observer'] as const;
export type InviteeKind = (typeof inviteeKinds)[number];
export const itemOutcomes = ['adopted', 'rejected', 'deferred', 'noted'] as const;
export type ItemOutcome = (typeof itemOutcomes)[number];
export type Stance = 'for' | 'against';

/** The territory level of each council level (a compound council sits on a compound …). */
export const nodeKindOfLevel: Record<CouncilLevel, string> = {
  compound: 'compound',
  community: 'community',
  subdistrict: 'subdistrict',
  county: 'county',
};

/** The seat roles a community council draws on: 两代表一委员, 五老乡贤, owners' committees, resident group leaders. */
export const communityCouncilRoles: readonly SeatRole[] = ['representative', 'elder', 'owners_committee', 'resident_group_leader'];
/** The permanent seats of a compound council (小区议事会): party branch, owners' committee, property company. */
export const compoundPermanentRoles: readonly SeatRole[] = ['party_branch', 'owners_committee', 'property_company'];

/** Default size of a council: a community council has 5 to 9 members; others have no fixed size. */
export function defaultSize(level: CouncilLevel, kind: CouncilKind): { min: number | null; max: number | null } {
  if (level === 'community' && kind === 'council') return { min: 5, max: 9 };
  return { min: null, max: null };
}

/** Whether one more member may take a seat: refused when the council is full. */
export function canAddMember(current: number, max: number | null): boolean {
  return max === null || current + 1 <= max;
}

/** Whether a council may meet: it has at least its minimum number of members. */
export function sizeAllowsMeeting(members: number, min: number | null): boolean {
  return min === null ? members >= 1 : members >= min;
}

/** Members needed present to open: at least quorum_percent of the members (51 % → more than half), and at least one. */
export function quorumNeeded(members: number, percent: number): number {
  return Math.max(1, Math.ceil((members * percent) / 100));
}

export function quorumMet(present: number, members: number, percent: number): boolean {
  return present >= quorumNeeded(members, percent);
}

/** Which meeting actions each state allows. */
export const meetingActions = {
  edit: ['draft'],
  invite: ['draft', 'published', 'open'],
  publish: ['draft'],
  remind: ['published'],
  checkIn: ['published', 'open'],
  open: ['published'],
  motion: ['open'],
  minutes: ['open', 'closed'],
  close: ['open'],
  cancel: ['draft', 'published'],
} as const satisfies Record<string, readonly MeetingStatus[]>;
export type MeetingAction = keyof typeof meetingActions;

export function allows(status: MeetingStatus, action: MeetingAction): boolean {
  return (meetingActions[action] as readonly MeetingStatus[]).includes(status);
}

// ---- Simplified Robert's rules (南塘议事规则) ----

/** About two minutes a turn; the timer warns at the limit, the chair ends the turn. */
export const TURN_SECONDS = 120;
/** Each person speaks at most twice on one motion. */
export const TURNS_PER_PERSON = 2;

export interface TurnRecord {
  speaker: string;
  stance: Stance;
}

export type TurnRefusal = 'no_open_motion' | 'turn_limit' | 'must_alternate';

/**
 * Whether `speaker` may take the floor on the open motion with `stance`, given the turns so far.
 * Speakers alternate for and against; the same side may speak twice in a row only when the chair
 * confirms nobody of the other side asks for the floor (`noOpposingSpeaker`).
 */
export function checkTurn(
  motionOpen: boolean,
  turns: readonly TurnRecord[],
  next: TurnRecord,
  noOpposingSpeaker = false,
): TurnRefusal | null {
  if (!motionOpen) return 'no_open_motion';
  if (turns.filter((t) => t.speaker === next.speaker).length >= TURNS_PER_PERSON) return 'turn_limit';
  const last = turns[turns.length - 1];
  if (last && last.stance === next.stance && !noOpposingSpeaker) return 'must_alternate';
  return null;
}

/** The stance the floor goes to next: the other side of the last turn (none yet: either). */
export function nextStance(turns: readonly TurnRecord[]): Stance | null {
  const last = turns[turns.length - 1];
  if (!last) return null;
  return last.stance === 'for' ? 'against' : 'for';
}

/** Turns a speaker still has on the motion. */
export function turnsLeft(turns: readonly TurnRecord[], speaker: string): number {
  return Math.max(0, TURNS_PER_PERSON - turns.filter((t) => t.speaker === speaker).length);
}

/** Whether a new motion may be moved: only when no other motion is open (one motion at a time). */
export function canMoveMotion(openMotions: number): boolean {
  return openMotions === 0;
}

/** Majority of those voting decides; a tie is not a majority, so the motion fails. */
export function decideVote(votes: { for: number; against: number; abstain?: number }): 'adopted' | 'rejected' {
  return votes.for > votes.against ? 'adopted' : 'rejected';
}

/** Votes cannot exceed the people present. */
export function votesFit(votes: { for: number; against: number; abstain?: number }, present: number): boolean {
  return votes.for + votes.against + (votes.abstain ?? 0) <= present;
}

/** A six-digit check-in code from a random source (the caller passes randomInt). */
export function checkInCode(random: () => number): string {
  return String(Math.floor(random() * 1_000_000)).padStart(6, '0');
}
