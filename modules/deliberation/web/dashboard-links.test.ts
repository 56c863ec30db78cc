import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { daysOfMonth, href, monthsOf } from './dashboard-links.ts';
import { topicFiltersOf, topicFiltersParams } from './topic-filters.ts';

describe('the dashboard links', () => {
  it('name only the filters that have a value', () => {
    expect(href('/deliberation')).toBe('/deliberation');
    expect(href('/deliberation', { status: 'excluded', level: undefined, nodeId: '' })).toBe('/deliberation?status=excluded');
    expect(href('/meetings', { placeName: '朝阳街道', from: '2026-01-01' })).toBe(
      `/meetings?placeName=${encodeURIComponent('朝阳街道')}&from=2026-01-01`,
    );
  });

  it('open the topic pool with the filters they name, and the pool writes them back the same', () => {
    const filters = topicFiltersOf(
      new URLSearchParams(href('/deliberation', { status: 'excluded', level: 'community', redProject: 'true' }).split('?')[1]),
    );
    expect(filters).toEqual({ status: 'excluded', level: 'community', redProject: true });
    expect(topicFiltersParams(filters).toString()).toBe('status=excluded&level=community&redProject=true');
    // Unknown words are left out rather than sent to the server (which would refuse the whole list).
    expect(topicFiltersOf(new URLSearchParams('status=nonsense&level=city&overdue=1&q=%20路灯%20'))).toEqual({ q: '路灯' });
  });
});

describe('the months of a period', () => {
  it('are every month from the first to the last, zero where the server has no figures, the month under way marked', () => {
    const months = monthsOf(
      '2026-01-15',
      '2026-04-03',
      [{ month: '2026-02', meetings: 3, topicsCollected: 2, topicsResolved: 1 }],
      dayjs('2026-04-03'),
    );
    expect(months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(months[1]).toEqual({ month: '2026-02', meetings: 3, topicsCollected: 2, topicsResolved: 1, partial: false });
    expect(months[0]).toMatchObject({ meetings: 0, topicsCollected: 0, topicsResolved: 0 });
    expect(months.map((m) => m.partial)).toEqual([false, false, false, true]);
  });

  it('past three years are only the months with figures', () => {
    const byMonth = [{ month: '2022-05', meetings: 1, topicsCollected: 0, topicsResolved: 0 }];
    expect(monthsOf('2020-01-01', '2026-12-31', byMonth).map((m) => m.month)).toEqual(['2022-05']);
  });

  it('a month opens the days it shares with the period', () => {
    expect(daysOfMonth('2026-02', '2026-01-15', '2026-12-03')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(daysOfMonth('2026-01', '2026-01-15', '2026-12-03')).toEqual({ from: '2026-01-15', to: '2026-01-31' });
    expect(daysOfMonth('2026-12', '2026-01-15', '2026-12-03')).toEqual({ from: '2026-12-01', to: '2026-12-03' });
  });
});
