import { defineErrors, type Noun } from '@linli/core/app-error';
import { demandLabelsZh } from './labels.zh-CN.ts';
import type { DemandAction, DemandStatus } from './vocabulary.ts';

/** The errors of the demands module, in both languages (pure: the web may read it). Listed in the manifest. */
export const demandErrors = defineErrors('demand', {
  changed_meanwhile: {
    status: 'conflict',
    'en-US': 'The demand was changed meanwhile (version {version}, you saw {seen})',
    'zh-CN': '该诉求已被他人修改，请刷新后重试',
  },
  changed_first: {
    status: 'conflict',
    'en-US': 'Someone else changed the demand first; it is now {status}',
    'zh-CN': '该诉求已被他人先行处理，当前状态为「{status}」，请刷新',
  },
  not_in_state: {
    status: 'conflict',
    'en-US': 'Cannot {action}: cannot {action} a demand that is {status}',
    'zh-CN': '状态为「{status}」的诉求不能{action}',
  },
  action_refused: {
    status: 'conflict',
    'en-US': 'Cannot {action}: {reason}',
    'zh-CN': '不能{action}：{reason}',
  },
  action_forbidden: { status: 'forbidden', 'en-US': 'You may not {action} this demand', 'zh-CN': '您不能对该诉求执行「{action}」' },
  external_id_taken: {
    status: 'conflict',
    'en-US': 'A demand with this external id is already registered',
    'zh-CN': '该外部工单号已登记',
  },
  category_code_taken: { status: 'conflict', 'en-US': 'A category with this code exists', 'zh-CN': '类别编码已存在' },
  category_name_taken: {
    status: 'conflict',
    'en-US': 'A category with this name exists at this place in the tree',
    'zh-CN': '同一位置已有同名类别',
  },
  category_changed: {
    status: 'conflict',
    'en-US': 'The category was changed by someone else; reload it',
    'zh-CN': '该类别已被他人修改，请刷新后重试',
  },
  no_territory: { status: 'forbidden', 'en-US': 'The county has no territory yet', 'zh-CN': '本县尚未建立区划' },
  upload_forbidden: {
    status: 'forbidden',
    'en-US': 'Permission demand.intake or demand.handle is required to upload',
    'zh-CN': '需要 demand.intake 或 demand.handle 权限才能上传',
  },
  file_too_large: { status: 'payload_too_large', 'en-US': 'A {type} file may be at most {mb} MB', 'zh-CN': '{type} 文件不能超过 {mb} MB' },
  too_many_uploads: {
    status: 'rate_limited',
    'en-US': 'At most {max} uploads a day may wait to be attached to a demand',
    'zh-CN': '每天最多 {max} 个未关联诉求的上传',
  },
});

/** An action as a param of a declared text (English as the API writes it: `request extension`). */
export const actionNoun = (action: DemandAction): Noun => ({ 'zh-CN': demandLabelsZh.actions[action], 'en-US': action.replace('_', ' ') });
/** A status as a param of a declared text. */
export const statusNoun = (status: DemandStatus | string): Noun => ({
  'zh-CN': demandLabelsZh.statuses[status as DemandStatus] ?? status,
  'en-US': status,
});

/** What a 404 names. */
export const demandNouns = {
  demand: { 'zh-CN': '诉求', 'en-US': 'Demand' },
  category: { 'zh-CN': '诉求类别', 'en-US': 'Category' },
  attachment: { 'zh-CN': '附件', 'en-US': 'Attachment' },
  attachmentFile: { 'zh-CN': '附件文件', 'en-US': 'Attachment file' },
} as const satisfies Record<string, Noun>;
