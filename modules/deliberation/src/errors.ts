import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the deliberation module, in both languages (pure: the web may read it). Listed in the manifest. */
export const deliberationErrors = defineErrors('deliberation', {
  not_a_community: { status: 'invalid_input', 'en-US': '{place} is not a community', 'zh-CN': '{place} 不是社区' },
});

/** What a 404 names (`AppError.notFound(deliberationNouns.item, id)`). */
export const deliberationNouns = {
  item: { 'zh-CN': 'deliberation记录', 'en-US': 'deliberation item' },
} as const satisfies Record<string, Noun>;
