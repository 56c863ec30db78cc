import { accountReference } from '@linli/accounts';
import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreateResolutionBody, ResolutionDetail } from '../contract.ts';
import { demandReference, meetingReference, noteOnDemands, topicReference } from '../demand-link.ts';
import { resolutionsErrors } from '../errors.ts';
import { ResolutionRepository } from '../resolution.repository.ts';
import { SupervisionRepository } from '../supervision.repository.ts';
import { resolutionDetail } from './resolution-detail.ts';

const PLACE_KINDS = ['compound', 'community', 'subdistrict'];

/**
 * Records a resolution: what a deliberation adopted at a place (compound, community or
 * subdistrict), with its tasks. The deliberation module calls it when a topic is adopted, with the
 * topic, the meeting and the demands it came from; the committee is the one of the compound at or
 * above the place. Audited, with its event; each source demand's timeline notes the adoption.
 */
export async function createResolution(tx: Tx, ctx: RequestContext, input: CreateResolutionBody): Promise<ResolutionDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'resolutions.write');
  const demandIds = [...new Set(input.demandIds ?? [])];
  const ownerAccountIds = input.tasks.map((t) => t.ownerAccountId).filter((id): id is string => !!id);
  await requireReferences(
    tx,
    ctx.actor,
    scope,
    { nodeId: input.nodeId, topicId: input.topicId, meetingId: input.meetingId, demandIds, ownerAccountIds },
    {
      nodeId: placeReference,
      topicId: topicReference,
      meetingId: meetingReference,
      demandIds: demandReference,
      ownerAccountIds: accountReference,
    },
  );
  const place = await territory.node(tx, tenantId, input.nodeId);
  if (!place || !PLACE_KINDS.includes(place.kind)) throw AppError.of(resolutionsErrors.place_kind, { place: place?.name ?? input.nodeId });
  const title = input.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const blank = input.tasks.findIndex((t) => !t.title.trim() || !t.ownerName.trim());
  if (blank >= 0) throw AppError.invalid([{ field: `tasks.${blank}`, reason: 'needs a title and an owner' }]);
  const committee = await new SupervisionRepository(tx).committeeOver(tenantId, place.path);
  const supervision = new SupervisionRepository(tx);
  for (const [i, t] of input.tasks.entries()) {
    if (!t.ownerMemberId) continue;
    const member = await supervision.member(tenantId, t.ownerMemberId);
    if (!member || member.committeeId !== committee?.id)
      throw AppError.invalid([{ field: `tasks.${i}.ownerMemberId`, reason: 'is not a member of the place’s supervision committee' }]);
  }
  const decidedOn = input.decidedOn ?? new Date().toISOString().slice(0, 10);
  const id = await new ResolutionRepository(tx).insert(
    tenantId,
    {
      nodeId: place.id,
      committeeId: committee?.id ?? null,
      title,
      content: input.content?.trim() || undefined,
      topicId: input.topicId,
      meetingId: input.meetingId,
      demandIds,
      proposedRule: input.proposedRule?.trim() || undefined,
      decidedOn,
      createdBy: ctx.actor.accountId,
    },
    input.tasks,
  );
  await recordAudit(tx, auditEntry(ctx, 'resolutions.resolution.create', { type: 'resolution', id }, { title, nodeId: place.id }));
  await emitEvents(tx, {
    tenantId,
    type: 'resolutions.resolution_created',
    aggregateType: 'resolution',
    aggregateId: id,
    payload: { nodeId: place.id, topicId: input.topicId ?? null, committeeId: committee?.id ?? null },
  });
  await noteOnDemands(tx, ctx, demandIds, {
    action: 'resolution_adopted',
    resolutionId: id,
    title,
    note: `议事协商形成决议「${title}」，进入实施`,
  });
  return resolutionDetail(tx, tenantId, id, scope);
}
