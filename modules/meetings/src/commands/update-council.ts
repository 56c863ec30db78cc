import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { CouncilDetail, UpdateCouncilBody } from '../contract.ts';
import { CouncilRepository } from '../council.repository.ts';
import { meetingsNouns } from '../errors.ts';
import { councilDetail } from './council-detail.ts';

/** Renames a council, changes its quorum or term, or retires it (active: false). */
export async function updateCouncil(tx: Tx, ctx: RequestContext, id: string, input: UpdateCouncilBody): Promise<CouncilDetail> {
  const tenantId = ctx.actor.tenantId;
  const councils = new CouncilRepository(tx);
  const council = await councils.findById(tenantId, id, scopePaths(ctx.actor, 'meetings.write'));
  if (!council) throw AppError.notFound(meetingsNouns.council, id);
  const name = input.name?.trim();
  if (input.name !== undefined && !name) throw AppError.invalid([{ field: 'name', reason: 'is empty' }]);
  const termStart = input.termStart !== undefined ? input.termStart : council.termStart;
  const termEnd = input.termEnd !== undefined ? input.termEnd : council.termEnd;
  if (termStart && termEnd && termStart > termEnd) throw AppError.invalid([{ field: 'termEnd', reason: 'is before termStart' }]);
  await councils.update(tenantId, id, { ...input, name });
  await recordAudit(tx, auditEntry(ctx, 'meetings.council.update', { type: 'council', id }, { ...input }));
  const updated = await councilDetail(tx, ctx, id);
  if (!updated) throw AppError.notFound(meetingsNouns.council, id);
  return updated;
}
