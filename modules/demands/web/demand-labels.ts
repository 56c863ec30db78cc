import i18n from 'i18next';
import type { DemandAction } from './api.ts';

// Labels of the demands enums: the translation when there is one, else the raw value, so a value a
// newer server sends still shows something readable.
function label(group: string, value: string | null | undefined): string {
  if (!value) return '';
  const key = `demands.${group}.${value}`;
  return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : value;
}

export const statusLabel = (v: string | null | undefined) => label('statuses', v);
export const levelLabel = (v: string | null | undefined) => label('levels', v);
export const channelLabel = (v: string | null | undefined) => label('channels', v);
export const typeLabel = (v: string | null | undefined) => label('types', v);
export const urgencyLabel = (v: string | null | undefined) => label('urgencies', v);
export const satisfactionLabel = (v: string | null | undefined) => label('satisfactions', v);
export const actionLabel = (v: string | null | undefined) => label('actions', v);

/** Built-in reply templates of an action, in the current language. */
export function replyTemplates(action: DemandAction): string[] {
  const key = `demands.templates.${action}`;
  if (!i18n.exists(key)) return [];
  const value = (i18n.t as (k: string, o: object) => unknown)(key, { returnObjects: true });
  return Array.isArray(value) ? value.map(String) : [];
}

export const statusColor: Record<string, string> = {
  submitted: 'orange',
  accepted: 'gold',
  rejected: 'default',
  returned: 'magenta',
  dispatched: 'blue',
  in_progress: 'processing',
  resolved: 'green',
  evaluated: 'cyan',
  closed: 'default',
  merged: 'default',
};

/** "2 天 3 小时" from milliseconds (absolute value), to the two largest units. */
export function durationText(ms: number): string {
  const t = i18n.t as (k: string, o: object) => string;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0)
    return [t('demands.deadline.days', { count: days }), hours ? t('demands.deadline.hours', { count: hours }) : ''].join(' ').trim();
  if (hours > 0) return t('demands.deadline.hours', { count: hours });
  return t('demands.deadline.minutes', { count: minutes % 60 });
}

/** A rate as the dashboard shows it (one decimal, `—` when there is nothing to rate). */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}
