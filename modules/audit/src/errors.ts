import { defineErrors } from '@linli/core/app-error';

/** The errors of the audit module, in both languages (pure: the web may read it). Listed in the manifest. */
export const auditErrors = defineErrors('audit', {
  chain_broken: {
    status: 'conflict',
    'en-US': 'The audit trail is broken; no checkpoint was written',
    'zh-CN': '审计日志已被篡改或损坏，未生成检查点',
  },
});
