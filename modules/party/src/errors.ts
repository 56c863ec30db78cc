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
  node: { 'zh-CN': '区划节点', 'en-US': 'Territory node' },
} as const satisfies Record<string, Noun>;

/** A kind of party organisation as a conflict names it (English keeps the API's code). */
export const partyOrgKindNouns = {
  subdistrict_committee: { 'zh-CN': '街道党工委', 'en-US': 'subdistrict_committee' },
  community_committee: { 'zh-CN': '社区党委', 'en-US': 'community_committee' },
  compound_branch: { 'zh-CN': '小区党支部', 'en-US': 'compound_branch' },
  building_group: { 'zh-CN': '楼栋党小组', 'en-US': 'building_group' },
  member_household: { 'zh-CN': '党员中心户', 'en-US': 'member_household' },
} as const satisfies Record<string, Noun>;
