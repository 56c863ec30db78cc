import type { DateFormat } from './contract.ts';

// Dates of work-order files: wall-clock text in the source's format and time zone → an instant.
// Pure; the zone arithmetic uses the platform's Intl time-zone data, so no date library is needed.

/** True when the platform knows the IANA zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();

/** Offset of `zone` from UTC at the instant, in milliseconds (e.g. +8 h for Asia/Shanghai). */
function offsetAt(instant: number, zone: string): number {
  let f = partsFormat.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormat.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instant))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms?: number;
}

/**
 * The instant at which clocks in `zone` showed the wall-clock time.
 */
export function zonedToInstant(w: WallClock, zone: string): Date {
  const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms ?? 0);
  // The offset at the wall-clock time read as UTC is a first guess; one correction settles it,
  // except inside a skipped hour, which then lands on the far side of the change.
  let t = local - offsetAt(local, zone);
  const corrected = offsetAt(t, zone);
  if (corrected !== local - t) t = local - corrected;
  return new Date(t);
}

/** The wall-clock time in `zone` at an instant. */
export function instantToZoned(instant: Date, zone: string): WallClock {
  const shifted = new Date(instant.getTime() + offsetAt(instant.getTime(), zone));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function valid(w: WallClock): boolean {
  if (w.year < 1900 || w.year > 2200 || w.month < 1 || w.month > 12 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return d.getUTCMonth() === w.month - 1 && d.getUTCDate() === w.day;
}

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const ymdPattern = (sep: string) => new RegExp(`^(\\d{4})${sep}(\\d{1,2})${sep}(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$`);
const ymdDash = ymdPattern('-');
const ymdSlash = ymdPattern('/');
const usPattern = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?[Mm]\.?)?$/;

/**
 * Parses a date-time of the source. Without a time the day starts at 00:00; without an offset the
 * text is wall-clock time in `zone`. Whatever the format, 'YYYY-MM-DD HH:mm:ss' is also accepted,
 * because Excel date cells arrive in that form. Undefined when the text is not such a date.
 */
export function parseSourceDate(text: string, format: DateFormat, zone: string): Date | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  let w: WallClock | undefined;
  let offset: string | undefined;
  const fromYmd = (m: RegExpExecArray): WallClock => ({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
  });
  if (format === 'MM/DD/YYYY hh:mm:ss A') {
    const m = usPattern.exec(t);
    if (m) {
      const hour12 = Number(m[4] ?? 12);
      const pm = (m[7] ?? 'a').toLowerCase() === 'p';
      if (m[4] !== undefined && (hour12 < 1 || hour12 > 12)) return undefined;
      w = {
        year: Number(m[3]),
        month: Number(m[1]),
        day: Number(m[2]),
        hour: m[4] === undefined ? 0 : (hour12 % 12) + (pm ? 12 : 0),
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
      };
    }
  } else if (format === 'YYYY/MM/DD HH:mm:ss') {
    const m = ymdSlash.exec(t);
    if (m) w = fromYmd(m);
  } else if (format === 'YYYY-MM-DD HH:mm:ss') {
    const m = ymdDash.exec(t);
    if (m) w = fromYmd(m);
  }
  if (!w) {
    // ISO 8601, and the form Excel date cells are read in.
    const m = isoPattern.exec(t);
    if (!m) return undefined;
    w = { ...fromYmd(m), ms: Number((m[7] ?? '0').padEnd(3, '0')) };
    offset = m[8];
  }
  if (!valid(w)) return undefined;
  if (offset) {
    const utc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms ?? 0);
    if (offset.toUpperCase() === 'Z') return new Date(utc);
    const o = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
    if (!o) return undefined;
    const minutes = (Number(o[2]) * 60 + Number(o[3])) * (o[1] === '-' ? -1 : 1);
    return new Date(utc - minutes * 60_000);
  }
  return zonedToInstant(w, zone);
}

/** Writes an instant back in the source's format and zone (for the export). */
export function formatSourceDate(instant: Date, format: DateFormat, zone: string): string {
  const w = instantToZoned(instant, zone);
  const date = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
  const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  switch (format) {
    case 'MM/DD/YYYY hh:mm:ss A': {
      const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
      return `${pad(w.month)}/${pad(w.day)}/${w.year} ${pad(h12)}:${pad(w.minute)}:${pad(w.second)} ${w.hour < 12 ? 'AM' : 'PM'}`;
    }
    case 'YYYY/MM/DD HH:mm:ss':
      return `${date.replaceAll('-', '/')} ${time}`;
    case 'YYYY-MM-DD HH:mm:ss':
      return `${date} ${time}`;
    case 'iso': {
      const minutes = Math.round(offsetAt(instant.getTime(), zone) / 60_000);
      const sign = minutes < 0 ? '-' : '+';
      const abs = Math.abs(minutes);
      return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    }
  }
}
