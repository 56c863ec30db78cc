import { describe, expect, it } from 'vitest';
import { formatSourceDate, isTimeZone, parseSourceDate } from './dates.ts';

describe('work-order dates', () => {
  it('reads NYC 311 US dates as New York wall-clock time (EST in December)', () => {
    expect(parseSourceDate('12/25/2013 11:59:08 PM', 'MM/DD/YYYY hh:mm:ss A', 'America/New_York')?.toISOString()).toBe(
      '2013-12-26T04:59:08.000Z',
    );
    expect(parseSourceDate('12/25/2013 12:00:00 AM', 'MM/DD/YYYY hh:mm:ss A', 'America/New_York')?.toISOString()).toBe(
      '2013-12-25T05:00:00.000Z',
    );
    expect(parseSourceDate('12/25/2013 12:30:00 PM', 'MM/DD/YYYY hh:mm:ss A', 'America/New_York')?.toISOString()).toBe(
      '2013-12-25T17:30:00.000Z',
    );
  });

  it('follows daylight-saving time of the zone (EDT in July)', () => {
    expect(parseSourceDate('07/04/2014 09:00:00 AM', 'MM/DD/YYYY hh:mm:ss A', 'America/New_York')?.toISOString()).toBe(
      '2014-07-04T13:00:00.000Z',
    );
  });

  it('reads Chinese exports in Beijing time', () => {
    expect(parseSourceDate('2026-03-01 08:30:00', 'YYYY-MM-DD HH:mm:ss', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T00:30:00.000Z');
    expect(parseSourceDate('2026/3/1 8:30', 'YYYY/MM/DD HH:mm:ss', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T00:30:00.000Z');
  });

  it('honours an ISO offset and takes a bare ISO time in the zone', () => {
    expect(parseSourceDate('2026-03-01T08:30:00+08:00', 'iso', 'America/New_York')?.toISOString()).toBe('2026-03-01T00:30:00.000Z');
    expect(parseSourceDate('2026-03-01T00:30:00Z', 'iso', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T00:30:00.000Z');
    expect(parseSourceDate('2026-03-01T08:30:00', 'iso', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T00:30:00.000Z');
    expect(parseSourceDate('2026-03-01', 'iso', 'Asia/Shanghai')?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('accepts the Excel date-cell form whatever the format', () => {
    expect(parseSourceDate('2013-12-25 23:59:08', 'MM/DD/YYYY hh:mm:ss A', 'America/New_York')?.toISOString()).toBe(
      '2013-12-26T04:59:08.000Z',
    );
  });

  it('refuses text that is not a real date in the format', () => {
    for (const [text, format] of [
      ['13/25/2013 11:59:08 PM', 'MM/DD/YYYY hh:mm:ss A'],
      ['02/30/2013 01:00:00 AM', 'MM/DD/YYYY hh:mm:ss A'],
      ['12/25/2013 13:00:00 PM', 'MM/DD/YYYY hh:mm:ss A'],
      ['25.12.2013', 'YYYY-MM-DD HH:mm:ss'],
      ['2013-12-25 24:10:00', 'YYYY-MM-DD HH:mm:ss'],
      ['yesterday', 'iso'],
    ] as const) {
      expect(parseSourceDate(text, format, 'Asia/Shanghai'), text).toBeUndefined();
    }
  });

  it('writes dates back in the source format and zone (round trip)', () => {
    const at = new Date('2013-12-26T04:59:08Z');
    expect(formatSourceDate(at, 'MM/DD/YYYY hh:mm:ss A', 'America/New_York')).toBe('12/25/2013 11:59:08 PM');
    expect(formatSourceDate(at, 'YYYY-MM-DD HH:mm:ss', 'Asia/Shanghai')).toBe('2013-12-26 12:59:08');
    expect(formatSourceDate(at, 'iso', 'Asia/Shanghai')).toBe('2013-12-26T12:59:08+08:00');
    expect(parseSourceDate(formatSourceDate(at, 'iso', 'America/New_York'), 'iso', 'UTC')?.getTime()).toBe(at.getTime());
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
