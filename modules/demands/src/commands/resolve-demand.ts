import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import { linkAttachments } from '../attachments.ts';
import type { Demand, ResolveBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** 办结: the handling unit records the result; a waiting extension request lapses. */
export function resolveDemand(tx: Db, ctx: RequestContext, id: string, input: ResolveBody, now = new Date()): Promise<Demand> {
  return runTransition(tx, ctx, id, 'resolve', {
    version: input.version,
    plan: (demand) => ({
      set: [
        sql`result = ${input.result.trim()}`,
        sql`resolved_at = ${now.toISOString()}::timestamptz`,
        sql`extension_requested_until = NULL`,
        sql`extension_reason = NULL`,
      ],
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
