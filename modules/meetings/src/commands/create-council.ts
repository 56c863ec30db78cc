import { AppError, auditEntry, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CouncilDetail, CreateCouncilBody } from '../contract.ts';
import { CouncilRepository } from '../council.repository.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { defaultSize, nodeKindOfLevel } from '../rules.ts';
import { councilDetail } from './council-detail.ts';

/**
 * Sets up a council on a place of its level (a compound council on a compound, a community
 * council on a community, a street joint meeting on a subdistrict). A community council gets the
 * 5–9 member rule unless other limits are given.
 */
export async function createCouncil(tx: Tx, ctx: RequestContext, input: CreateCouncilBody): Promise<CouncilDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'meetings.write');
  await requireReferences(tx, ctx.actor, scope, input, { nodeId: placeReference });
  const node = await territory.node(tx, tenantId, input.nodeId);
  if (node?.kind !== nodeKindOfLevel[input.level]) {
    throw AppError.of(meetingsErrors.wrong_place_kind, { level: input.level, place: node?.name ?? input.nodeId }, [
      { field: 'nodeId', reason: `is not a ${nodeKindOfLevel[input.level]}` },
    ]);
  }
  const name = input.name.trim();
  if (!name) throw AppError.invalid([{ field: 'name', reason: 'is empty' }]);
  const kind = input.kind ?? 'council';
  const size = defaultSize(input.level, kind);
  const minMembers = input.minMembers ?? size.min;
  const maxMembers = input.maxMembers ?? size.max;
  if (minMembers !== null && maxMembers !== null && minMembers > maxMembers) {
    throw AppError.invalid([{ field: 'minMembers', reason: 'is more than maxMembers' }]);
  }
  if (input.termStart && input.termEnd && input.termStart > input.termEnd) {
    throw AppError.invalid([{ field: 'termEnd', reason: 'is before termStart' }]);
  }
  const councils = new CouncilRepository(tx);
  const id = await councils.insert(tenantId, {
    nodeId: input.nodeId,
    level: input.level,
    kind,
    name,
    minMembers,
    maxMembers,
    quorumPercent: input.quorumPercent ?? 51,
    termStart: input.termStart,
    termEnd: input.termEnd,
    createdBy: ctx.actor.accountId,
  });
  await recordAudit(tx, auditEntry(ctx, 'meetings.council.create', { type: 'council', id }, { name, level: input.level, kind }));
  const created = await councilDetail(tx, ctx, id);
  if (!created) throw AppError.notFound(meetingsNouns.council, id);
  return created;
}
