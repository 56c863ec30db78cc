import { request } from '@linli/web-kit/client';
import type { StationLevel } from '../src/station-contract.ts';

// What the station pages share: the PUT the web-kit client has no shortcut for, and the level colours.

export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });

export const levelColor: Record<StationLevel, string> = { compound: 'green', community: 'blue', street: 'purple' };

/** A time in China, 'MM-DD 周六 09:00' / 'MM-DD Sat 09:00'. */
export function openingText(iso: string, zh: boolean): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = (zh ? ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] : ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'])[
    d.getUTCDay()
  ];
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** An opening as 'MM-DD 周六 09:00–11:00'. */
export const openingRange = (o: { start: string; end: string }, zh: boolean) =>
  `${openingText(o.start, zh)}–${openingText(o.end, zh).slice(-5)}`;

/** The i18n keys of the fixed lists, spelt out so that the typed `t` knows them. */
export const levelKey = {
  compound: 'deliberationStations.levels.compound',
  community: 'deliberationStations.levels.community',
  street: 'deliberationStations.levels.street',
} as const;
export const weekdayKeys = [
  [1, 'deliberationStations.weekdayNames.1'],
  [2, 'deliberationStations.weekdayNames.2'],
  [3, 'deliberationStations.weekdayNames.3'],
  [4, 'deliberationStations.weekdayNames.4'],
  [5, 'deliberationStations.weekdayNames.5'],
  [6, 'deliberationStations.weekdayNames.6'],
  [7, 'deliberationStations.weekdayNames.7'],
] as const;
export const nthKeys = [
  [1, 'deliberationStations.nthNames.1'],
  [2, 'deliberationStations.nthNames.2'],
  [3, 'deliberationStations.nthNames.3'],
  [4, 'deliberationStations.nthNames.4'],
  [-1, 'deliberationStations.nthNames.-1'],
] as const;
