import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the opinion-map module, in both languages (pure: the web may read it). Listed in the manifest. */
export const opinionMapErrors = defineErrors('opinionMap', {
  not_a_community: { status: 'invalid_input', 'en-US': '{place} is not a community', 'zh-CN': '{place} 不是社区' },
});

/** What a 404 names (`AppError.notFound(opinionMapNouns.item, id)`). */
export const opinionMapNouns = {
  item: { 'zh-CN': 'opinion-map记录', 'en-US': 'opinion-map item' },
} as const satisfies Record<string, Noun>;
