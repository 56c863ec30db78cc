import { registerProxy } from '@linli/ballots';
import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MeetingDetail, MeetingProxyBody } from '../contract.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { readMeetingDetail } from '../meeting-detail.ts';
import { requireHouseholdOfCompound } from './meeting-household.ts';
import { requireMeetingStatus } from './meeting-state.ts';
import { hasVoted } from './meeting-votes.ts';

/**
 * Registers a proxy (授权委托): the owner of a household authorises another person, named, with the
 * authorisation document uploaded to this meeting. One proxy per household; not after the household
 * voted; no proxy of a proxy. When the proxy owns another household of the compound, they may vote
 * for this one on the phone (registered on every matter's ballot, now or when the vote opens);
 * otherwise staff enter the proxy's paper ballot. Audited with the proxy's name and the document.
 */
export async function registerMeetingProxy(tx: Tx, ctx: RequestContext, id: string, input: MeetingProxyBody): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const meetings = new MeetingRepository(tx);
  const m = await meetings.lock(tenantId, id, scope);
  if (!m) throw AppError.notFound(ownersCommitteesNouns.meeting, id);
  requireMeetingStatus(m.status, ['noticed', 'voting']);
  const compound = { id: m.compoundId, path: m.compoundPath, name: m.compoundName };
  const household = await requireHouseholdOfCompound(tx, ctx.actor, scope, input, 'householdId', compound);
  const holder = input.holderHouseholdId
    ? await requireHouseholdOfCompound(tx, ctx.actor, scope, input, 'holderHouseholdId', compound)
    : null;
  if (holder && holder.id === household.id) throw AppError.invalid([{ field: 'holderHouseholdId', reason: 'is the household itself' }]);
  const proxyName = input.proxyName.trim();
  if (!proxyName) throw AppError.invalid([{ field: 'proxyName', reason: 'is empty' }]);
  // The document is looked up in this meeting only: one of another meeting answers like an unknown id.
  const document = await meetings.document(tenantId, id, input.documentId);
  if (!document) throw AppError.notFound(ownersCommitteesNouns.document, input.documentId);
  if (document.usedBy) throw AppError.invalid([{ field: 'documentId', reason: 'is the document of another proxy' }]);
  const existing = await meetings.proxyOf(tenantId, id, household.id);
  if (existing) throw AppError.of(ownersCommitteesErrors.proxy_exists, { household: household.name, name: existing.proxyName });
  if (holder) {
    const given = await meetings.proxyOf(tenantId, id, holder.id);
    const held = (await meetings.proxies(tenantId, id)).some((p) => p.holderHouseholdId === household.id);
    if (given || held) throw AppError.of(ownersCommitteesErrors.proxy_chain);
  }
  const matters = await meetings.matters(tenantId, id);
  const ballotIds = matters.map((x) => x.ballotId);
  if (await hasVoted(tx, tenantId, ballotIds, household.id))
    throw AppError.of(ownersCommitteesErrors.household_voted, { household: household.name });
  const by = { id: ctx.actor.accountId, name: ctx.actor.displayName || ctx.actor.username };
  const proxyId = await meetings.insertProxy(tenantId, {
    meetingId: id,
    householdId: household.id,
    proxyName,
    holderHouseholdId: holder?.id ?? null,
    documentId: document.id,
    by,
  });
  if (!proxyId) throw AppError.of(ownersCommitteesErrors.proxy_exists, { household: household.name, name: proxyName });
  if (holder && m.status === 'voting')
    for (const ballotId of ballotIds)
      if (ballotId) await registerProxy(tx, ctx, ballotId, { grantorId: household.id, holderId: holder.id });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'ownersCommittees.meeting.proxy',
      { type: 'owners_meeting', id },
      {
        proxyId,
        householdId: household.id,
        household: household.name,
        proxyName,
        holderHouseholdId: holder?.id ?? null,
        documentId: document.id,
        documentSha256: document.sha256,
      },
    ),
  );
  return readMeetingDetail(tx, tenantId, id, scope);
}
