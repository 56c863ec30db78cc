import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { BallotRepository } from '../ballot.repository.ts';
import type { BallotProxy, ProxyBody } from '../contract.ts';
import { ballotsErrors, ballotsNouns } from '../errors.ts';

/**
 * Registers a written proxy (授权委托书): a voter of the roll lets another voter of the roll vote for
 * them. A holder holds at most the ballot's `maxProxies`; no proxy of a proxy; none after the
 * grantor voted. Both roll rows are locked, so two registrations for one holder cannot both slip
 * under the cap.
 */
export async function registerProxy(tx: Tx, ctx: RequestContext, id: string, input: ProxyBody): Promise<BallotProxy[]> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ballots.write');
  const ballots = new BallotRepository(tx);
  const b = await ballots.lock(tenantId, id, 'share', scope);
  if (!b) throw AppError.notFound(ballotsNouns.ballot, id);
  if (b.status !== 'open') throw AppError.of(ballotsErrors.not_open);
  if (input.grantorId === input.holderId) throw AppError.invalid([{ field: 'holderId', reason: 'is the grantor' }]);
  // Lock in id order so two registrations naming the same pair the other way round cannot deadlock.
  const [first, second] = [input.grantorId, input.holderId].sort();
  const a = await ballots.rollVoter(tenantId, id, first as string);
  const c = await ballots.rollVoter(tenantId, id, second as string);
  const found = new Map([
    [first, a],
    [second, c],
  ]);
  if (!found.get(input.grantorId) || !found.get(input.holderId)) throw AppError.notFound(ballotsNouns.voter);
  if (b.maxProxies === 0) throw AppError.of(ballotsErrors.proxy_cap, { max: 0 });
  if (await ballots.participation(tenantId, id, input.grantorId)) throw AppError.of(ballotsErrors.proxy_after_vote);
  const grantor = await ballots.proxyCounts(tenantId, id, input.grantorId);
  const holder = await ballots.proxyCounts(tenantId, id, input.holderId);
  if (grantor.given > 0) throw AppError.of(ballotsErrors.proxy_given);
  if (grantor.held > 0 || holder.given > 0) throw AppError.of(ballotsErrors.proxy_chain);
  if (holder.held >= b.maxProxies) throw AppError.of(ballotsErrors.proxy_cap, { max: b.maxProxies });
  await ballots.insertProxy(tenantId, id, input.grantorId, input.holderId, ctx.actor.accountId);
  await recordAudit(tx, auditEntry(ctx, 'ballots.proxy', { type: 'ballot', id }, { grantorId: input.grantorId, holderId: input.holderId }));
  return ballots.proxies(tenantId, id);
}
