import { type Actor, can, maskPersonalText } from '@linli/core';
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
/** Of those, the notes staff wrote: they may name other people (a neighbour, a phone called), so they are masked. */
const STAFF_NOTES = new Set(['reject', 'resolve', 'close']);
const masked = (text: string | null) => (text === null ? null : maskPersonalText(text));

/**
 * The detail as its reporter sees it: which step happened and when, but not who among the staff
 * did it, their internal notes (dispatch, transfer, return, escalation, extension, supervision,
 * callbacks) or the facts recorded with each step; of the callbacks, only those that reached them.
 * What staff wrote for the reporter to read (the result, the reason of a rejection, their notes)
 * leaves the staff app: it goes through core's personal-data masker, like the notice board. The reporter's own text stays as they wrote it.
 */
export function forReporter<T extends Omit<DemandDetail, 'allowedActions' | 'attachments'>>(detail: T): T {
  return {
    ...detail,
    extensionReason: null,
    result: masked(detail.result),
    rejectReason: masked(detail.rejectReason),
    // A callback tells the reporter something only when it reached them: the attempts that did not
    // (无人接听) are staff work, and shown they read as the same step twice.
    timeline: detail.timeline
      .filter((e) => e.action !== 'callback' || e.data.reached === true)
      .map((e) => ({
        ...e,
        actorName: null,
        note: !PUBLIC_NOTES.has(e.action) ? null : STAFF_NOTES.has(e.action) ? masked(e.note) : e.note,
        data: {},
      })),
  };
}
