import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the urban-cases module, in both languages (pure: the web may read it). Listed in the manifest. */
export const urbanCasesErrors = defineErrors('urbanCases', {
  not_a_community: { status: 'invalid_input', 'en-US': '{place} is not a community', 'zh-CN': '{place} 不是社区' },
});

/** What a 404 names (`AppError.notFound(urbanCasesNouns.item, id)`). */
export const urbanCasesNouns = {
  item: { 'zh-CN': 'urban-cases记录', 'en-US': 'urban-cases item' },
} as const satisfies Record<string, Noun>;
