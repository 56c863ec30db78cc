import { can, type RequestContext, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import type { MeetingDetail } from '../contract.ts';
import { MeetingRepository } from '../meeting.repository.ts';

/** A meeting with its agenda, invitees, attendance, motions and photos; the check-in code only for those who run it. */
export async function meetingDetail(db: Db, ctx: RequestContext, id: string): Promise<MeetingDetail | undefined> {
  const tenantId = ctx.actor.tenantId;
  const meetings = new MeetingRepository(db);
  const found = await meetings.findById(tenantId, id, scopePaths(ctx.actor, 'meetings.read'));
  if (!found) return undefined;
  const [items, invitees, attendance, motions, photos] = [
    await meetings.items(tenantId, id),
    await meetings.invitees(tenantId, id),
    await meetings.attendance(tenantId, id),
    await meetings.motions(tenantId, id),
    await meetings.photos(tenantId, id),
  ];
  const { code, nodePath, ...rest } = found;
  const runs = can(ctx.actor, 'meetings.write', nodePath);
  return { ...rest, ...(runs ? { code } : {}), items, invitees, attendance, motions, photos };
}
