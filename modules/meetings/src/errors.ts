import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the meetings module, in both languages (pure: the web may read it). Listed in the manifest. */
export const meetingsErrors = defineErrors('meetings', {
  not_a_community: { status: 'invalid_input', 'en-US': '{place} is not a community', 'zh-CN': '{place} 不是社区' },
});

/** What a 404 names (`AppError.notFound(meetingsNouns.item, id)`). */
export const meetingsNouns = {
  item: { 'zh-CN': 'meetings记录', 'en-US': 'meetings item' },
} as const satisfies Record<string, Noun>;
