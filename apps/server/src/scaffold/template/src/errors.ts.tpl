import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the __name__ module, in both languages (pure: the web may read it). Listed in the manifest. */
export const __camel__Errors = defineErrors('__snake__', {
  not_a_community: { status: 'invalid_input', 'en-US': '{place} is not a community', 'zh-CN': '{place} 不是社区' },
});

/** What a 404 names (`AppError.notFound(__camel__Nouns.item, id)`). */
export const __camel__Nouns = {
  item: { 'zh-CN': '__name__记录', 'en-US': '__name__ item' },
} as const satisfies Record<string, Noun>;
