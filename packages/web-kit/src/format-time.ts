import dayjs from 'dayjs';

/** A time as staff read it in lists and drawers, to the minute: 2026-12-03 14:05; '—' when there is none. */
export function formatMinute(value: string | Date | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}
