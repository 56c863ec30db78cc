import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the territory module, in both languages (pure: the web may read it). Listed in the manifest. */
export const territoryErrors = defineErrors('territory', {
  name_taken: { status: 'conflict', 'en-US': '{parent} already has a {kind} named {name}', 'zh-CN': '{parent}下已有名为 {name} 的{kind}' },
  sibling_name_taken: { status: 'conflict', 'en-US': 'A sibling named {name} already exists', 'zh-CN': '同级已有名为 {name} 的节点' },
  code_taken: { status: 'conflict', 'en-US': 'The code {code} is already used', 'zh-CN': '编码 {code} 已被使用' },
  children_clash: {
    status: 'conflict',
    'en-US': 'Both nodes have children named {names}; merge those first',
    'zh-CN': '两个节点下都有名为 {names} 的下级，请先合并它们',
  },
  merge_blocked: {
    status: 'conflict',
    'en-US': '{node} cannot be merged: {blockers} still point at it',
    'zh-CN': '无法合并“{node}”：仍有{blockers}指向它',
  },
  import_needs_county: {
    status: 'forbidden',
    'en-US': 'Importing division codes needs territory.import on the county',
    'zh-CN': '导入区划代码需要全县的 territory.import 权限',
  },
  too_many_rows: {
    status: 'payload_too_large',
    'en-US': 'A file may have at most {max} rows; split it by compound',
    'zh-CN': '一个文件最多 {max} 行，请按小区拆分',
  },
  division_file_problems: {
    status: 'unprocessable',
    'en-US': 'The division file has {count} problem(s); nothing was imported',
    'zh-CN': '区划文件有 {count} 处问题，未导入任何内容',
  },
});

/** What a 404 names. */
export const territoryNouns = {
  node: { 'zh-CN': '区划节点', 'en-US': 'Territory node' },
  importJob: { 'zh-CN': '导入任务', 'en-US': 'Import job' },
  tenant: { 'zh-CN': '县（市、区）', 'en-US': 'tenant' },
} as const satisfies Record<string, Noun>;
