import { topicLevels, topicSources, topicStatuses } from '@linli/deliberation/vocabulary';

// The topic pool's filters and their form in an address (/deliberation?status=excluded&redProject=true),
// so that a link (the dashboard's figures) opens the pool filtered.

export interface TopicFilters {
  nodeId?: string;
  status?: string;
  level?: string;
  source?: string;
  redProject?: boolean;
  overdue?: boolean;
  q?: string;
  /** The name of the place (labels the select when the place came with the address). */
  placeName?: string;
}

const textKeys = ['nodeId', 'placeName', 'status', 'level', 'source', 'q'] as const;
const flagKeys = ['redProject', 'overdue'] as const;

/** The filters an address names (`?status=excluded&redProject=true`); unknown words are left out. */
export function topicFiltersOf(params: URLSearchParams): TopicFilters {
  const filters: TopicFilters = {};
  for (const key of textKeys) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  for (const key of flagKeys) if (params.get(key) === 'true') filters[key] = true;
  if (filters.status && !(topicStatuses as readonly string[]).includes(filters.status)) delete filters.status;
  if (filters.level && !(topicLevels as readonly string[]).includes(filters.level)) delete filters.level;
  if (filters.source && !(topicSources as readonly string[]).includes(filters.source)) delete filters.source;
  return filters;
}

/** The address's query of the filters (the reverse of topicFiltersOf). */
export function topicFiltersParams(filters: TopicFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of textKeys) if (filters[key]) params.set(key, filters[key] as string);
  for (const key of flagKeys) if (filters[key]) params.set(key, 'true');
  return params;
}
