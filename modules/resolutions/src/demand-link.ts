import type { ReferenceKind, RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { DemandRepository } from '@linli/demands';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';

/** A demand named as a source of a resolution (requireReferences): in scope where the demand's place is. */
export const demandReference: ReferenceKind = {
  name: 'demand',
  noun: 'Demand',
  from: sql`demand x`,
  path: sql`x.node_path`,
};

/** The deliberation topic a resolution came from (requireReferences): in scope where the topic's place is. */
export const topicReference: ReferenceKind = {
  name: 'resolution_topic',
  noun: 'Topic',
  from: sql`deliberation_topic x`,
  path: sql`x.node_path`,
};

/** The meeting that adopted a resolution (requireReferences): in scope where the meeting's place is. */
export const meetingReference: ReferenceKind = {
  name: 'resolution_meeting',
  noun: 'Meeting',
  from: sql`meeting x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.node_id`,
  path: sql`n.path`,
};

/**
 * Writes an entry into the timeline of each demand the resolution came from, through the demands
 * module's repository: the demand keeps its status (the entry goes from and to it), the action says
 * what happened to the resolution, and the data names it.
 */
export async function noteOnDemands(
  tx: Db,
  ctx: RequestContext,
  demandIds: readonly string[],
  entry: { action: 'resolution_adopted' | 'resolution_completed'; resolutionId: string; title: string; note: string },
): Promise<number> {
  const demands = new DemandRepository(tx);
  let written = 0;
  for (const demandId of demandIds) {
    const state = await demands.currentState(ctx.actor.tenantId, demandId);
    if (!state) continue;
    await demands.appendEvent({
      tenantId: ctx.actor.tenantId,
      demandId,
      actorId: ctx.actor.accountId,
      actorName: ctx.actor.displayName,
      action: entry.action,
      fromStatus: state.status,
      toStatus: state.status,
      note: entry.note,
      data: { resolutionId: entry.resolutionId, resolutionTitle: entry.title },
    });
    written += 1;
  }
  return written;
}
