import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the party module, in both languages (pure: the web may read it). Listed in the manifest. */
export const partyErrors = defineErrors('party', {
  member_taken: {
    status: 'conflict',
    'en-US': 'This resident is already a registered party member',
    'zh-CN': '该居民已登记为党员',
  },
  org_exists_here: { status: 'conflict', 'en-US': '{node} already has a {kind}', 'zh-CN': '{node}已有{kind}' },
  write_required: {
    status: 'forbidden',
    'en-US': 'Permission party.write is required for this place',
    'zh-CN': '需要 party.write 权限（此地点）',
  },
});

/** What a 404 names. */
export const partyNouns = {
  org: { 'zh-CN': '党组织', 'en-US': 'Party organisation' },
} as const satisfies Record<string, Noun>;
