import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import { linkAttachments } from '../attachments.ts';
import type { Demand, ResolveBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** 办结: the handling unit records the result; a waiting extension request lapses. */
export function resolveDemand(tx: Tx, ctx: RequestContext, id: string, input: ResolveBody, now = new Date()): Promise<Demand> {
  return runTransition(tx, ctx, id, 'resolve', {
    version: input.version,
    plan: (demand) => ({
      change: { result: input.result.trim(), resolvedAt: now, extension: null },
      note: input.result.trim(),
      data: { onTime: now.getTime() <= demand.resolveDueAt.getTime(), attachments: input.attachmentIds?.length ?? 0 },
      after: (tx2) =>
        linkAttachments(
          tx2,
          { tenantId: ctx.actor.tenantId, demandId: id, stage: 'resolution', accountId: ctx.actor.accountId },
          input.attachmentIds,
        ),
    }),
  });
}
