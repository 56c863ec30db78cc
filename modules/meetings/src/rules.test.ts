import { describe, expect, it } from 'vitest';
import {
  allows,
  canAddMember,
  canMoveMotion,
  checkInCode,
  checkTurn,
  decideVote,
  defaultSize,
  nextStance,
  quorumMet,
  quorumNeeded,
  sizeAllowsMeeting,
  type TurnRecord,
  turnsLeft,
  votesFit,
} from './rules.ts';

describe('council size', () => {
  it('gives a community council 5 to 9 members and other councils no fixed size', () => {
    expect(defaultSize('community', 'council')).toEqual({ min: 5, max: 9 });
    expect(defaultSize('compound', 'council')).toEqual({ min: null, max: null });
    expect(defaultSize('community', 'joint_meeting')).toEqual({ min: null, max: null });
  });
  it('refuses a tenth member and a meeting with fewer than five', () => {
    expect(canAddMember(8, 9)).toBe(true);
    expect(canAddMember(9, 9)).toBe(false);
    expect(canAddMember(40, null)).toBe(true);
    expect(sizeAllowsMeeting(4, 5)).toBe(false);
    expect(sizeAllowsMeeting(5, 5)).toBe(true);
    expect(sizeAllowsMeeting(0, null)).toBe(false);
  });
});

describe('quorum', () => {
  it('needs more than half with the default 51 %', () => {
    expect(quorumNeeded(5, 51)).toBe(3);
    expect(quorumNeeded(6, 51)).toBe(4);
    expect(quorumNeeded(9, 51)).toBe(5);
    expect(quorumMet(2, 5, 51)).toBe(false);
    expect(quorumMet(3, 5, 51)).toBe(true);
  });
  it('needs two thirds with 67 %, and always at least one person', () => {
    expect(quorumNeeded(9, 67)).toBe(7);
    expect(quorumNeeded(0, 51)).toBe(1);
  });
});

describe('meeting states', () => {
  it('opens only a published meeting and takes motions only while open', () => {
    expect(allows('published', 'open')).toBe(true);
    expect(allows('draft', 'open')).toBe(false);
    expect(allows('open', 'motion')).toBe(true);
    expect(allows('closed', 'motion')).toBe(false);
    expect(allows('closed', 'checkIn')).toBe(false);
    expect(allows('closed', 'minutes')).toBe(true);
  });
});

describe("simplified Robert's rules", () => {
  const turns: TurnRecord[] = [
    { speaker: 'a', stance: 'for' },
    { speaker: 'b', stance: 'against' },
  ];
  it('alternates for and against', () => {
    expect(checkTurn(true, [], { speaker: 'a', stance: 'against' })).toBeNull();
    expect(checkTurn(true, turns, { speaker: 'c', stance: 'against' })).toBe('must_alternate');
    expect(checkTurn(true, turns, { speaker: 'c', stance: 'for' })).toBeNull();
    expect(nextStance(turns)).toBe('for');
    expect(nextStance([])).toBeNull();
  });
  it('lets the same side speak again only when the chair confirms nobody opposes', () => {
    expect(checkTurn(true, turns, { speaker: 'c', stance: 'against' }, true)).toBeNull();
  });
  it('limits each person to two turns per motion', () => {
    const three: TurnRecord[] = [...turns, { speaker: 'a', stance: 'for' }];
    expect(turnsLeft(three, 'a')).toBe(0);
    expect(turnsLeft(three, 'b')).toBe(1);
    expect(checkTurn(true, [...three, { speaker: 'b', stance: 'against' }], { speaker: 'a', stance: 'for' })).toBe('turn_limit');
  });
  it('takes no turn without an open motion, and one motion at a time', () => {
    expect(checkTurn(false, [], { speaker: 'a', stance: 'for' })).toBe('no_open_motion');
    expect(canMoveMotion(0)).toBe(true);
    expect(canMoveMotion(1)).toBe(false);
  });
  it('decides by the majority of votes cast; a tie fails', () => {
    expect(decideVote({ for: 5, against: 3, abstain: 4 })).toBe('adopted');
    expect(decideVote({ for: 4, against: 4 })).toBe('rejected');
    expect(decideVote({ for: 1, against: 6 })).toBe('rejected');
    expect(votesFit({ for: 5, against: 3, abstain: 1 }, 9)).toBe(true);
    expect(votesFit({ for: 5, against: 5 }, 9)).toBe(false);
  });
  it('makes six-digit check-in codes', () => {
    expect(checkInCode(() => 0.000123)).toBe('000123');
    expect(checkInCode(() => 0.999999)).toMatch(/^\d{6}$/);
  });
});
