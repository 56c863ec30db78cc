import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { BallotRepository, type BallotRow, ruleOf } from '../ballot.repository.ts';
import type { BallotResult } from '../contract.ts';
import { decide } from '../decision.ts';
import { ballotsErrors, ballotsNouns } from '../errors.ts';

/** Counts a ballot: online from the running totals and the participation, on paper from the latest typed-in lines. */
export async function countBallot(ballots: BallotRepository, tenantId: string, b: BallotRow): Promise<BallotResult> {
  const labels = await ballots.options(tenantId, b.id);
  let cast: { voters: number; area: number };
  let options: { id: number; voters: number; area: number }[];
  if (b.method === 'online') {
    cast = await ballots.castCounts(tenantId, b.id);
    const totals = new Map((await ballots.totals(tenantId, b.id)).map((t) => [t.id, t]));
    options = labels.map((o) => ({ id: o.id, voters: totals.get(o.id)?.voters ?? 0, area: Number(totals.get(o.id)?.area ?? 0) }));
  } else {
    const lines = new Map((await ballots.currentTally(tenantId, b.id)).map((l) => [l.optionId, l]));
    const line = (id: number) => ({ voters: lines.get(id)?.voters ?? 0, area: Number(lines.get(id)?.area ?? 0) });
    cast = line(0);
    options = labels.map((o) => ({ id: o.id, ...line(o.id) }));
  }
  const d = decide(ruleOf(b), { roll: { voters: b.rollVoters ?? 0, area: Number(b.rollArea ?? 0) }, cast, options });
  const label = new Map(labels.map((o) => [o.id, o.label]));
  return { ...d, options: d.options.map((o) => ({ ...o, label: label.get(o.id) ?? '' })) };
}

/** Closes an open ballot: counts it, stores the result (shown from now on) and publishes `ballots.closed`. */
export async function closeBallot(tx: Tx, ctx: RequestContext, id: string): Promise<BallotResult> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ballots.write');
  const ballots = new BallotRepository(tx);
  // FOR UPDATE waits for votes under way (they hold FOR SHARE) and keeps new ones out.
  const b = await ballots.lock(tenantId, id, 'update', scope);
  if (!b) throw AppError.notFound(ballotsNouns.ballot, id);
  if (b.status !== 'open') throw AppError.of(ballotsErrors.not_open);
  const result = await countBallot(ballots, tenantId, b);
  await ballots.markClosed(tenantId, id, result);
  const passed = result.options.filter((o) => o.passed).map((o) => o.id);
  await recordAudit(
    tx,
    auditEntry(ctx, 'ballots.close', { type: 'ballot', id }, { quorumMet: result.quorumMet, passed, cast: result.cast }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'ballots.closed',
    aggregateType: 'ballot',
    aggregateId: id,
    payload: { subjectKind: b.subjectKind, subjectId: b.subjectId, quorumMet: result.quorumMet, passed },
  });
  return result;
}
