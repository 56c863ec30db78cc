import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from './contract.ts';
import { forReporter } from './reporter-view.ts';

const step = (seq: number, action: string, data: Record<string, unknown> = {}, note: string | null = null): TimelineEntry => ({
  seq,
  at: new Date(Date.UTC(2026, 0, 1, 8, seq)).toISOString(),
  actorName: '网格员一',
  action,
  fromStatus: 'resolved',
  toStatus: 'resolved',
  note,
  data,
});

describe('forReporter', () => {
  it('shows the reporter the callbacks that reached them, once each, without the staff’s facts', () => {
    const timeline = [
      step(1, 'resolve', {}, '已修好'),
      step(2, 'callback', { reached: false, satisfaction: null }, '无人接听'),
      step(3, 'callback', { reached: true, satisfaction: 'satisfied' }, '电话回访'),
    ];
    // biome-ignore lint/suspicious/noExplicitAny: only the timeline matters here
    const seen = forReporter({ timeline, result: '已修好', rejectReason: null, extensionReason: null } as any).timeline;
    expect(seen.map((e: TimelineEntry) => [e.seq, e.action, e.actorName, e.note, e.data])).toEqual([
      [1, 'resolve', null, '已修好', {}],
      [3, 'callback', null, null, {}],
    ]);
  });
});
