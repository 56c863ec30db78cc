import { createHash } from 'node:crypto';
import { AppError, type RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import { BallotRepository } from '../ballot.repository.ts';
import type { CastBody, CastResult } from '../contract.ts';
import { ballotsErrors, ballotsNouns } from '../errors.ts';

/** The key a choice is stored under: SHA-256 of the receipt only the voter's phone keeps. */
export const receiptHash = (receipt: string): string => createHash('sha256').update(receipt, 'utf8').digest('hex');

/** The households the caller lives in (resident grants on household nodes). */
export const householdsOf = (ctx: RequestContext): string[] => [
  ...new Set(ctx.actor.grants.filter((g) => g.role === 'resident').map((g) => g.nodeId)),
];

/**
 * A resident casts (or changes) a vote online, for themself, their household, or as proxy holder
 * for another voter. Race-free and idempotent: the participation row's primary key admits one vote
 * per voter; a retry of the same request (same receipt, same choice) answers `unchanged`; a change
 * presents the first receipt, once, while the ballot allows it. The choice is stored under the
 * receipt's hash with no voter and no time (see README: anonymity).
 */
export async function castVote(tx: Tx, ctx: RequestContext, ballotId: string, input: CastBody): Promise<CastResult> {
  const tenantId = ctx.actor.tenantId;
  const ballots = new BallotRepository(tx);
  // FOR SHARE: many votes at once, none while a close is counting.
  const b = await ballots.lock(tenantId, ballotId, 'share');
  const households = householdsOf(ctx);
  const mine = b ? await ballots.myVoters(tenantId, ctx.actor.accountId, households, ballotId) : [];
  // A ballot the caller has no vote in reads like one that does not exist.
  if (!b || mine.length === 0) throw AppError.notFound(ballotsNouns.ballot, ballotId);
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

  const own = mine.filter((v) => !v.proxy);
  let voterId: string;
  let viaProxy: string | null = null;
  if (input.forVoterId) {
    if (!mine.some((v) => v.proxy && v.voterId === input.forVoterId)) throw AppError.of(ballotsErrors.not_proxy_holder);
    voterId = input.forVoterId;
    viaProxy = (await ballots.proxyOf(tenantId, ballotId, voterId))?.holderId ?? null;
  } else {
    const chosen = input.householdId ? own.find((v) => v.voterId === input.householdId) : own[0];
    if (!chosen) {
      if (input.householdId) throw AppError.notFound(ballotsNouns.voter, input.householdId);
      throw AppError.of(ballotsErrors.not_on_roll);
    }
    voterId = chosen.voterId;
    if (await ballots.proxyOf(tenantId, ballotId, voterId)) throw AppError.of(ballotsErrors.proxy_given);
  }
  // The voter's roll row is locked: two requests for one voter (a retry, two phones) run one after the other.
  const voter = await ballots.rollVoter(tenantId, ballotId, voterId);
  if (!voter) throw AppError.notFound(ballotsNouns.voter, voterId);
  const weight = Number(voter.area ?? 0);
  const hash = receiptHash(input.receipt);
  const named = b.anonymous ? null : options;

  if (await ballots.insertParticipation(tenantId, ballotId, voterId, viaProxy, named)) {
    if (!(await ballots.insertChoice(tenantId, ballotId, hash, options))) throw AppError.of(ballotsErrors.receipt_taken);
    await ballots.addToTotals(
      tenantId,
      ballotId,
      options.map((optionId) => ({ optionId, sign: 1 as const })),
      weight,
    );
    return { outcome: 'cast', changed: false };
  }
  const before = await ballots.choicesOf(tenantId, ballotId, hash);
  const participation = await ballots.participation(tenantId, ballotId, voterId);
  if (before.length === 0) throw AppError.of(ballotsErrors.already_voted);
  const now = options.length ? options : [0];
  if (before.join() === now.join()) return { outcome: 'unchanged', changed: participation?.changed ?? false };
  if (!b.allowChange) throw AppError.of(ballotsErrors.change_not_allowed);
  if (participation?.changed) throw AppError.of(ballotsErrors.changed_once);
  await ballots.deleteChoice(tenantId, ballotId, hash);
  await ballots.insertChoice(tenantId, ballotId, hash, options);
  await ballots.addToTotals(
    tenantId,
    ballotId,
    [...before.map((optionId) => ({ optionId, sign: -1 as const })), ...options.map((optionId) => ({ optionId, sign: 1 as const }))],
    weight,
  );
  await ballots.markChanged(tenantId, ballotId, voterId, named);
  return { outcome: 'changed', changed: true };
}
