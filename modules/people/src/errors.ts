import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the people module, in both languages (pure: the web may read it). Listed in the manifest. */
export const peopleErrors = defineErrors('people', {
  id_number_taken: {
    status: 'conflict',
    'en-US': 'A resident with this ID number is already registered',
    'zh-CN': '该身份证号的居民已登记',
  },
  moved_outside_scope: { status: 'forbidden', 'en-US': 'The resident was moved outside your area', 'zh-CN': '该居民已迁出您的管辖范围' },
  write_required_here: {
    status: 'forbidden',
    'en-US': 'Permission people.write is required for {where}',
    'zh-CN': '需要 people.write 权限（{where}）',
  },
  pii_required: {
    status: 'forbidden',
    'en-US': 'Permission people.pii is required for this resident',
    'zh-CN': '需要 people.pii 权限（此居民）',
  },
  sensitive_required: { status: 'forbidden', 'en-US': 'Permission people.sensitive is required', 'zh-CN': '需要 people.sensitive 权限' },
});

/** What a 404 names, and the places a 403 names. */
export const peopleNouns = {
  resident: { 'zh-CN': '居民', 'en-US': 'Resident' },
  leader: { 'zh-CN': '楼栋长', 'en-US': 'Leader' },
  thisPlace: { 'zh-CN': '此地点', 'en-US': 'this place' },
  thisHousehold: { 'zh-CN': '此住户', 'en-US': 'this household' },
  newHousehold: { 'zh-CN': '新住户', 'en-US': 'the new household' },
} as const satisfies Record<string, Noun>;
