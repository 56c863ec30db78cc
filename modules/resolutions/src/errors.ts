import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the resolutions module, in both languages (pure: the web may read it). Listed in the manifest. */
export const resolutionsErrors = defineErrors('resolutions', {
  not_a_community: { status: 'invalid_input', 'en-US': '{place} is not a community', 'zh-CN': '{place} 不是社区' },
});

/** What a 404 names (`AppError.notFound(resolutionsNouns.item, id)`). */
export const resolutionsNouns = {
  item: { 'zh-CN': 'resolutions记录', 'en-US': 'resolutions item' },
} as const satisfies Record<string, Noun>;
