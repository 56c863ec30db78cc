import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the property module, in both languages (pure: the web may read it). Listed in the manifest. */
export const propertyErrors = defineErrors('property', {
  not_a_community: { status: 'invalid_input', 'en-US': '{place} is not a community', 'zh-CN': '{place} 不是社区' },
});

/** What a 404 names (`AppError.notFound(propertyNouns.item, id)`). */
export const propertyNouns = {
  item: { 'zh-CN': 'property记录', 'en-US': 'property item' },
} as const satisfies Record<string, Noun>;
