import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MeetingDetail, PublishNoticeBody } from '../contract.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { readMeetingDetail } from '../meeting-detail.ts';
import { matterKindLabels, meetingNoticeDays } from '../vocabulary.ts';
import { chinaToday, isRealDate } from './compound-residents.ts';
import { requireMeetingStatus } from './meeting-state.ts';

/** Whole days from `a` to `b` (yyyy-mm-dd). */
export const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * Publishes the meeting's notice (会议公告) to the compound's owners: the day it went up on the board
 * (today by default, never later than today) must lie at least 15 days before the vote starts. From
 * now on the compound's residents see the meeting and its agenda on the phone.
 */
export async function publishMeetingNotice(tx: Tx, ctx: RequestContext, id: string, input: PublishNoticeBody): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const meetings = new MeetingRepository(tx);
  const m = await meetings.lock(tenantId, id, scope);
  if (!m) throw AppError.notFound(ownersCommitteesNouns.meeting, id);
  requireMeetingStatus(m.status, ['draft']);
  const today = chinaToday();
  const noticeOn = input.noticeOn ?? today;
  if (!isRealDate(noticeOn)) throw AppError.invalid([{ field: 'noticeOn', reason: 'is not a real date' }]);
  if (noticeOn > today) throw AppError.invalid([{ field: 'noticeOn', reason: 'is in the future' }]);
  const days = daysBetween(noticeOn, m.voteFrom);
  if (days < meetingNoticeDays)
    throw AppError.of(ownersCommitteesErrors.notice_too_short, { days, min: meetingNoticeDays }, [
      { field: 'noticeOn', reason: `is ${days} day(s) before the vote; at least ${meetingNoticeDays} are required` },
    ]);
  const matters = await meetings.matters(tenantId, id);
  const body = [
    `${m.compoundName}全体业主：`,
    `定于${m.voteFrom}至${m.voteUntil}召开${m.title}${m.placeText ? `（${m.placeText}）` : ''}，业主可通过手机或书面表决票表决，也可书面委托他人代为表决。表决事项：`,
    ...matters.map(
      (x) =>
        `${x.position}. ${x.title}（${matterKindLabels[x.kind]}；${x.rule === 'art278_major' ? '须经参与表决专有部分面积四分之三以上且人数四分之三以上同意' : '须经参与表决专有部分面积过半数且人数过半数同意'}）`,
    ),
    '依《民法典》第二百七十八条，应由专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决。',
  ].join('\n');
  await meetings.setNoticed(tenantId, id, { noticeOn, body, by: ctx.actor.accountId });
  await recordAudit(
    tx,
    auditEntry(ctx, 'ownersCommittees.meeting.notice', { type: 'owners_meeting', id }, { noticeOn, voteFrom: m.voteFrom }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'ownersCommittees.meeting_noticed',
    aggregateType: 'owners_meeting',
    aggregateId: id,
    payload: { compoundId: m.compoundId, voteFrom: m.voteFrom },
  });
  return readMeetingDetail(tx, tenantId, id, scope);
}
