import { AppError, type RequestContext, requireAbility } from '@linli/core';
import type { Db } from '@linli/db';
import { BallotRepository } from './ballot.repository.ts';
import { householdsOf } from './commands/cast-vote.ts';
import type { BallotResult, MyBallot } from './contract.ts';
import { ballotsNouns } from './errors.ts';

/**
 * The result of a ballot in the caller's `ballots.read` scope: null while it is not closed (results
 * are hidden until closing). For other modules (a meeting item, an owners' decision) to read the outcome.
 */
export async function ballotResult(db: Db, ctx: RequestContext, id: string): Promise<{ status: string; result: BallotResult | null }> {
  const scope = requireAbility(ctx.actor, 'ballots.read');
  const found = await new BallotRepository(db).storedResult(ctx.actor.tenantId, id, scope);
  if (!found) throw AppError.notFound(ballotsNouns.ballot, id);
  return found;
}

/** The ballots a resident votes in (own vote and proxies held), open ones first; results only once closed. */
export async function myBallots(db: Db, ctx: RequestContext, ballotId?: string): Promise<MyBallot[]> {
  const tenantId = ctx.actor.tenantId;
  const repo = new BallotRepository(db);
  const voters = await repo.myVoters(tenantId, ctx.actor.accountId, householdsOf(ctx), ballotId);
  const byBallot = new Map<string, MyBallot['voters']>();
  for (const v of voters) {
    const list = byBallot.get(v.ballotId) ?? [];
    list.push({ voterId: v.voterId, name: v.name, proxy: v.proxy, voted: v.voted, changed: v.changed });
    byBallot.set(v.ballotId, list);
  }
  const ballots = await repo.myBallots(tenantId, [...byBallot.keys()]);
  return Promise.all(ballots.map(async (b) => ({ ...b, options: await repo.options(tenantId, b.id), voters: byBallot.get(b.id) ?? [] })));
}
