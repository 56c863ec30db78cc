import { type Actor, can } from '@linli/core';
import type { DemandDetail } from './contract.ts';
import type { DemandFacts } from './state-machine.ts';

/** Does the caller see this demand as staff (by scope), rather than only as the resident who reported it? */
export function seesAsStaff(actor: Actor, demand: Pick<DemandFacts, 'nodePath' | 'firstReceiverPath' | 'handlingPath'>): boolean {
  return (
    can(actor, 'demand.read', demand.nodePath) ||
    (demand.firstReceiverPath !== null && can(actor, 'demand.read', demand.firstReceiverPath)) ||
    (demand.handlingPath !== null && can(actor, 'demand.handle', demand.handlingPath))
  );
}

/** Timeline notes a resident reads: what they wrote, why it was not accepted, and the result. */
const PUBLIC_NOTES = new Set(['submit', 'reject', 'resolve', 'evaluate', 'reopen', 'close']);

/**
 * The detail as its reporter sees it: which step happened and when, but not who among the staff
 * did it, their internal notes (dispatch, transfer, return, escalation, extension, supervision,
 * callbacks) or the facts recorded with each step.
 */
export function forReporter<T extends Omit<DemandDetail, 'allowedActions' | 'attachments'>>(detail: T): T {
  return {
    ...detail,
    extensionReason: null,
    timeline: detail.timeline.map((e) => ({
      ...e,
      actorName: null,
      note: PUBLIC_NOTES.has(e.action) ? e.note : null,
      data: {},
    })),
  };
}
