import { type RequestContext, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import type { CouncilDetail } from '../contract.ts';
import { CouncilRepository } from '../council.repository.ts';

/**
 * A council with the seats held now, as the caller may see it: party membership only where the
 * caller holds people.sensitive on the seat holder's household (privacy matrix).
 */
export async function councilDetail(db: Db, ctx: RequestContext, id: string): Promise<CouncilDetail | undefined> {
  const tenantId = ctx.actor.tenantId;
  const councils = new CouncilRepository(db);
  const council = await councils.findById(tenantId, id, scopePaths(ctx.actor, 'meetings.read'));
  if (!council) return undefined;
  const seats = await councils.seats(tenantId, id, scopePaths(ctx.actor, 'people.sensitive'));
  return {
    ...council,
    seats: seats.map(({ showParty, isPartyMember, ...s }) => (showParty ? { ...s, isPartyMember: isPartyMember === true } : s)),
  };
}
