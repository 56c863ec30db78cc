import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { BallotRepository } from '../ballot.repository.ts';
import type { TallyBody, TallyEntry } from '../contract.ts';
import { centi, tallyProblems } from '../decision.ts';
import { ballotsErrors, ballotsNouns } from '../errors.ts';

/**
 * The secretary types in paper or show-of-hands counts: ballots cast and each option's votes (and
 * floor area on a weighted ballot). A line typed again with another number is a correction: a new
 * version with who and why; the earlier versions stay. Unchanged lines are not repeated.
 */
export async function enterTally(tx: Tx, ctx: RequestContext, id: string, input: TallyBody): Promise<TallyEntry[]> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ballots.write');
  const ballots = new BallotRepository(tx);
  const b = await ballots.lock(tenantId, id, 'update', scope);
  if (!b) throw AppError.notFound(ballotsNouns.ballot, id);
  if (b.method !== 'tally') throw AppError.of(ballotsErrors.not_tally);
  if (b.status !== 'open') throw AppError.of(ballotsErrors.not_open);
  const weighted = b.weighting === 'area';
  const optionIds = new Set((await ballots.options(tenantId, id)).map((o) => o.id));
  const seen = new Set<number>();
  const missing: { field: string; reason: string }[] = [];
  for (const [i, o] of input.options.entries()) {
    if (!optionIds.has(o.id))
      throw AppError.of(ballotsErrors.unknown_option, { option: o.id }, [{ field: `options.${i}.id`, reason: 'not on this ballot' }]);
    if (seen.has(o.id)) missing.push({ field: `options.${i}.id`, reason: 'is given twice' });
    seen.add(o.id);
    if (weighted && o.area === undefined)
      missing.push({ field: `options.${i}.area`, reason: 'is required on a ballot weighted by floor area' });
  }
  if (weighted && input.cast.area === undefined)
    missing.push({ field: 'cast.area', reason: 'is required on a ballot weighted by floor area' });
  if (missing.length) throw AppError.invalid(missing);

  const current = new Map((await ballots.currentTally(tenantId, id)).map((l) => [l.optionId, l]));
  const wanted = [
    { optionId: 0, voters: input.cast.voters, area: weighted ? (input.cast.area ?? 0) : null },
    ...input.options.map((o) => ({ optionId: o.id, voters: o.voters, area: weighted ? (o.area ?? 0) : null })),
  ];
  const lines = wanted.flatMap((w) => {
    const was = current.get(w.optionId);
    if (was && was.voters === w.voters && centi(Number(was.area ?? 0)) === centi(w.area ?? 0)) return [];
    return [{ ...w, version: (was?.version ?? 0) + 1 }];
  });
  const reason = input.reason?.trim() || null;
  if (lines.some((l) => l.version > 1) && !reason)
    throw AppError.of(ballotsErrors.correction_needs_reason, undefined, [{ field: 'reason', reason: 'is required for a correction' }]);

  // The whole tally after this entry must add up.
  const after = new Map([...current].map(([k, v]) => [k, { voters: v.voters, area: Number(v.area ?? 0) }]));
  for (const l of lines) after.set(l.optionId, { voters: l.voters, area: l.area ?? 0 });
  const problems = tallyProblems(
    {
      roll: { voters: b.rollVoters ?? 0, area: Number(b.rollArea ?? 0) },
      cast: after.get(0) ?? { voters: 0, area: 0 },
      options: [...after].filter(([k]) => k > 0).map(([k, v]) => ({ id: k, ...v })),
    },
    b.maxChoices,
    weighted,
  );
  if (problems.length) throw AppError.of(ballotsErrors.tally_inconsistent, undefined, problems);

  await ballots.appendTally(tenantId, id, lines, reason, { id: ctx.actor.accountId, name: ctx.actor.displayName || ctx.actor.username });
  if (lines.length)
    await recordAudit(
      tx,
      auditEntry(
        ctx,
        'ballots.tally',
        { type: 'ballot', id },
        { lines: lines.map((l) => ({ option: l.optionId, version: l.version, voters: l.voters, area: l.area })), reason },
      ),
    );
  return ballots.tallyHistory(tenantId, id);
}
