import i18n from 'i18next';

/** The label of a word of the topic pool in the current language (status, level, source, action …). */
export const topicLabel = (group: 'statuses' | 'levels' | 'sourcesNames' | 'actionNames' | 'lists' | 'redirects' | 'roles', key: string) =>
  i18n.t(`topics.${group}.${key}`, { defaultValue: key });

export const statusColor: Record<string, string> = {
  submitted: 'orange',
  admissible: 'cyan',
  excluded: 'default',
  pooled: 'blue',
  scheduled: 'geekblue',
  deliberated: 'purple',
  adopted: 'green',
  rejected: 'red',
  deferred: 'gold',
  escalated: 'volcano',
  implementing: 'blue',
  completed: 'green',
  evaluated: 'green',
  published: 'green',
  closed: 'default',
  merged: 'default',
};
