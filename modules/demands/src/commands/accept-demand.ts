import { type Actor, can, type RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, NoteBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** The caller's closest unit covering the place where they may take it in: it becomes the first receiver. */
export function receivingGrant(actor: Actor, nodePath: string) {
  return actor.grants
    .filter((g) => nodePath === g.path || nodePath.startsWith(`${g.path}.`))
    .filter((g) => can({ ...actor, grants: [g] }, 'demand.intake') || can({ ...actor, grants: [g] }, 'demand.dispatch'))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** 受理: the accepting unit becomes the first receiver (首接负责制) and the response clock stops. */
export function acceptDemand(tx: Tx, ctx: RequestContext, id: string, input: NoteBody = {}): Promise<Demand> {
  return runTransition(tx, ctx, id, 'accept', {
    version: input.version,
    plan: (demand) => {
      const grant = receivingGrant(ctx.actor, demand.nodePath);
      if (!grant) throw new Error('accept decided without a receiving grant');
      return {
        change: { firstReceiver: { nodeId: grant.nodeId, path: grant.path }, respondedAt: 'now' },
        note: input.note,
        data: { firstReceiver: { id: grant.nodeId, name: grant.nodeName ?? null } },
      };
    },
  });
}
