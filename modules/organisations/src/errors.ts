import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the organisations module, in both languages (pure: the web may read it). Listed in the manifest. */
export const organisationErrors = defineErrors('organisation', {
  name_taken_here: { status: 'conflict', 'en-US': '{name} is already registered here', 'zh-CN': '此处已登记名为 {name} 的组织' },
  already_registered: { status: 'conflict', 'en-US': 'Already registered with {community}', 'zh-CN': '已在{community}报到' },
  write_required_here: {
    status: 'forbidden',
    'en-US': 'Permission organisation.write is required for {where}',
    'zh-CN': '需要 organisation.write 权限（{where}）',
  },
});

/** The places a 403 names. */
export const organisationPlaces = {
  thisPlace: { 'zh-CN': '此地点', 'en-US': 'this place' },
  thisCommunity: { 'zh-CN': '本社区', 'en-US': 'this community' },
} as const satisfies Record<string, Noun>;
