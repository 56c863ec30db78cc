import type { Noun } from '@linli/core/app-error';

/** What a 404 of the statistics and the notice board names (`AppError.notFound(demandStatsNouns.place, id)`). */
export const demandStatsNouns = {
  place: { 'zh-CN': '地点', 'en-US': 'Place' },
  community: { 'zh-CN': '社区', 'en-US': 'Community' },
} as const satisfies Record<string, Noun>;
