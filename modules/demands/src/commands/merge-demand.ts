import { AppError, type RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, MergeBody } from '../contract.ts';
import { DemandRepository } from '../demand.repository.ts';
import { runTransition } from '../transition.ts';

/** Marks a demand as a duplicate of another one the caller can see; the other carries on. */
export function mergeDemand(tx: Tx, ctx: RequestContext, id: string, input: MergeBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'merge', {
    version: input.version,
    plan: async () => {
      if (input.intoId === id) throw AppError.invalid([{ field: 'intoId', reason: 'is the demand itself' }]);
      const into = await new DemandRepository(tx).findRecord(ctx.actor.tenantId, input.intoId, ctx.actor);
      if (!into) throw AppError.invalid([{ field: 'intoId', reason: 'is not a demand you can see' }]);
      if (into.status === 'merged' || into.status === 'rejected') {
        throw AppError.invalid([{ field: 'intoId', reason: `is ${into.status}; merge into the demand it stands for` }]);
      }
      return { change: { mergedIntoId: into.id }, note: input.note, data: { intoId: into.id, intoNumber: into.number } };
    },
  });
}
