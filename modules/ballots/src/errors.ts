import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the ballots module, in both languages (pure: the web may read it). Listed in the manifest. */
export const ballotsErrors = defineErrors('ballots', {
  not_a_community: { status: 'invalid_input', 'en-US': '{place} is not a community', 'zh-CN': '{place} 不是社区' },
});

/** What a 404 names (`AppError.notFound(ballotsNouns.item, id)`). */
export const ballotsNouns = {
  item: { 'zh-CN': 'ballots记录', 'en-US': 'ballots item' },
} as const satisfies Record<string, Noun>;
