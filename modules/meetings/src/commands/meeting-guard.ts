import { AppError, type RequestContext, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { MeetingRepository, type MeetingRow } from '../meeting.repository.ts';
import { allows, type MeetingAction } from '../rules.ts';

const actionWords: Record<MeetingAction, { 'zh-CN': string; 'en-US': string }> = {
  edit: { 'zh-CN': '修改', 'en-US': 'changed' },
  invite: { 'zh-CN': '邀请参会人', 'en-US': 'given invitees' },
  publish: { 'zh-CN': '发布通知', 'en-US': 'published' },
  remind: { 'zh-CN': '发送提醒', 'en-US': 'reminded' },
  checkIn: { 'zh-CN': '签到', 'en-US': 'checked in to' },
  open: { 'zh-CN': '开会', 'en-US': 'opened' },
  motion: { 'zh-CN': '动议或发言', 'en-US': 'debated' },
  minutes: { 'zh-CN': '记录纪要', 'en-US': 'minuted' },
  close: { 'zh-CN': '结束会议', 'en-US': 'closed' },
  cancel: { 'zh-CN': '取消', 'en-US': 'cancelled' },
};

const statusWords = {
  draft: { 'zh-CN': '草稿', 'en-US': 'a draft' },
  published: { 'zh-CN': '已通知', 'en-US': 'published' },
  open: { 'zh-CN': '进行中', 'en-US': 'open' },
  closed: { 'zh-CN': '已结束', 'en-US': 'closed' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'cancelled' },
} as const;

/** Refuses an action the meeting's state does not allow (409 naming the state and the action). */
export function requireStatus(meeting: MeetingRow, action: MeetingAction): void {
  if (!allows(meeting.status, action)) {
    throw AppError.of(meetingsErrors.wrong_status, { status: statusWords[meeting.status], action: actionWords[action] });
  }
}

/**
 * The meeting a staff write acts on, locked, in the caller's meetings.write scope (else 404 like
 * an unknown id), in a state that allows the action.
 */
export async function meetingFor(db: Db, ctx: RequestContext, id: string, action: MeetingAction): Promise<MeetingRow> {
  const meeting = await new MeetingRepository(db).forUpdate(ctx.actor.tenantId, id, scopePaths(ctx.actor, 'meetings.write'));
  if (!meeting) throw AppError.notFound(meetingsNouns.meeting, id);
  requireStatus(meeting, action);
  return meeting;
}
