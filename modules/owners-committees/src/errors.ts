import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the owners-committees module, in both languages (pure: the web may read it). Listed in the manifest. */
export const ownersCommitteesErrors = defineErrors('ownersCommittees', {
  not_a_community: { status: 'invalid_input', 'en-US': '{place} is not a community', 'zh-CN': '{place} 不是社区' },
});

/** What a 404 names (`AppError.notFound(ownersCommitteesNouns.item, id)`). */
export const ownersCommitteesNouns = {
  item: { 'zh-CN': 'owners-committees记录', 'en-US': 'owners-committees item' },
} as const satisfies Record<string, Noun>;
