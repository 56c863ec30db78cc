import { AppError, auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MeetingDetail, MinutesBody } from '../contract.ts';
import { meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { meetingDetail } from './meeting-detail.ts';
import { meetingFor } from './meeting-guard.ts';

/** Writes the minutes and the decision on each agenda item (while open, or after closing to complete them). */
export async function recordMinutes(tx: Tx, ctx: RequestContext, meetingId: string, input: MinutesBody): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  await meetingFor(tx, ctx, meetingId, 'minutes');
  const meetings = new MeetingRepository(tx);
  await meetings.recordMinutes(tenantId, meetingId, input.minutes.trim());
  for (const [i, item] of (input.items ?? []).entries()) {
    if (!(await meetings.decideItem(tenantId, meetingId, item.id, item.decision.trim(), item.outcome))) {
      throw new AppError('not_found', 'Agenda item not found', [{ field: `items.${i}.id`, reason: 'not found' }]);
    }
  }
  await recordAudit(
    tx,
    auditEntry(ctx, 'meetings.minutes.record', { type: 'meeting', id: meetingId }, { items: input.items?.length ?? 0 }),
  );
  const detail = await meetingDetail(tx, ctx, meetingId);
  if (!detail) throw AppError.notFound(meetingsNouns.meeting, meetingId);
  return detail;
}
