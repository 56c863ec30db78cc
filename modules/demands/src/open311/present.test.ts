import { describe, expect, it } from 'vitest';
import { demandStatuses } from '../state-machine.ts';
import { open311Status, statusesOf, statusNotes, w3cDateTime } from './present.ts';

describe('Open311 presentation', () => {
  it('maps every internal state to open or closed, and back for the filter', () => {
    expect(demandStatuses.every((s) => open311Status[s] === 'open' || open311Status[s] === 'closed')).toBe(true);
    expect(statusesOf('open').sort()).toEqual(['accepted', 'dispatched', 'in_progress', 'returned', 'submitted']);
    expect([...statusesOf('open'), ...statusesOf('closed')].sort()).toEqual([...demandStatuses].sort());
  });

  it('writes status notes from the result, the rejection reason or the duplicate', () => {
    const base = { result: null, rejectReason: null, mergedIntoNumber: null };
    expect(statusNotes({ ...base, status: 'resolved', result: '已修好' })).toBe('已修好');
    expect(statusNotes({ ...base, status: 'rejected', rejectReason: '不属于本县' })).toBe('Not accepted: 不属于本县');
    expect(statusNotes({ ...base, status: 'merged', mergedIntoNumber: '2026-000007' })).toBe('Duplicate of request 2026-000007');
    expect(statusNotes({ ...base, status: 'in_progress' })).toBe('In progress');
  });

  it('writes W3C times in China Standard Time', () => {
    expect(w3cDateTime(new Date('2026-05-01T16:30:05.123Z'))).toBe('2026-05-02T00:30:05+08:00');
  });
});
