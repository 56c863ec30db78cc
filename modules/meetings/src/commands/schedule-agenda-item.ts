import { requireSubjects } from '@linli/ballots';
import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Subject } from '../contract.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { meetingFor } from './meeting-guard.ts';

/**
 * Puts a subject of another module (a deliberation topic, a property reform matter, a ballot …) on
 * the agenda of a meeting not yet held, after the last item. Called inside the caller's
 * transaction; the caller must hold meetings.write on the meeting's place. Returns the item's id.
 */
export async function scheduleAgendaItem(tx: Tx, ctx: RequestContext, meetingId: string, subject: Subject): Promise<string> {
  const meeting = await meetingFor(tx, ctx, meetingId, 'invite');
  const title = subject.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(subject.kind)) throw AppError.invalid([{ field: 'kind', reason: 'is not a subject kind' }]);
  // A subject of another community or county answers like an unknown one, as on a new meeting's agenda.
  await requireSubjects(tx, ctx.actor, scopePaths(ctx.actor, 'meetings.write'), [{ field: 'id', kind: subject.kind, id: subject.id }]);
  const itemId = await new MeetingRepository(tx).appendItem(ctx.actor.tenantId, meeting.id, { kind: subject.kind, id: subject.id, title });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'meetings.item.schedule',
      { type: 'meeting_item', id: itemId },
      { meetingId, subjectKind: subject.kind, subjectId: subject.id },
    ),
  );
  return itemId;
}
