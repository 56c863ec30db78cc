import i18n from 'i18next';

/** A label of the module's vocabularies in the current language ('resolutions.statuses' …), else the raw value. */
export function label(group: string, value: string | null | undefined): string {
  if (!value) return '';
  const key = `${group}.${value}`;
  return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : value;
}
export const stateColor: Record<string, string> = { due: 'blue', late: 'red', on_time: 'green', evaluated_late: 'orange' };
export const statusColor: Record<string, string> = { in_progress: 'processing', completed: 'success', cancelled: 'default' };
