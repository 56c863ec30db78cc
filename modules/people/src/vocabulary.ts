// The people module's fixed lists. Imports nothing: the contract and the web app read it.

/** Tags the web app offers; free tags are accepted too (a county adds its own). */
export const residentTags = ['高龄', '独居', '残疾', '低保', '党员', '退役军人', '空巢', '留守儿童', '重点关注'] as const;
