import i18n from 'i18next';

// Labels of the ballots enums: the translation when there is one, else the raw value (a subject
// kind another module invents still shows something readable).
export type LabelGroup = 'statuses' | 'methods' | 'units' | 'weightings' | 'rules' | 'bases' | 'subjectKinds';

export function ballotLabel(group: LabelGroup, value: string | null | undefined): string {
  if (!value) return '';
  const key = `ballots.${group}.${value}`;
  return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : value;
}

export const statusColor: Record<string, string> = { draft: 'default', open: 'processing', closed: 'success' };
