import { demandStatuses } from '@linli/demands';
import { describe, expect, it } from 'vitest';
import type { RequestRecord } from './open311.repository.ts';
import { MAX_TEXT, open311Status, presentRequest, presentUpdate, statusesOf, statusNotes, w3cDateTime } from './present.ts';

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

  it('rounds a deadline up to the whole second, so expected_datetime is never before the stored deadline', () => {
    expect(w3cDateTime(new Date('2026-05-01T16:30:05.700Z'), { deadline: true })).toBe('2026-05-02T00:30:06+08:00');
    expect(w3cDateTime(new Date('2026-05-01T16:30:05.000Z'), { deadline: true })).toBe('2026-05-02T00:30:05+08:00');
    const due = new Date('2026-05-08T09:59:59.700Z');
    const shown = presentRequest(record({ resolveDueAt: due })).expected_datetime as string;
    expect(new Date(shown).getTime()).toBe(Math.ceil(due.getTime() / 1000) * 1000);
    expect(new Date(shown).getTime()).toBeGreaterThanOrEqual(due.getTime());
  });

  it('masks personal data in every free text and never sends more than 4,000 characters', () => {
    const r = presentRequest(
      record({
        description: `王小明电话13912340004，身份证370785200002298763，3号楼2单元501${'很'.repeat(5000)}`,
        status: 'resolved',
        result: '已联系王小明（0536-2345678）',
        open311Address: '人民大街1234号5号楼1单元302室，联系人李四',
      }),
    );
    const text = JSON.stringify(r);
    for (const secret of ['王小明', '13912340004', '370785200002298763', '2345678', '李四', '单元302']) expect(text).not.toContain(secret);
    expect([...(r.description as string)]).toHaveLength(MAX_TEXT);
    expect(r.status_notes).toBe('已联系王**（0536-****678）');
    const u = presentUpdate({
      number: '2026-000001',
      seq: 5,
      at: new Date(),
      action: 'resolve',
      toStatus: 'resolved',
      note: '已联系王小明，电话13912340004',
      mediaUrl: null,
      reporterName: '王小明',
    });
    expect(u.description).toBe('Resolved: 已联系王**，电话139****0004');
  });
});

function record(over: Partial<RequestRecord>): RequestRecord {
  return {
    id: '01900000-0000-7000-8000-000000000001',
    number: '2026-000001',
    status: 'in_progress',
    description: '路灯坏了',
    result: null,
    rejectReason: null,
    mergedIntoNumber: null,
    serviceCode: 'street_light',
    serviceName: '路灯照明',
    agency: null,
    submittedAt: new Date('2026-05-01T00:00:00Z'),
    updatedAt: new Date('2026-05-01T00:00:00Z'),
    resolveDueAt: new Date('2026-05-08T00:00:00Z'),
    lat: null,
    lng: null,
    open311Address: null,
    placeId: '01900000-0000-7000-8000-000000000002',
    placeNames: ['朝阳街道', '秦家岭社区'],
    mediaUrl: null,
    reporterName: '王小明',
    ...over,
  };
}
