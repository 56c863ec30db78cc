import { randomBytes } from 'node:crypto';
import { AppError, type RequestContext, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { BallotRepository } from '../ballot.repository.ts';
import { ballotsErrors, ballotsNouns } from '../errors.ts';
import { receiptHash } from './cast-vote.ts';

/**
 * Staff enter one voter's paper ballot on an online ballot (an owners' meeting voted on the phone
 * and on paper at once): the same participation row, choice and running totals as a phone vote, so
 * a voter counts once whichever way they voted — the participation's primary key refuses the second.
 * The receipt is made here and thrown away: a paper vote cannot be changed. Who entered it is the
 * caller's record (the module that drives the paper ballots keeps it); a voter who gave a proxy is
 * counted as voted through it.
 */
export async function recordPaperVote(
  tx: Tx,
  ctx: RequestContext,
  ballotId: string,
  input: { voterId: string; options: number[] },
): Promise<{ outcome: 'cast' }> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ballots.write');
  const ballots = new BallotRepository(tx);
  const b = await ballots.lock(tenantId, ballotId, 'share', scope);
  if (!b) throw AppError.notFound(ballotsNouns.ballot, ballotId);
  if (b.method !== 'online') throw AppError.of(ballotsErrors.not_online);
  if (b.status !== 'open') throw AppError.of(ballotsErrors.not_open);
  const options = [...new Set(input.options)].sort((x, y) => x - y);
  if (options.length !== input.options.length) throw AppError.invalid([{ field: 'options', reason: 'holds an option twice' }]);
  if (options.length > b.maxChoices)
    throw AppError.of(ballotsErrors.too_many_choices, { max: b.maxChoices }, [{ field: 'options', reason: `at most ${b.maxChoices}` }]);
  const known = new Set((await ballots.options(tenantId, ballotId)).map((o) => o.id));
  const unknown = options.find((o) => !known.has(o));
  if (unknown !== undefined)
    throw AppError.of(ballotsErrors.unknown_option, { option: unknown }, [{ field: 'options', reason: `${unknown} is not an option` }]);
  const voter = await ballots.rollVoter(tenantId, ballotId, input.voterId);
  if (!voter) throw AppError.notFound(ballotsNouns.voter, input.voterId);
  const viaProxy = (await ballots.proxyOf(tenantId, ballotId, input.voterId))?.holderId ?? null;
  if (!(await ballots.insertParticipation(tenantId, ballotId, input.voterId, viaProxy, b.anonymous ? null : options)))
    throw AppError.of(ballotsErrors.voted_already);
  await ballots.insertChoice(tenantId, ballotId, receiptHash(randomBytes(32).toString('base64url')), options);
  await ballots.addToTotals(
    tenantId,
    ballotId,
    options.map((optionId) => ({ optionId, sign: 1 as const })),
    Number(voter.area ?? 0),
  );
  return { outcome: 'cast' };
}
