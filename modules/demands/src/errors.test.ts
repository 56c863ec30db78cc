import { AppError } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { actionNoun, demandErrors, statusNoun } from './errors.ts';

describe('demand errors', () => {
  it('keep the English messages the API wrote before and give the Chinese of the state refusals', () => {
    const refused = AppError.of(demandErrors.not_in_state, { action: actionNoun('accept'), status: statusNoun('dispatched') });
    expect(refused.message).toBe('Cannot accept: cannot accept a demand that is dispatched');
    expect(refused.messageIn('zh-CN')).toBe('状态为「已派单」的诉求不能受理');
    const forbidden = AppError.of(demandErrors.action_forbidden, { action: actionNoun('request_extension') });
    expect(forbidden.message).toBe('You may not request extension this demand');
    expect(forbidden.messageIn('zh-CN')).toBe('您不能对该诉求执行「申请延期」');
    const first = AppError.of(demandErrors.changed_first, { status: statusNoun('in_progress') });
    expect(first.messageIn('zh-CN')).toBe('该诉求已被他人先行处理，当前状态为「办理中」，请刷新');
  });

  it('name every action in Chinese as the demand screens do', () => {
    const refused = AppError.of(demandErrors.action_refused, {
      action: actionNoun('decide_extension'),
      reason: { 'zh-CN': '没有待审批的延期申请', 'en-US': 'there is no extension request waiting' },
    });
    expect(refused.message).toBe('Cannot decide extension: there is no extension request waiting');
    expect(refused.messageIn('zh-CN')).toBe('不能延期审批：没有待审批的延期申请');
  });
});
