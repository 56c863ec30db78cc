import { auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { ResolutionRepository } from '../resolution.repository.ts';
import { SupervisionRepository } from '../supervision.repository.ts';

/**
 * Generates the month's evaluations (一事一月一评): one per resolution under way in the caller's
 * scope with a committee, due on the month's last day. Running it again makes nothing twice; each
 * new evaluation sends its committee a reminder through the outbox: to the members with an account,
 * less those who own one of the resolution's tasks (they may not evaluate it).
 */
export async function scheduleEvaluations(
  tx: Tx,
  ctx: RequestContext,
  month: string,
): Promise<{ scheduled: number; alreadyScheduled: number }> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'resolutions.write');
  const repo = new SupervisionRepository(tx);
  const made = await repo.schedule(tenantId, scope, month);
  const total = await repo.scheduledCount(tenantId, scope, month);
  const accounts = new Map<string, string[]>();
  for (const committeeId of new Set(made.map((e) => e.committeeId)))
    accounts.set(committeeId, await repo.memberAccounts(tenantId, committeeId));
  const resolutions = new ResolutionRepository(tx);
  const recipients = new Map<string, string[]>();
  for (const e of made) {
    const owners = new Set<string>();
    for (const task of await resolutions.tasks(tenantId, e.resolutionId)) {
      const owner = task.ownerMemberId ? await repo.member(tenantId, task.ownerMemberId) : undefined;
      if (owner?.accountId) owners.add(owner.accountId);
    }
    recipients.set(
      e.id,
      (accounts.get(e.committeeId) ?? []).filter((a) => !owners.has(a)),
    );
  }
  await emitEvents(
    tx,
    made.map((e) => ({
      tenantId,
      type: 'resolutions.evaluation_due',
      aggregateType: 'supervision_committee',
      aggregateId: e.committeeId,
      payload: {
        evaluationId: e.id,
        resolutionId: e.resolutionId,
        title: e.title,
        month,
        recipientAccountIds: recipients.get(e.id) ?? [],
      },
    })),
  );
  if (made.length > 0)
    await recordAudit(
      tx,
      auditEntry(ctx, 'resolutions.evaluation.schedule', { type: 'resolution_evaluation', id: made[0]!.id }, { month, count: made.length }),
    );
  return { scheduled: made.length, alreadyScheduled: total - made.length };
}
