import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { territory } from '@linli/territory';
import { BallotRepository } from '../ballot.repository.ts';
import type { Ballot } from '../contract.ts';
import { ballotsErrors, ballotsNouns } from '../errors.ts';

/**
 * Opens a draft ballot and freezes its roll: the households under its place (with their floor
 * area) or the residents living there at this moment. Nobody moving in later votes; a ballot
 * weighted by floor area is refused while any household lacks one.
 */
export async function openBallot(tx: Tx, ctx: RequestContext, id: string): Promise<Ballot> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ballots.write');
  const ballots = new BallotRepository(tx);
  const b = await ballots.lock(tenantId, id, 'update', scope);
  if (!b) throw AppError.notFound(ballotsNouns.ballot, id);
  if (b.status !== 'draft') throw AppError.of(ballotsErrors.not_draft);
  const roll = await ballots.freezeRoll(tenantId, b);
  const place = (await territory.node(tx, tenantId, b.placeId))?.name ?? b.placeId;
  if (roll.voters === 0)
    throw AppError.of(ballotsErrors.empty_roll, {
      place,
      unit: b.voterUnit === 'household' ? { 'zh-CN': '户', 'en-US': 'household' } : { 'zh-CN': '居民', 'en-US': 'resident' },
    });
  if (b.weighting === 'area' && roll.missingArea > 0) throw AppError.of(ballotsErrors.area_missing, { place, count: roll.missingArea });
  await ballots.markOpen(tenantId, id, roll);
  await recordAudit(tx, auditEntry(ctx, 'ballots.open', { type: 'ballot', id }, { rollVoters: roll.voters, rollArea: roll.area }));
  await emitEvents(tx, {
    tenantId,
    type: 'ballots.opened',
    aggregateType: 'ballot',
    aggregateId: id,
    payload: { subjectKind: b.subjectKind, subjectId: b.subjectId, rollVoters: roll.voters },
  });
  const opened = await ballots.detail(tenantId, id, scope);
  if (!opened) throw AppError.notFound(ballotsNouns.ballot, id);
  return opened;
}
