import { defineErrors, type Noun } from '@linli/core/app-error';

/**
 * The errors of the Open311 clients' administration, in both languages (pure: the web may read it).
 * Listed in the manifest. The public GeoReport v2 endpoints answer in the spec's own English error list.
 */
export const open311Errors = defineErrors('open311', {
  key_taken: { status: 'conflict', 'en-US': 'This api key is already in use', 'zh-CN': '该 API 密钥已被使用' },
  client_name_taken: { status: 'conflict', 'en-US': 'An Open311 client with this name exists', 'zh-CN': '已有同名的 Open311 接入方' },
});

/** What a 404 names. */
export const open311Nouns = {
  client: { 'zh-CN': 'Open311 接入方', 'en-US': 'Open311 client' },
  category: { 'zh-CN': '诉求类别', 'en-US': 'Category' },
} as const satisfies Record<string, Noun>;
