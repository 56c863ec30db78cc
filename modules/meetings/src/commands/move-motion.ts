import { AppError, auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Motion, MotionBody } from '../contract.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { canMoveMotion } from '../rules.ts';
import { meetingFor } from './meeting-guard.ts';

/** The chair records a motion moved from the floor: a motion comes first, and only one is debated at a time. */
export async function moveMotion(tx: Tx, ctx: RequestContext, meetingId: string, input: MotionBody): Promise<Motion> {
  const tenantId = ctx.actor.tenantId;
  await meetingFor(tx, ctx, meetingId, 'motion');
  const meetings = new MeetingRepository(tx);
  if (input.itemId && !(await meetings.itemOnAgenda(tenantId, meetingId, input.itemId))) {
    throw new AppError('not_found', 'Agenda item not found', [{ field: 'itemId', reason: 'not found' }]);
  }
  const text = input.text.trim();
  const mover = input.mover.trim();
  if (!text) throw AppError.invalid([{ field: 'text', reason: 'is empty' }]);
  if (!mover) throw AppError.invalid([{ field: 'mover', reason: 'is empty' }]);
  if (!canMoveMotion(await meetings.openMotions(tenantId, meetingId))) throw AppError.of(meetingsErrors.motion_open);
  const id = await meetings.insertMotion(tenantId, meetingId, { text, mover, itemId: input.itemId });
  await recordAudit(tx, auditEntry(ctx, 'meetings.motion.move', { type: 'meeting_motion', id }, { meetingId }));
  return motionOf(tx, tenantId, meetingId, id);
}

export async function motionOf(tx: Tx, tenantId: string, meetingId: string, id: string): Promise<Motion> {
  const found = (await new MeetingRepository(tx).motions(tenantId, meetingId)).find((m) => m.id === id);
  if (!found) throw AppError.notFound(meetingsNouns.motion, id);
  return found;
}
