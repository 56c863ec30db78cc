import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { CouncilDetail } from '../contract.ts';
import { CouncilRepository } from '../council.repository.ts';
import { meetingsNouns } from '../errors.ts';
import { councilDetail } from './council-detail.ts';

/** Ends a seat (the member leaves the council); the row stays for past meetings. */
export async function endSeat(tx: Tx, ctx: RequestContext, councilId: string, seatId: string): Promise<CouncilDetail> {
  const tenantId = ctx.actor.tenantId;
  const councils = new CouncilRepository(tx);
  if (!(await councils.findById(tenantId, councilId, scopePaths(ctx.actor, 'meetings.write')))) {
    throw AppError.notFound(meetingsNouns.council, councilId);
  }
  if (!(await councils.endSeat(tenantId, councilId, seatId))) throw AppError.notFound(meetingsNouns.seat, seatId);
  await recordAudit(tx, auditEntry(ctx, 'meetings.seat.end', { type: 'council_seat', id: seatId }, { councilId }));
  const detail = await councilDetail(tx, ctx, councilId);
  if (!detail) throw AppError.notFound(meetingsNouns.council, councilId);
  return detail;
}
